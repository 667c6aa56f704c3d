import { diffChars } from 'diff'

import { PHRASE_TEXT_FIELDS } from './locales'

/** A run of text that both versions share, or that only the newer (insert) or older (delete) has. */
export type Segment = { op: 'equal' | 'insert' | 'delete'; text: string }
export type FieldChange = { field: string; locale?: string; before: unknown; after: unknown; segments?: Segment[] }

/** Other localized fields, compared as values per locale. */
export const DIFFED_LOCALIZED_FIELDS = ['machineConverted'] as const
/** Fields shared by all locales, compared as values. */
export const DIFFED_SHARED_FIELDS = [
  'key', 'category', 'sourceScript', 'channels', 'variables', 'variantOf', 'holiday',
  'validFrom', 'validUntil', 'tags', 'triggers', 'order', 'sourceDocuments',
] as const

type Version = Record<string, unknown>

/** Array rows carry generated ids that say nothing about the content. */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'id')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, comparable(inner)]),
    )
  }
  return value ?? null
}
/** Equal as content: array row ids and key order aside. */
export const sameContent = (a: unknown, b: unknown) => JSON.stringify(comparable(a)) === JSON.stringify(comparable(b))

const byLocale = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}

/** Character-level segments from `before` to `after` (CJK text has no word boundaries to use). */
export function textSegments(before: string, after: string): Segment[] {
  return diffChars(before, after).map((part) => ({
    op: part.added ? 'insert' : part.removed ? 'delete' : 'equal',
    text: part.value,
  }))
}

/**
 * What changed from one version of a phrase to another, given both with every locale
 * (`locale: 'all'`): each changed field, per locale for localized ones, with character-level
 * segments for the texts.
 */
export function diffPhraseVersions(from: Version, to: Version): FieldChange[] {
  const changes: FieldChange[] = []
  for (const field of [...PHRASE_TEXT_FIELDS, ...DIFFED_LOCALIZED_FIELDS]) {
    const before = byLocale(from[field])
    const after = byLocale(to[field])
    const locales = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
    for (const locale of locales) {
      if (sameContent(before[locale], after[locale])) continue
      const change: FieldChange = { field, locale, before: before[locale] ?? null, after: after[locale] ?? null }
      if ((PHRASE_TEXT_FIELDS as readonly string[]).includes(field)) {
        change.segments = textSegments(String(before[locale] ?? ''), String(after[locale] ?? ''))
      }
      changes.push(change)
    }
  }
  for (const field of DIFFED_SHARED_FIELDS) {
    if (!sameContent(from[field], to[field])) changes.push({ field, before: from[field] ?? null, after: to[field] ?? null })
  }
  return changes
}
