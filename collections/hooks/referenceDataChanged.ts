import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, RequestContext } from 'payload'

import { bumpRevision } from '../../src/delivery/revisions'

const bump = (collection: string, req: Parameters<CollectionAfterChangeHook>[0]['req'], context: RequestContext) =>
  // The import bumps once when it has loaded everything.
  context.write?.kind === 'seed' ? Promise.resolve() : bumpRevision(req.payload, { kind: 'reference', key: collection, change: 'changed' }, req)

/**
 * Categories, holidays, scenarios and the glossary shape what agents are served: any change is a
 * new delivery revision, which makes every server process rebuild its snapshot.
 */
export function referenceDataChanged(collection: string): { afterChange: CollectionAfterChangeHook[]; afterDelete: CollectionAfterDeleteHook[] } {
  return {
    afterChange: [
      async ({ doc, req, context }) => {
        await bump(collection, req, context)
        return doc
      },
    ],
    afterDelete: [
      async ({ doc, req, context }) => {
        await bump(collection, req, context)
        return doc
      },
    ],
  }
}
