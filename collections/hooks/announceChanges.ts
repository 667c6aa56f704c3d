import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionAfterLogoutHook, CollectionSlug, PayloadRequest } from 'payload'

import { announceChange } from '../../src/changes/announce'

/**
 * Tells the caches built from `collection` (the converter, the forbidden-term matcher, checked
 * credentials), in this process and the others, that it changed, once the write commits.
 */
export function announceChanges(collection: CollectionSlug): {
  afterChange: CollectionAfterChangeHook[]
  afterDelete: CollectionAfterDeleteHook[]
} {
  const announce = async <Doc>({ doc, req }: { doc: Doc; req: PayloadRequest }): Promise<Doc> => {
    await announceChange(req.payload, { collection }, req)
    return doc
  }
  return { afterChange: [announce], afterDelete: [announce] }
}

/** Signing out ends a session: a credential checked before must not be trusted after it. */
export const announceSignOut: CollectionAfterLogoutHook = async ({ req, collection }) => {
  await announceChange(req.payload, { collection: collection.slug }, req)
}
