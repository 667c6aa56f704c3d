import type { PayloadRequest } from 'payload'

import { actorOf } from '../../src/audit/actor'
import type { AuditAction } from '../../src/audit/chain'
import { recordAuditFor } from '../../src/audit/log'
import { bumpRevision } from '../../src/delivery/revisions'
import type { WorkflowState } from '../../src/domain/workflow'
import { preservingRequest } from '../../src/preservingRequest'
import { inTransaction } from '../../src/transaction'
import { type ChangeStamp, saying } from '../writeIntent'

/** Who the audit trail and the history name when no person made the transition. */
const SCHEDULER = 'Scheduler'

export type PhraseRef = { id: number | string; key: string; workflowState?: string | null }

export type TransitionWrite = {
  action: Extract<AuditAction, 'submit' | 'approve' | 'reject' | 'retire' | 'publish' | 'expire'>
  next: WorkflowState
  /** Publishing writes the phrase itself; everything else writes a new draft version. */
  publish?: boolean
  /** Withdraws the phrase from agents (retire, expire). */
  unpublish?: boolean
  comment?: string | null
  /** The reviewer whose approval this version carries (approve; kept by a scheduled publish). */
  approvedBy?: string | null
  publishAt?: Date | null
  summary?: string
  /** More for the audit entry's `after`, e.g. the warnings a reviewer acknowledged. */
  details?: Record<string, unknown>
}

/**
 * Moves a phrase to its next state and records the audit entry (and, when agents' view changes,
 * the delivery revision) in the same transaction, so none lands without the others (PostgreSQL;
 * see `inTransaction`).
 */
export async function writeTransition(req: PayloadRequest, phrase: PhraseRef, write: TransitionWrite): Promise<void> {
  const by = actorOf(req.user, SCHEDULER).actorLabel ?? SCHEDULER
  const stamp: ChangeStamp = { action: write.action, by, comment: write.comment ?? null, approvedBy: write.approvedBy ?? undefined }
  const status = write.publish ? { _status: 'published' as const } : write.unpublish ? { _status: 'draft' as const } : {}
  await inTransaction(req, () =>
    preservingRequest(req, async () => {
      await req.payload.update({
        collection: 'phrases',
        id: phrase.id,
        draft: !write.publish && !write.unpublish,
        data: {
          ...status,
          workflowState: write.next,
          publishAt: write.publishAt?.toISOString() ?? null,
          ...(write.publish ? { pendingAuthors: [] } : {}),
        },
        context: saying({ kind: 'transition', change: stamp }),
        overrideAccess: true,
        depth: 0,
        req,
      })
      await recordAuditFor(
        req,
        {
          action: write.action,
          summary: write.summary ?? `${phrase.key}: ${phrase.workflowState ?? '?'} → ${write.next}`,
          targetCollection: 'phrases',
          documentId: String(phrase.id),
          documentKey: phrase.key,
          before: { workflowState: phrase.workflowState ?? null },
          after: { workflowState: write.next, ...(write.publishAt ? { publishAt: write.publishAt.toISOString() } : {}), ...write.details },
          approver: write.approvedBy ?? null,
          comment: write.comment ?? null,
        },
        SCHEDULER,
      )
      if (write.publish || write.unpublish) {
        await bumpRevision(req.payload, { kind: 'phrase', key: phrase.key, change: write.publish ? 'published' : 'withdrawn' }, req)
      }
    }),
  )
}
