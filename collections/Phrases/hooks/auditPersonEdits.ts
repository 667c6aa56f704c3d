import type { CollectionAfterChangeHook } from 'payload'
import type { Phrase } from '../../../src/payload-types'

import { isPerson } from '../../../src/access'
import { recordAuditFor } from '../../../src/audit/log'
import { PHRASE_TEXT_FIELDS } from '../../../src/domain/locales'
import { DIFFED_SHARED_FIELDS, sameContent } from '../../../src/domain/phraseDiff'

const AUDITED_FIELDS = [...PHRASE_TEXT_FIELDS, ...DIFFED_SHARED_FIELDS]

/** A related document (category, holiday, base phrase) is recorded by its id, not as read with its fields. */
const asRecorded = (value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value) && 'id' in value ? (value as { id: unknown }).id : (value ?? null)

/**
 * A person's create, edit or restore of a phrase is in the audit trail with the changed fields
 * before and after (in the locale written). Workflow transitions, the scheduler and the import
 * write their own entries; the machine's conversion follows the person's entry.
 */
export const auditPersonEdits: CollectionAfterChangeHook<Phrase> = async ({ doc, previousDoc, operation, req, context }) => {
  const write = context.write
  if (write?.kind === 'transition' || write?.kind === 'seed' || write?.kind === 'reproposal' || !isPerson(req.user)) return doc
  const before: Record<string, unknown> = {}
  const after: Record<string, unknown> = {}
  for (const field of AUDITED_FIELDS) {
    if (operation === 'update' && sameContent(previousDoc?.[field], doc[field])) continue
    if (operation === 'create' && (doc[field] === undefined || doc[field] === null)) continue
    if (operation === 'update') before[field] = asRecorded(previousDoc?.[field])
    after[field] = asRecorded(doc[field])
  }
  const restoring = Boolean(context.isRestoringVersion)
  if (!restoring && operation === 'update' && Object.keys(after).length === 0) return doc
  const action = restoring ? 'restore' : operation === 'create' ? 'create' : 'edit'
  const restoredVersion = write?.kind === 'restore' ? write.version : undefined
  const version = restoredVersion ? ` (version ${restoredVersion})` : ''
  await recordAuditFor(req, {
    action,
    summary: restoring ? `${doc.key}: restored${version} as a new draft` : `${doc.key}: ${action} (${req.locale})`,
    targetCollection: 'phrases',
    documentId: String(doc.id),
    documentKey: doc.key,
    locale: typeof req.locale === 'string' ? req.locale : null,
    before: operation === 'create' ? null : before,
    after: restoring && restoredVersion ? { ...after, restoredVersion } : after,
  })
  return doc
}
