import AhoCorasick, { type PatternInput } from 'modern-ahocorasick'

import { characterEnd, normalizeForMatching } from './normalize'

export { type NormalizedText, normalizeForMatching } from './normalize'

export type Severity = 'block' | 'warn'

/** A 服務忌語 entry as the matcher needs it. */
export type ForbiddenTerm = {
  /** As stored, in either script. */
  term: string
  /** The same term in the other script, if known (needed where the scripts differ in words, not just characters). */
  termVariants?: string[]
  class: string
  severity: Severity
  suggestion: string | null
  id?: string
}

/**
 * A forbidden term found in a text. `index` and `length` are UTF-16 units of the text as the
 * caller passed it: `text.slice(index, index + length)` is the passage as written, punctuation
 * and spacing inside it included.
 */
export type Finding = {
  term: string
  class: string
  severity: Severity
  index: number
  length: number
  suggestion: string | null
  /** The term's id, when it was given one. */
  id?: string
}

/**
 * Finds forbidden terms in a text whatever its script (Traditional or Simplified), character
 * width, letter case, punctuation and spacing. The dictionary is compiled once; reuse the
 * matcher for every text and build a new one when the terms change.
 */
export class ForbiddenTermMatcher {
  /** How many terms the matcher looks for. */
  readonly size: number
  /** Terms left out because nothing remains of them after normalization (only punctuation or spaces). */
  readonly unmatchable: readonly ForbiddenTerm[]

  private readonly terms: readonly ForbiddenTerm[]
  private readonly automaton: AhoCorasick<number>
  // A term whose forms normalize differently can match one span twice; only those need de-duplication.
  private readonly severalForms: ReadonlySet<number>

  constructor(terms: readonly ForbiddenTerm[]) {
    this.terms = [...terms]
    const patterns: PatternInput<number>[] = []
    const unmatchable: ForbiddenTerm[] = []
    const severalForms = new Set<number>()
    this.terms.forEach((term, order) => {
      const forms = new Set<string>()
      for (const written of [term.term, ...(term.termVariants ?? [])]) {
        const { normalized } = normalizeForMatching(written)
        if (normalized) forms.add(normalized)
      }
      if (!forms.size) unmatchable.push(term)
      if (forms.size > 1) severalForms.add(order)
      for (const pattern of forms) patterns.push({ pattern, data: order })
    })
    this.automaton = new AhoCorasick(patterns)
    this.severalForms = severalForms
    this.unmatchable = unmatchable
    this.size = this.terms.length - unmatchable.length
  }

  /** Every occurrence of every term, overlaps included, by position and then longest first. */
  find(text: string): Finding[] {
    if (!this.size || !text) return []
    const { normalized, positions } = normalizeForMatching(text)
    if (!normalized) return []
    const found: { finding: Finding; order: number }[] = []
    const seen = new Set<string>()
    for (const match of this.automaton.iterate(normalized)) {
      const order = match.data!
      const index = positions[match.start]
      const end = characterEnd(text, positions[match.end - 1])
      if (this.severalForms.has(order)) {
        const key = `${order}:${index}:${end}`
        if (seen.has(key)) continue
        seen.add(key)
      }
      const term = this.terms[order]
      const finding: Finding = {
        term: term.term,
        class: term.class,
        severity: term.severity,
        index,
        length: end - index,
        suggestion: term.suggestion,
      }
      if (term.id !== undefined) finding.id = term.id
      found.push({ finding, order })
    }
    // Same span: the order the terms were given in, so results do not depend on the automaton.
    found.sort((a, b) => a.finding.index - b.finding.index || b.finding.length - a.finding.length || a.order - b.order)
    return found.map(({ finding }) => finding)
  }
}

/** Whether any finding has severity block (warn findings only advise). */
export function findingsAreBlocking(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'block')
}
