/** The approval workflow of PRODUCT.md: draft → in_review → (approved →) published → retired. */
export const WORKFLOW_STATES = ['draft', 'in_review', 'approved', 'published', 'retired'] as const
export type WorkflowState = (typeof WORKFLOW_STATES)[number]

export type WorkflowAction = 'submit' | 'approve' | 'reject'

export type Actor = { id: string; roles: readonly string[] }

export type TransitionRequest = {
  action: WorkflowAction
  state: WorkflowState
  actor: Actor
  /** The people who wrote any part of the pending change (since the last publication). */
  authors: readonly string[]
  comment?: unknown
}

export type TransitionRefusal = { status: 400 | 403 | 409; code: string; message: string }
export type TransitionResult = { ok: true; next: WorkflowState } | ({ ok: false } & TransitionRefusal)

const refuse = (status: TransitionRefusal['status'], code: string, message: string): TransitionResult => ({
  ok: false,
  status,
  code,
  message,
})

const can = (actor: Actor, ...roles: string[]) => roles.some((role) => actor.roles.includes(role))

/**
 * The workflow's rules, whatever the client: who may move a phrase from which state to which.
 * Four-eyes: only a reviewer who authored no part of the pending change may approve it.
 */
export function decideTransition({ action, state, actor, authors, comment }: TransitionRequest): TransitionResult {
  switch (action) {
    case 'submit':
      if (!can(actor, 'admin', 'editor', 'reviewer')) return refuse(403, 'forbidden', 'Only editors and reviewers submit phrases for review.')
      if (state !== 'draft') return refuse(409, 'wrong_state', `Only a draft can be submitted; this phrase is ${state}.`)
      return { ok: true, next: 'in_review' }
    case 'approve':
      if (!can(actor, 'admin', 'reviewer')) return refuse(403, 'forbidden', 'Only reviewers approve phrases.')
      if (state !== 'in_review') return refuse(409, 'wrong_state', `Only a phrase in review can be approved; this one is ${state}.`)
      if (authors.includes(actor.id)) {
        return refuse(403, 'four_eyes', 'You wrote part of this change; another reviewer must approve it.')
      }
      return { ok: true, next: 'published' }
    case 'reject':
      if (!can(actor, 'admin', 'reviewer')) return refuse(403, 'forbidden', 'Only reviewers reject phrases.')
      if (state !== 'in_review') return refuse(409, 'wrong_state', `Only a phrase in review can be rejected; this one is ${state}.`)
      if (typeof comment !== 'string' || comment.trim() === '') {
        return refuse(400, 'comment_required', 'Say why: rejecting needs a comment for the author.')
      }
      return { ok: true, next: 'draft' }
  }
}
