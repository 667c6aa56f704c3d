import type { MessageKey } from '../delivery/messages'
import { isoInstant } from './isoTime'
import { characterProblem } from './textInput'

/** The approval workflow of docs/contract.md: draft → in_review → (approved →) published → retired. */
export const WORKFLOW_STATES = ['draft', 'in_review', 'approved', 'published', 'retired'] as const
export type WorkflowState = (typeof WORKFLOW_STATES)[number]

export const WORKFLOW_STATE_LABELS: Record<WorkflowState, Record<'zh-TW' | 'zh' | 'en', string>> = {
  draft: { 'zh-TW': '草稿', zh: '草稿', en: 'Draft' },
  in_review: { 'zh-TW': '審核中', zh: '审核中', en: 'In review' },
  approved: { 'zh-TW': '已核准，排程發布', zh: '已批准，定时发布', en: 'Approved, scheduled' },
  published: { 'zh-TW': '已發布', zh: '已发布', en: 'Published' },
  retired: { 'zh-TW': '已停用', zh: '已停用', en: 'Retired' },
}

/** What people do through the workflow endpoints. */
export const WORKFLOW_ACTIONS = ['submit', 'approve', 'reject', 'retire', 'restore'] as const
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number]

export type Actor = { id: string; roles: readonly string[] }

export type TransitionRequest = {
  action: WorkflowAction
  /** The state of the phrase's latest version (the pending change, if there is one). */
  state: WorkflowState
  /** Whether agents are being served a published version of the phrase right now. */
  live: boolean
  actor: Actor
  /** The people who wrote any part of the pending change (since the last publication). */
  authors: readonly string[]
  comment?: unknown
  /** Approval only: publish at this time instead of at once (ISO 8601). */
  publishAt?: unknown
  now: Date
}

/** A refusal with its message as a key of the API's catalogue (src/delivery/messages.ts), said in the caller's language. */
export type TransitionRefusal = { status: 400 | 403 | 409; code: string; messageKey: MessageKey; values?: Record<string, string | number> }
export type TransitionResult =
  | { ok: true; next: WorkflowState; publishAt: Date | null }
  | ({ ok: false } & TransitionRefusal)

const refuse = (status: TransitionRefusal['status'], code: string, messageKey: MessageKey, values?: TransitionRefusal['values']): TransitionResult => ({
  ok: false,
  status,
  code,
  messageKey,
  values,
})
const to = (next: WorkflowState, publishAt: Date | null = null): TransitionResult => ({ ok: true, next, publishAt })

const can = (actor: Actor, ...roles: string[]) => roles.some((role) => actor.roles.includes(role))

/** `publishAt` as a date: absent → null (at once); anything but an ISO 8601 time that exists → 'invalid'. */
export function parsePublishAt(value: unknown): Date | null | 'invalid' {
  if (value === undefined || value === null || value === '') return null
  const instant = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? isoInstant(value) : null
  return instant ? new Date(instant) : 'invalid'
}

/** A comment is kept with the version and in the audit trail: text, at most MAX_COMMENT_LENGTH, nothing invisible. */
export const MAX_COMMENT_LENGTH = 2000

function commentProblem(comment: unknown): TransitionResult | null {
  if (comment === undefined || comment === null) return null
  if (typeof comment !== 'string') return refuse(400, 'invalid_comment', 'comment_not_text')
  if (comment.length > MAX_COMMENT_LENGTH) return refuse(400, 'invalid_comment', 'comment_too_long', { max: MAX_COMMENT_LENGTH, length: comment.length })
  const character = characterProblem(comment)
  return character ? refuse(400, 'invalid_comment', 'comment_character', { character: character.character }) : null
}

/**
 * The workflow's rules, whatever the client: who may move a phrase from which state to which.
 * Four-eyes: only a reviewer who authored no part of the pending change may approve it.
 */
export function decideTransition(request: TransitionRequest): TransitionResult {
  const { action, state, live, actor, authors, comment, now } = request
  const problem = commentProblem(comment)
  if (problem) return problem
  switch (action) {
    case 'submit':
      if (!can(actor, 'admin', 'editor', 'reviewer')) return refuse(403, 'forbidden', 'forbidden_submit')
      if (state !== 'draft') return refuse(409, 'wrong_state', 'wrong_state_submit', { state })
      return to('in_review')
    case 'approve': {
      if (!can(actor, 'admin', 'reviewer')) return refuse(403, 'forbidden', 'forbidden_approve')
      if (state !== 'in_review') return refuse(409, 'wrong_state', 'wrong_state_approve', { state })
      if (authors.includes(actor.id)) return refuse(403, 'four_eyes', 'four_eyes')
      const publishAt = parsePublishAt(request.publishAt)
      if (publishAt === 'invalid') return refuse(400, 'invalid_publish_at', 'invalid_publish_at')
      // A time already past publishes at once rather than waiting for the next scheduler run.
      return publishAt && publishAt > now ? to('approved', publishAt) : to('published')
    }
    case 'reject':
      if (!can(actor, 'admin', 'reviewer')) return refuse(403, 'forbidden', 'forbidden_reject')
      if (state !== 'in_review' && state !== 'approved') return refuse(409, 'wrong_state', 'wrong_state_reject', { state })
      if (typeof comment !== 'string' || comment.trim() === '') return refuse(400, 'comment_required', 'comment_required')
      return to('draft')
    case 'retire':
      if (!can(actor, 'admin', 'reviewer')) return refuse(403, 'forbidden', 'forbidden_retire')
      if (!live) return refuse(409, 'wrong_state', 'wrong_state_retire', { state })
      return to('retired')
    case 'restore':
      if (!can(actor, 'admin', 'editor', 'reviewer')) return refuse(403, 'forbidden', 'forbidden_restore')
      // The restored content is a new change of the restorer's, reviewed like any other.
      return to('draft')
  }
}
