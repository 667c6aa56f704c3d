'use client'
import React, { useState } from 'react'

import { CHANNEL_LABELS, CHANNELS, DELIVERY_LOCALES } from '../domain/locales'
import { callApi, describeFailure, useMessages } from './messages'
import { useDeclaredVariables } from './useDeclaredVariables'


type Preview = { text: string; title: string; variant: string; variantKey: string; locale: string; day: string; agentNotes: string | null }

/**
 * The phrase as an agent tool would receive it if the saved version were published: for a locale,
 * a day (which picks the holiday variant), a channel and variable values. Rendered by the server
 * with the delivery API's own code, so what you see is what agents get.
 */
export const PhrasePreview: React.FC<{ id?: number | string; lastUpdateTime: number }> = ({ id, lastUpdateTime }) => {
  const { t, language } = useMessages()
  const names = useDeclaredVariables()
  const [locale, setLocale] = useState<string>('zh-TW')
  const [day, setDay] = useState(() => new Date().toISOString().slice(0, 10))
  const [channel, setChannel] = useState('')
  const [values, setValues] = useState<Record<string, string>>({})
  const [preview, setPreview] = useState<Preview | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  if (!id) return <p className="phrase-workspace__hint">{t('previewSaveFirst')}</p>
  const show = async () => {
    const query = new URLSearchParams({ locale, at: day })
    if (channel) query.set('channel', channel)
    for (const [name, value] of Object.entries(values)) if (value) query.set(`vars[${name}]`, value)
    try {
      setPreview(await callApi<Preview>(`/phrases/${id}/preview?${query}`))
      setProblem(null)
    } catch (error) {
      setPreview(null)
      setProblem(describeFailure(t, error))
    }
  }
  return (
    <section className="phrase-preview" data-testid="phrase-preview" data-saved={lastUpdateTime}>
      <h4>{t('preview')}</h4>
      <div className="phrase-preview__controls">
        <label>
          {t('previewLocale')}{' '}
          <select value={locale} onChange={(e) => setLocale(e.target.value)} name="preview-locale">
            {DELIVERY_LOCALES.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('previewDate')} <input type="date" value={day} onChange={(e) => setDay(e.target.value)} name="preview-date" />
        </label>
        <label>
          {t('previewChannel')}{' '}
          <select value={channel} onChange={(e) => setChannel(e.target.value)} name="preview-channel">
            <option value="">{t('previewAny')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c][language as 'zh-TW'] ?? c}
              </option>
            ))}
          </select>
        </label>
        {names
          .split(',')
          .filter(Boolean)
          .map((name) => (
            <label key={name}>
              {`{{${name}}}`}{' '}
              <input value={values[name] ?? ''} onChange={(e) => setValues({ ...values, [name]: e.target.value })} name={`preview-var-${name}`} />
            </label>
          ))}
        <button type="button" className="btn btn--style-secondary btn--size-small" onClick={show}>
          {t('previewShow')}
        </button>
      </div>
      {preview && (
        <div className="phrase-preview__result" data-testid="preview-result">
          <strong>{preview.title}</strong>
          <p className="phrase-preview__text">{preview.text}</p>
          {preview.agentNotes && <p className="phrase-workspace__hint">{preview.agentNotes}</p>}
          <p className="phrase-workspace__hint">
            {t('previewVariant', { variant: preview.variant === 'default' ? t('previewDefault') : `${preview.variant} (${preview.variantKey})` })} · {preview.day}
          </p>
        </div>
      )}
      {problem && <p className="finding finding--block">{problem}</p>}
    </section>
  )
}
