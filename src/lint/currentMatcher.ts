import type { Payload } from 'payload'

import { FORBIDDEN_TERM_CLASSES } from '../domain/forbiddenTermClasses'
import type { Script } from '../domain/locales'
import { builtFromCollection } from '../fingerprintCache'
import { type Finding, type ForbiddenTerm, ForbiddenTermMatcher } from './matcher'

/** A finding as people and agent tools see it: the suggestion in their script, the class's name. */
export type LintFinding = Omit<Finding, 'id'> & { classLabel: string }

type Localized = Partial<Record<string, string | null>>

const CLASS_LABELS = new Map<string, Record<'zh-TW' | 'zh' | 'en', string>>(FORBIDDEN_TERM_CLASSES.map(({ value, label }) => [value, label]))

/** The forbidden-term list compiled for matching, with each term's suggestions in both scripts. */
export class ForbiddenTermList {
  constructor(
    private readonly matcher: ForbiddenTermMatcher,
    private readonly suggestions: Map<string, Localized>,
  ) {}

  get size(): number {
    return this.matcher.size
  }

  /** Every forbidden term in `text`, positions in `text` as given, suggestions in `script`. */
  lint(text: string, script: Script): LintFinding[] {
    return this.matcher.find(text).map(({ id, ...finding }) => ({
      ...finding,
      suggestion: this.suggestions.get(id!)?.[script] ?? finding.suggestion,
      classLabel: CLASS_LABELS.get(finding.class)?.[script === 'zh-Hant' ? 'zh-TW' : 'zh'] ?? finding.class,
    }))
  }
}

async function loadForbiddenTerms(payload: Payload): Promise<ForbiddenTermList> {
  const { docs } = await payload.find({ collection: 'forbidden-terms', locale: 'all', pagination: false, depth: 0, overrideAccess: true })
  const terms: ForbiddenTerm[] = []
  const suggestions = new Map<string, Localized>()
  for (const doc of docs) {
    const written = Object.values((doc.term ?? {}) as unknown as Localized).filter((t): t is string => Boolean(t))
    if (!written.length) continue
    const id = String(doc.id)
    terms.push({ id, term: written[0]!, termVariants: written.slice(1), class: doc.class, severity: doc.severity, suggestion: null })
    suggestions.set(id, (doc.suggestion ?? {}) as unknown as Localized)
  }
  return new ForbiddenTermList(new ForbiddenTermMatcher(terms), suggestions)
}

/**
 * The forbidden-term list as the database has it; every server process rebuilds its matcher
 * on its first use after a change to the list (the change feed).
 */
export const currentForbiddenTerms: (payload: Payload) => Promise<ForbiddenTermList> = builtFromCollection('forbidden-terms', loadForbiddenTerms)
