import type { PhraseLocale } from './locales'

/** One stored version of a phrase, as its history holds it (fields with every locale). */
export type PhraseVersionRecord = {
  id: string | number
  updatedAt: string
  version: {
    _status?: string | null
    workflowState?: string | null
    validFrom?: string | null
    validUntil?: string | null
    approvedBy?: string | null
    title?: Partial<Record<string, string | null>> | null
    text?: Partial<Record<string, string | null>> | null
    agentNotes?: Partial<Record<string, string | null>> | null
  }
}

/** The states a phrase leaves agents in when it is written as the live document rather than a draft. */
const WITHDRAWN = ['retired', 'expired']

/**
 * The version agents were served at `time`, from a phrase's versions (any order): the last one
 * written as the live document by then (a publish, or a retire or expiry that withdrew it),
 * if that one was published and valid at that instant. Drafts written in between (edits, reviews,
 * proposals) never reached agents.
 */
export function servedVersionAt(versions: readonly PhraseVersionRecord[], time: number): PhraseVersionRecord | null {
  const live = versions
    .filter(({ updatedAt, version }) => Date.parse(updatedAt) <= time && (version._status === 'published' || WITHDRAWN.includes(String(version.workflowState))))
    .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || Number(b.id) - Number(a.id) || String(b.id).localeCompare(String(a.id)))[0]
  if (!live || live.version._status !== 'published' || live.version.workflowState !== 'published') return null
  const { validFrom, validUntil } = live.version
  if (validFrom && Date.parse(validFrom) > time) return null
  if (validUntil && Date.parse(validUntil) <= time) return null
  return live
}

/** A version's texts in one locale, or null where it has none (agents of that region got nothing). */
export function textsIn(record: PhraseVersionRecord, locale: PhraseLocale): { title: string | null; text: string; agentNotes: string | null } | null {
  const text = record.version.text?.[locale]
  if (!text) return null
  return { title: record.version.title?.[locale] ?? null, text, agentNotes: record.version.agentNotes?.[locale] ?? null }
}
