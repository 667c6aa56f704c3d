'use client'
import React, { useEffect, useState } from 'react'

import { CHANNEL_LABELS, CHANNELS } from '../domain/locales'
import { WORKFLOW_STATES } from '../domain/workflow'
import { callApi, useMessages } from './messages'

type Option = { value: string; label: string }
/** The quick filters, each one `where[field][operator]=value` in the list's own URL. */
const FILTERS = {
  category: { field: 'category', op: 'equals' },
  state: { field: 'workflowState', op: 'equals' },
  holiday: { field: 'holiday', op: 'equals' },
  channel: { field: 'channels', op: 'in' },
  needsReview: { field: 'needsReview', op: 'equals' },
  hasFindings: { field: 'forbiddenTermFindings', op: 'greater_than' },
} as const
type FilterName = keyof typeof FILTERS
const paramOf = (name: FilterName) => `where[${FILTERS[name].field}][${FILTERS[name].op}]`


const named = (docs: { id: string | number; name?: string | null; slug?: string; code?: string }[]): Option[] =>
  docs.map((d) => ({ value: String(d.id), label: d.name ?? d.slug ?? d.code ?? String(d.id) }))

/**
 * Above the phrase list: quick filters (category, state, holiday, channel, needs review, has
 * forbidden terms) that write Payload's own `where` query, and export of what is filtered.
 */
export const PhraseListTools: React.FC = () => {
  const { t, language } = useMessages()
  const [categories, setCategories] = useState<Option[]>([])
  const [holidays, setHolidays] = useState<Option[]>([])
  const [params, setParams] = useState<URLSearchParams | null>(null)

  useEffect(() => {
    setParams(new URLSearchParams(window.location.search))
    const locale = new URLSearchParams(window.location.search).get('locale') ?? 'zh-Hant'
    callApi<{ docs: never[] }>(`/categories?limit=200&depth=0&sort=order&locale=${locale}`).then((r) => setCategories(named(r.docs)))
    callApi<{ docs: never[] }>(`/holidays?limit=200&depth=0&locale=${locale}`).then((r) => setHolidays(named(r.docs)))
  }, [])
  if (!params) return null

  const value = (name: FilterName) => params.get(paramOf(name)) ?? ''
  const setFilter = (name: FilterName, next: string) => {
    const updated = new URLSearchParams(params)
    if (next) updated.set(paramOf(name), next)
    else updated.delete(paramOf(name))
    updated.delete('page')
    // Shown at once: a controlled box would flick back until the filtered list has loaded.
    setParams(updated)
    window.location.search = updated.toString()
  }
  const whereOnly = new URLSearchParams([...params].filter(([key]) => key.startsWith('where')))
  const exportHref = (format: 'xlsx' | 'csv') => `/api/phrases/export?format=${format}${whereOnly.size ? `&${whereOnly}` : ''}`
  const select = (name: FilterName, label: string, options: Option[]) => (
    <label className="phrase-list-tools__filter">
      {label}
      <select name={`filter-${name}`} value={value(name)} onChange={(e) => setFilter(name, e.target.value)}>
        <option value="">{t('filterAll')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )
  const toggle = (name: FilterName, label: string, on: string) => (
    <label className="phrase-list-tools__filter">
      <input type="checkbox" name={`filter-${name}`} checked={value(name) === on} onChange={(e) => setFilter(name, e.target.checked ? on : '')} /> {label}
    </label>
  )

  return (
    <div className="phrase-list-tools" data-testid="phrase-list-tools">
      <strong>{t('filters')}</strong>
      {select('category', t('filterCategory'), categories)}
      {select('state', t('filterState'), WORKFLOW_STATES.map((s) => ({ value: s, label: t(`state_${s}`) })))}
      {select('holiday', t('filterHoliday'), holidays)}
      {select('channel', t('filterChannel'), CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c][language as 'zh-TW'] ?? c })))}
      {toggle('needsReview', t('filterNeedsReview'), 'true')}
      {toggle('hasFindings', t('filterHasFindings'), '0')}
      {whereOnly.size > 0 && (
        <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => (window.location.search = new URLSearchParams([...params].filter(([k]) => !k.startsWith('where'))).toString())}>
          {t('clearFilters')}
        </button>
      )}
      <span className="phrase-list-tools__export" title={t('exportHint')}>
        <a className="btn btn--style-secondary btn--size-small" href={exportHref('xlsx')} download>
          {t('exportXlsx')}
        </a>
        <a className="btn btn--style-secondary btn--size-small" href={exportHref('csv')} download>
          {t('exportCsv')}
        </a>
      </span>
    </div>
  )
}
