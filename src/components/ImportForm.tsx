'use client'
import React, { useState } from 'react'

import { useMessages } from './messages'

type PlannedRow = { row: number; key: string; action: 'create' | 'update' }
type RowProblem = { row: number; column?: string; message: string }
type ImportAnswer = { ok: boolean; dryRun: boolean; created: number; updated: number; phrases: PlannedRow[]; errors?: RowProblem[]; message?: string }

/**
 * Upload a spreadsheet, check it (nothing written), see every problem by row and column, then
 * import it: all rows become drafts, or nothing is written at all.
 */
export const ImportForm: React.FC = () => {
  const { t } = useMessages()
  const [file, setFile] = useState<File | null>(null)
  const [answer, setAnswer] = useState<ImportAnswer | null>(null)
  const [busy, setBusy] = useState(false)

  const send = async (dryRun: boolean) => {
    if (!file) return
    setBusy(true)
    const form = new FormData()
    form.append('file', file)
    const response = await fetch(`/api/phrases/import?dryRun=${dryRun}`, { method: 'POST', body: form, credentials: 'include' })
    const body = await response.json().catch(() => ({ error: { message: response.statusText } }))
    // A refusal carries the row problems and the plan beside its message (docs/contract.md's error shape).
    setAnswer({ ...(response.ok ? body : body.error), ok: response.ok, dryRun })
    setBusy(false)
  }
  const errors = answer?.errors ?? []
  const fileProblem = answer && !answer.ok && !errors.length ? (answer.message ?? '') : null

  return (
    <div className="import-form" data-testid="import-form">
      <h1>{t('importTitle')}</h1>
      <p>{t('importIntro')}</p>
      <p>
        {t('downloadTemplate')}: <a href="/api/phrases/import-template?format=xlsx">Excel (.xlsx)</a> · <a href="/api/phrases/import-template?format=csv">CSV</a>
      </p>
      <label className="import-form__file">
        {t('chooseFile')}{' '}
        <input
          type="file"
          name="import-file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null)
            setAnswer(null)
          }}
        />
      </label>
      <div className="import-form__buttons">
        <button type="button" className="btn btn--style-secondary" disabled={!file || busy} onClick={() => send(true)}>
          {busy ? t('working') : t('dryRun')}
        </button>
        {answer?.dryRun && !errors.length && !fileProblem && (
          <button type="button" className="btn btn--style-primary" disabled={busy} onClick={() => send(false)}>
            {t('importNow', { count: answer.phrases.length })}
          </button>
        )}
      </div>
      {fileProblem && (
        <p className="finding finding--block" role="alert" data-testid="import-problem">
          {fileProblem}
        </p>
      )}
      {errors.length > 0 && (
        <div data-testid="import-errors" role="alert">
          <p className="finding finding--block">{t('importErrors', { count: errors.length })}</p>
          <table>
            <thead>
              <tr>
                <th>{t('row')}</th>
                <th>{t('column')}</th>
                <th>{t('problem')}</th>
              </tr>
            </thead>
            <tbody>
              {errors.map((e, i) => (
                <tr key={i}>
                  <td>{e.row}</td>
                  <td>{e.column ?? ''}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {answer && !errors.length && !fileProblem && (
        <div data-testid="import-plan">
          <p>{answer.dryRun ? t('importReady', { created: answer.created, updated: answer.updated }) : t('importDone', { created: answer.created, updated: answer.updated })}</p>
          <table>
            <thead>
              <tr>
                <th>{t('row')}</th>
                <th>key</th>
                <th>{t('action')}</th>
              </tr>
            </thead>
            <tbody>
              {answer.phrases.map((p) => (
                <tr key={p.row}>
                  <td>{p.row}</td>
                  <td>
                    <code>{p.key}</code>
                  </td>
                  <td>{p.action === 'create' ? t('actionCreate') : t('actionUpdate')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
