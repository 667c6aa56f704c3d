import type { MessageKey } from '../delivery/messages'
import { type Ambiguity, fieldOf } from '../conversion/converter'
import { scriptOf } from '../conversion/targets'
import { PHRASE_TEXT_FIELDS, type PhraseLocale, type Region, REGIONS, SCRIPTS } from '../domain/locales'
import type { ForbiddenTermList, LintFinding } from './currentMatcher'

export type LocatedFinding = LintFinding & { locale: PhraseLocale; field: (typeof PHRASE_TEXT_FIELDS)[number] }

type Localized = Partial<Record<string, string | null>> | null | undefined

/**
 * Every forbidden term in a phrase version (fields with every locale, as `locale: 'all'` gives
 * them): in both scripts, and in each region's text a person wrote (a machine's proposal says what
 * its script says, so it would only repeat the script's findings).
 */
export function lintPhrase(
  list: ForbiddenTermList,
  phrase: Record<(typeof PHRASE_TEXT_FIELDS)[number], Localized> & { machineConverted?: Partial<Record<string, boolean | null>> | null },
): LocatedFinding[] {
  const findings: LocatedFinding[] = []
  const personWrittenRegions = REGIONS.filter((region) => phrase.text?.[region] && phrase.machineConverted?.[region] === false)
  for (const field of PHRASE_TEXT_FIELDS) {
    for (const locale of [...SCRIPTS, ...personWrittenRegions]) {
      const text = phrase[field]?.[locale]
      if (text) findings.push(...list.lint(text, scriptOf(locale)).map((finding) => ({ ...finding, locale, field })))
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

/** A flag the machine raised on a region's proposal that no person has settled yet. */
export type OpenRegionFlag = { locale: Region; field: (typeof PHRASE_TEXT_FIELDS)[number]; index: number; char: string; candidates: string[] }

/** The open flags on the served regions' texts of a phrase version (fields with every locale). */
export function openRegionFlags(phrase: { ambiguities?: unknown }, regions: readonly Region[] = REGIONS): OpenRegionFlag[] {
  const byLocale = (phrase.ambiguities ?? {}) as Partial<Record<string, Ambiguity[] | null>>
  return regions.flatMap((locale) =>
    (byLocale[locale] ?? []).map((flag) => ({ locale, field: fieldOf(flag), index: flag.index, char: flag.char, candidates: flag.candidates })),
  )
}

/** What approving a version approves: the exact title, text and agent notes of every region, which agents will receive. */
export function approvedTexts(
  phrase: Record<(typeof PHRASE_TEXT_FIELDS)[number], Localized>,
  regions: readonly Region[] = REGIONS,
): Partial<Record<Region, Record<(typeof PHRASE_TEXT_FIELDS)[number], string | null>>> {
  return Object.fromEntries(
    regions.filter((region) => phrase.text?.[region]).map((region) => [
      region,
      Object.fromEntries(PHRASE_TEXT_FIELDS.map((field) => [field, phrase[field]?.[region] ?? null])) as Record<(typeof PHRASE_TEXT_FIELDS)[number], string | null>,
    ]),
  )
}

/**
 * Open flags on a region block approval unless the approving reviewer acknowledges them (with the
 * forbidden-term warnings: `acknowledgeWarnings: true`), as agents receive the region's text as it stands.
 */
export function flagRefusal(flags: OpenRegionFlag[], acknowledged: unknown): { status: 409; code: string; messageKey: MessageKey; flags: OpenRegionFlag[] } | null {
  return flags.length && acknowledged !== true ? { status: 409, code: 'flags_unacknowledged', messageKey: 'flags_unacknowledged', flags } : null
}
