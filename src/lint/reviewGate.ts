import type { MessageKey } from '../delivery/messages'
import { PHRASE_TEXT_FIELDS, type Script } from '../domain/locales'
import type { ForbiddenTermList, LintFinding } from './currentMatcher'

export type LocatedFinding = LintFinding & { locale: Script; field: (typeof PHRASE_TEXT_FIELDS)[number] }

type Localized = Partial<Record<string, string | null>> | null | undefined

/** Every forbidden term in a phrase version (fields with every locale, as `locale: 'all'` gives them). */
export function lintPhrase(list: ForbiddenTermList, phrase: Record<(typeof PHRASE_TEXT_FIELDS)[number], Localized>): LocatedFinding[] {
  const findings: LocatedFinding[] = []
  for (const field of PHRASE_TEXT_FIELDS) {
    for (const locale of ['zh-Hant', 'zh-Hans'] as const) {
      const text = phrase[field]?.[locale]
      if (text) findings.push(...list.lint(text, locale).map((finding) => ({ ...finding, locale, field })))
    }
  }
  return findings
}

/** A refusal whose message (a key of the API's catalogue) lists `findings`. */
export type LintRefusal = { status: 409 | 422; code: string; messageKey: MessageKey; findings: LocatedFinding[] }

/**
 * The forbidden-term rules of review: a phrase with a `block` term can be neither submitted nor
 * approved; `warn` terms must be acknowledged by the approving reviewer (`acknowledgeWarnings: true`).
 */
export function lintRefusal(action: 'submit' | 'approve', findings: LocatedFinding[], acknowledged: unknown): LintRefusal | null {
  const blocking = findings.filter((f) => f.severity === 'block')
  if (blocking.length) {
    return { status: 422, code: 'forbidden_terms', messageKey: 'forbidden_terms', findings: blocking }
  }
  const warnings = findings.filter((f) => f.severity === 'warn')
  if (action === 'approve' && warnings.length && acknowledged !== true) {
    return { status: 409, code: 'warnings_unacknowledged', messageKey: 'warnings_unacknowledged', findings: warnings }
  }
  return null
}
