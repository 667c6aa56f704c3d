'use client'
import { toast, useAuth, useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { callApi, describeFailure, useMessages } from './messages'
import { WorkflowStateBadge } from './WorkflowStateBadge'

export type WorkspaceState = {
  workflowState: string
  publishAt: string | null
  live: boolean
  actions: string[]
  pendingAuthors: string[]
  findings: { term: string; severity: 'block' | 'warn'; locale: string; field: string; suggestion: string | null }[]
  /** Each served region's text and its open flags (title, text, agent notes). */
  regions: Record<string, { ambiguities: { char: string }[]; fieldAmbiguities: Record<string, { char: string }[]> }>
}

/**
 * The review workflow as buttons. Which buttons show is the server's answer (the same rules the
 * workflow endpoints enforce), so the screen never allows what the server would refuse, and a
 * refusal (someone acted first) is shown in the user's language.
 */
export const WorkflowPanel: React.FC = () => {
  const { t } = useMessages()
  const { id, lastUpdateTime } = useDocumentInfo()
  const { user } = useAuth()
  const [state, setState] = useState<WorkspaceState | null>(null)
  const [comment, setComment] = useState('')
  const [publishAt, setPublishAt] = useState('')
  const [acknowledged, setAcknowledged] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    if (!id) return
    callApi<WorkspaceState>(`/phrases/${id}/workspace`)
      .then(setState)
      .catch((error) => setProblem(describeFailure(t, error)))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, lastUpdateTime])

  if (!id) return <p className="phrase-workspace__hint">{t('saveBeforeWorkflow')}</p>
  if (!state) return null
  const warnings = state.findings.filter((f) => f.severity === 'warn')
  // Open flags on a region hold the approval back unless the reviewer approves it as it stands.
  const openFlags = Object.entries(state.regions ?? {}).flatMap(([region, texts]) =>
    [...texts.ambiguities, ...Object.values(texts.fieldAmbiguities).flat()].map((flag) => `「${flag.char}」${region}`),
  )
  const can = (action: string) => state.actions.includes(action)

  const act = async (action: 'submit' | 'approve' | 'reject' | 'retire') => {
    if (action === 'reject' && !comment.trim()) {
      setProblem(t('commentRequired'))
      return
    }
    setBusy(true)
    try {
      const body: Record<string, unknown> = { comment: comment.trim() || undefined }
      if (action === 'approve') {
        if (publishAt) body.publishAt = new Date(publishAt).toISOString()
        if (acknowledged) body.acknowledgeWarnings = true
      }
      await callApi(`/phrases/${id}/${action}`, { method: 'POST', body })
      toast.success(t('done'))
      // The form holds the version as it was read: load the phrase again in its new state.
      window.location.reload()
    } catch (error) {
      setProblem(describeFailure(t, error))
      setBusy(false)
    }
  }

  return (
    <div className="workflow-panel" data-testid="workflow-panel">
      <h4>{t('workflow')}</h4>
      <WorkflowStateBadge state={state.workflowState} />
      <p className="phrase-workspace__hint">{state.live ? t('live') : t('notLive')}</p>
      {state.publishAt && state.workflowState === 'approved' && <p>{t('scheduledFor', { time: new Date(state.publishAt).toLocaleString() })}</p>}
      {(can('approve') || can('reject') || can('retire') || can('submit')) && (
        <label className="workflow-panel__field">
          {t('comment')}
          <textarea name="workflow-comment" value={comment} onChange={(e) => setComment(e.target.value)} rows={3} />
        </label>
      )}
      {can('approve') && (
        <>
          <label className="workflow-panel__field">
            {t('publishAt')}
            <input type="datetime-local" name="workflow-publish-at" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} />
          </label>
          {(warnings.length > 0 || openFlags.length > 0) && (
            <label className="workflow-panel__field">
              <input type="checkbox" name="acknowledge-warnings" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />{' '}
              {t(warnings.length ? 'acknowledgeWarnings' : 'acknowledgeFlags')} ({[...warnings.map((w) => `「${w.term}」`), ...openFlags].join('')})
            </label>
          )}
        </>
      )}
      <div className="workflow-panel__buttons">
        {can('submit') && (
          <button type="button" className="btn btn--style-primary btn--size-small" disabled={busy} onClick={() => act('submit')}>
            {t('action_submit')}
          </button>
        )}
        {can('approve') && (
          <button type="button" className="btn btn--style-primary btn--size-small" disabled={busy} onClick={() => act('approve')}>
            {publishAt ? t('action_schedule') : t('action_approve')}
          </button>
        )}
        {can('reject') && (
          <button type="button" className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={() => act('reject')}>
            {t('action_reject')}
          </button>
        )}
        {can('retire') && (
          <button type="button" className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={() => act('retire')}>
            {t('action_retire')}
          </button>
        )}
      </div>
      {state.workflowState === 'in_review' && !can('approve') && state.pendingAuthors.includes(String(user?.id)) && (
        <p className="phrase-workspace__hint">{t('fourEyesHint')}</p>
      )}
      {state.actions.filter((action) => action !== 'restore').length === 0 && <p className="phrase-workspace__hint">{t('noActions')}</p>}
      {problem && (
        <p className="finding finding--block" role="alert">
          {problem}
        </p>
      )}
    </div>
  )
}
