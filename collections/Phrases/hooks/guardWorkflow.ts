import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { isPerson } from '../../../src/access'

/**
 * What a person's save may do outside the workflow endpoints: write drafts, never publish
 * (admins included: publishing is what approval does), and every save makes its author one of
 * the authors of the pending change, which the four-eyes rule then checks.
 */
export const guardWorkflow: CollectionBeforeChangeHook = ({ data, originalDoc, req, context }) => {
  if (context.workflow || context.seed || !isPerson(req.user)) return data
  if (data._status === 'published') {
    throw new APIError('Publishing goes through review: save a draft, submit it, and a reviewer approves it.', 403)
  }
  if (context.conversion) return data
  const authors = new Set<string>(Array.isArray(originalDoc?.pendingAuthors) ? originalDoc.pendingAuthors : [])
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
