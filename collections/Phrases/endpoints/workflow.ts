import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'

import { actorOf } from '../../../src/audit/actor'
import { recordAudit } from '../../../src/audit/log'
import { decideTransition, type WorkflowAction, type WorkflowState } from '../../../src/domain/workflow'
import { isPerson } from '../../../src/access'
import { preservingLocale } from '../../../src/preservingLocale'
import { runtimeSettings } from '../../../src/runtimeSettings'
import { errorResponse } from '../../../src/server/errors'

/** What each transition writes besides the new state (all as a draft, except approval). */
const EFFECTS: Record<WorkflowAction, { draft: boolean; data: Record<string, unknown> }> = {
  submit: { draft: true, data: {} },
  approve: { draft: false, data: { _status: 'published', pendingAuthors: [] } },
  reject: { draft: true, data: {} },
}

function transition(action: WorkflowAction): Endpoint {
  return {
    path: `/:id/${action}`,
    method: 'post',
    handler: async (req: PayloadRequest) => {
      if (!isPerson(req.user)) return errorResponse(401, 'unauthorized', 'Sign in to move a phrase through review.')
      await addDataAndFileToRequest(req)
      const id = String(req.routeParams?.id)
      const phrase = await req.payload.findByID({ collection: 'phrases', id, draft: true, depth: 0, overrideAccess: true, disableErrors: true })
      if (!phrase) return errorResponse(404, 'not_found', `No phrase ${id}.`)
      const comment = (req.data as { comment?: unknown } | undefined)?.comment
      const decision = decideTransition({
        action,
        state: phrase.workflowState as WorkflowState,
        actor: { id: String(req.user!.id), roles: (req.user as { roles?: string[] }).roles ?? [] },
        authors: (phrase.pendingAuthors as string[] | null) ?? [],
        comment,
      })
      if (!decision.ok) return errorResponse(decision.status, decision.code, decision.message)

      const { draft, data } = EFFECTS[action]
      const actor = actorOf(req.user)
      await preservingLocale(req, async () => {
        await req.payload.update({
          collection: 'phrases',
          id,
          draft,
          data: { ...data, workflowState: decision.next },
          context: { workflow: true },
          overrideAccess: true,
          depth: 0,
          req,
        })
        await recordAudit(
          req.payload,
          runtimeSettings(req.payload).auditKey,
          {
            action,
            ...actor,
            summary: `${phrase.key}: ${phrase.workflowState} → ${decision.next}`,
            targetCollection: 'phrases',
            documentId: id,
            documentKey: phrase.key,
            before: { workflowState: phrase.workflowState },
            after: { workflowState: decision.next },
            approver: action === 'approve' ? actor.actorLabel : null,
            comment: typeof comment === 'string' && comment.trim() ? comment.trim() : null,
          },
          req,
        )
      })
      return Response.json({ id: phrase.id, key: phrase.key, workflowState: decision.next })
    },
  }
}

/** `POST /api/phrases/:id/submit | approve | reject` (JSON body `{comment?}`). */
export const workflowEndpoints: Endpoint[] = (['submit', 'approve', 'reject'] as const).map(transition)
