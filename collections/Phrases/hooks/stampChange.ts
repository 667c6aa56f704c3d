import type { CollectionBeforeChangeHook } from 'payload'

import { isPerson } from '../../../src/access'
import { actorOf } from '../../../src/audit/actor'

/** What the workflow endpoints, the scheduler and the import say about the version they write. */
export type ChangeStamp = { action: string; by: string; comment?: string | null; approvedBy?: string | null }

/**
 * Every version records what made it, who, and who approved it, so the history can name author,
 * approver and comment per version (Payload's versions keep the document only).
 */
export const stampChange: CollectionBeforeChangeHook = ({ data, operation, req, context }) => {
  const stamp = context.change as ChangeStamp | undefined
  // A glossary change's re-conversion is a change of its own, which nobody has approved yet.
  // (A person's save converts the other script in the same version, so it needs no stamp.)
  const reconversion = context.reconversion as ChangeStamp | undefined
  if (reconversion) {
    data.changeAction = reconversion.action
    data.changedBy = reconversion.by
    data.changeComment = reconversion.comment ?? null
    data.approvedBy = null
  } else if (stamp) {
    data.changeAction = stamp.action
    data.changedBy = stamp.by
    data.changeComment = stamp.comment ?? null
    if (stamp.approvedBy !== undefined) data.approvedBy = stamp.approvedBy
  } else if (isPerson(req.user)) {
    data.changeAction = context.isRestoringVersion ? 'restore' : operation === 'create' ? 'create' : 'edit'
    data.changedBy = actorOf(req.user).actorLabel
    data.changeComment = null
    // A person's change is unapproved until a reviewer approves it.
    data.approvedBy = null
  }
  return data
}
