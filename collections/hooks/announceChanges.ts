import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionAfterLogoutHook, CollectionSlug } from 'payload'

import { announceChange } from '../../src/changes/announce'

/**
 * Tells the caches built from `collection` (the converter, the forbidden-term matcher, checked
 * credentials), in this process and the others, that it changed, once the write commits.
 */
export function announceChanges(collection: CollectionSlug): {
  afterChange: CollectionAfterChangeHook[]
  afterDelete: CollectionAfterDeleteHook[]
} {
  return {
    afterChange: [
      async ({ doc, req }) => {
        await announceChange(req.payload, { collection }, req)
        return doc
      },
    ],
    afterDelete: [
      async ({ doc, req }) => {
        await announceChange(req.payload, { collection }, req)
        return doc
      },
    ],
  }
}

/** Signing out ends a session: a credential checked before must not be trusted after it. */
export const announceSignOut: CollectionAfterLogoutHook = async ({ req, collection }) => {
  await announceChange(req.payload, { collection: collection.slug }, req)
}
