import type { CollectionBeforeChangeHook } from 'payload'
import type { Phrase } from '../../../src/payload-types'

import { isPerson } from '../../../src/access'
import { actorOf } from '../../../src/audit/actor'

/**
 * Every version records what made it, who, and who approved it, so the history can name author,
 * approver and comment per version (Payload's versions keep the document only).
 */
export const stampChange: CollectionBeforeChangeHook<Phrase> = ({ data, operation, req, context }) => {
  const write = context.write
  // A glossary change's re-proposal is a change of its own, which nobody has approved yet.
  // (A person's save converts the other script in the same version, so it needs no stamp.)
  const stamp = write && 'change' in write ? write.change : undefined
  if (write?.kind === 'reproposal') {
    data.changeAction = write.change.action
    data.changedBy = write.change.by
    data.changeComment = write.change.comment ?? null
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
