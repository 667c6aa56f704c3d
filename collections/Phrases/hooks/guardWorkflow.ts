import { APIError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook } from 'payload'
import type { Phrase } from '../../../src/payload-types'

import { isPerson } from '../../../src/access'
import { recordAuditFor } from '../../../src/audit/log'
import { said } from '../refusals'

/**
 * What a person's save may do outside the workflow endpoints: write drafts, never publish
 * (admins included: publishing is what approval does), and every save makes its author one of
 * the authors of the pending change, which the four-eyes rule then checks.
 */
export const guardWorkflow: CollectionBeforeChangeHook<Phrase> = ({ data, originalDoc, req, context }) => {
  const write = context.write?.kind
  if (write === 'transition' || write === 'seed' || !isPerson(req.user)) return data
  // The restore endpoint always saves a draft, whatever the status of the version it restores.
  if (data._status === 'published' && write !== 'restore') {
    throw new APIError(said(req, 'publish_through_review'), 403)
  }
  if (write === 'reproposal') return data
  // A JSON field: a list of user ids as strings.
  const authors = new Set<string>(Array.isArray(originalDoc?.pendingAuthors) ? originalDoc.pendingAuthors.map(String) : [])
  authors.add(String(req.user!.id))
  data.pendingAuthors = [...authors]
  // A restored version, or an edit of what was published, scheduled or retired, is a new pending
  // change; an approval covered the content it saw, so editing a scheduled phrase cancels it.
  if (context.isRestoringVersion || data.workflowState !== 'in_review') {
    data.workflowState = 'draft'
    data.publishAt = null
  }
  return data
}

/**
 * An approval for later that a save ended (an edit, a restore, a glossary re-conversion) is in the
 * audit trail: when it was due and who cancelled it, in the save's transaction. The workflow
 * endpoints record their own transitions (reject, publish).
 */
export const auditCancelledSchedule: CollectionAfterChangeHook<Phrase> = async ({ doc, previousDoc, req, context }) => {
  if (context.write?.kind === 'transition' || context.write?.kind === 'seed' || previousDoc?.workflowState !== 'approved' || !previousDoc.publishAt || doc.workflowState === 'approved') return doc
  await recordAuditFor(req, {
    action: 'cancel_schedule',
    summary: `${doc.key}: the publication scheduled for ${previousDoc.publishAt} is cancelled; the change goes back to draft`,
    targetCollection: 'phrases',
    documentId: String(doc.id),
    documentKey: doc.key,
    before: { workflowState: previousDoc.workflowState, publishAt: previousDoc.publishAt },
    after: { workflowState: doc.workflowState, publishAt: doc.publishAt ?? null },
  })
  return doc
}
