'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { type AdminMessages, hasAdminMessage } from '../i18n/adminTranslations'
import { callApi, describeFailure, useMessages } from './messages'
import { WorkflowStateBadge } from './WorkflowStateBadge'

type Version = { version: string; time: string; action: string | null; author: string | null; state: string; approver: string | null; comment: string | null }
type Segment = { op: 'equal' | 'insert' | 'delete'; text: string }
type Change = { field: string; locale?: string; before: unknown; after: unknown; segments?: Segment[] }

const shown = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value))

/**
 * Every version of the phrase (who, what, when, who approved, why) and the difference between
 * any two, character by character per locale. Restoring a version makes it a new draft.
 */
export const VersionHistory: React.FC = () => {
  const { t } = useMessages()
  const { id, lastUpdateTime } = useDocumentInfo()
  const [versions, setVersions] = useState<Version[]>([])
  const [canRestore, setCanRestore] = useState(false)
  const [pair, setPair] = useState<{ from: string; to: string } | null>(null)
  const [changes, setChanges] = useState<Change[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    if (!id) return
    Promise.all([callApi<{ versions: Version[] }>(`/phrases/${id}/history`), callApi<{ actions: string[] }>(`/phrases/${id}/workspace`)])
      .then(([history, workspace]) => {
        setVersions(history.versions)
        setCanRestore(workspace.actions.includes('restore'))
        if (history.versions.length > 1) setPair({ from: history.versions[1]!.version, to: history.versions[0]!.version })
      })
      .catch((error) => setProblem(describeFailure(t, error)))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, lastUpdateTime])

  useEffect(() => {
    if (!pair) return
    callApi<{ changes: Change[] }>(`/phrases/${id}/diff?from=${pair.from}&to=${pair.to}`)
      .then((diff) => setChanges(diff.changes))
      .catch((error) => setProblem(describeFailure(t, error)))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, pair?.from, pair?.to])

  if (!id) return null
  const restore = async (version: string) => {
    try {
      await callApi(`/phrases/${id}/restore`, { method: 'POST', body: { version } })
      window.location.reload()
    } catch (error) {
      setProblem(describeFailure(t, error))
    }
  }

  return (
    <div className="version-history" data-testid="version-history">
      <h3>{t('history')}</h3>
      <table>
        <thead>
          <tr>
            <th>{t('compareFrom')}</th>
            <th>{t('compareTo')}</th>
            <th>{t('time')}</th>
            <th>{t('action')}</th>
            <th>{t('author')}</th>
            <th>{t('approver')}</th>
            <th>{t('comment')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <td>
                <input type="radio" name="diff-from" checked={pair?.from === v.version} onChange={() => setPair({ from: v.version, to: pair?.to ?? v.version })} />
              </td>
              <td>
                <input type="radio" name="diff-to" checked={pair?.to === v.version} onChange={() => setPair({ from: pair?.from ?? v.version, to: v.version })} />
              </td>
              <td>{new Date(v.time).toLocaleString()}</td>
              <td data-action={v.action}>
                {v.action && hasAdminMessage(`change_${v.action}`) ? t(`change_${v.action}` as keyof AdminMessages) : (v.action ?? '—')} <WorkflowStateBadge state={v.state} />
              </td>
              <td>{v.author ?? '—'}</td>
              <td>{v.approver ?? '—'}</td>
              <td>{v.comment ?? ''}</td>
              <td>
                {canRestore && v !== versions[0] && (
                  <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => restore(v.version)}>
                    {t('action_restore')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {changes && (
        <div className="version-diff" data-testid="version-diff">
          {changes.length === 0 && <p>{t('noChanges')}</p>}
          {changes.map((change, i) => (
            <div key={i} className="version-diff__change">
              <strong>{t('changed', { field: change.field, locale: change.locale ?? '—' })}</strong>
              {change.segments ? (
                <p className="highlighted-text">
                  {change.segments.map((s, j) =>
                    s.op === 'equal' ? (
                      <React.Fragment key={j}>{s.text}</React.Fragment>
                    ) : s.op === 'insert' ? (
                      <ins key={j}>{s.text}</ins>
                    ) : (
                      <del key={j}>{s.text}</del>
                    ),
                  )}
                </p>
              ) : (
                <p>
                  <del>{shown(change.before)}</del> → <ins>{shown(change.after)}</ins>
                </p>
              )}
            </div>
          ))}
        </div>
      )}
      {problem && <p className="finding finding--block">{problem}</p>}
    </div>
  )
}
