import type { CollectionAfterDeleteHook } from 'payload'

import { recordAuditFor } from '../../src/audit/log'

/** What names a deleted document in the audit trail, and what of its last content the entry keeps. */
export type DeletionRecord = { key: string | null; before: Record<string, unknown> }

/**
 * Every delete from an audited collection is in the audit trail (who, the key, the last content),
 * written in the delete's transaction, so neither commits without the other.
 */
export function auditDeletion(
  collection: string,
  recorded: (doc: Record<string, any>, context: Record<string, unknown>) => DeletionRecord,
): CollectionAfterDeleteHook {
  return async ({ doc, req, context }) => {
    const { key, before } = recorded(doc, context)
    await recordAuditFor(req, {
      action: 'delete',
      summary: `${collection}: ${key ?? doc.id} deleted`,
      targetCollection: collection,
      documentId: String(doc.id),
      documentKey: key,
      before,
      after: null,
    })
    return doc
  }
}
