import type { CollectionAfterDeleteHook } from 'payload'
import type { Phrase } from '../../../src/payload-types'

import { bumpRevision } from '../../../src/delivery/revisions'

/** An admin's delete of a phrase takes it away from agents like a retirement. */
export const withdrawDeleted: CollectionAfterDeleteHook<Phrase> = async ({ doc, req }) => {
  await bumpRevision(req.payload, { kind: 'phrase', key: doc.key, change: 'withdrawn' }, req)
  return doc
}
