import * as OpenCC from 'opencc-js'
import { Trie } from 'opencc-js/core'
import STPhrases from 'opencc-js/dict/STPhrases'
import TSPhrases from 'opencc-js/dict/TSPhrases'

import {
  AMBIGUOUS_SIMPLIFIED,
  AMBIGUOUS_TRADITIONAL,
  FUNCTION_CHARACTERS,
  SURNAME_ONLY_TRADITIONAL,
  TITLES_AFTER_SURNAME,
} from './ambiguousCharacters'
import { type ConversionTarget, CONVERSION_TARGETS, OPENCC_PAIRS, scriptOf } from './targets'

/** A glossary entry: a term that never converts, or converts to a given form per target. */
export type GlossaryRule = {
  term: string
  protect?: boolean
  overrides?: Partial<Record<ConversionTarget, string>>
}

/** Where the converter could not be sure: the source character, what it chose, the options. */
export type Ambiguity = { index: number; char: string; chosen: string; candidates: string[] }
export type Conversion = { text: string; to: ConversionTarget; ambiguities: Ambiguity[] }

// Private-use characters stand in for protected spans while OpenCC runs: it leaves them alone.
const SENTINEL_BASE = 0xe000
const SENTINEL_LIMIT = 0xf8ff - SENTINEL_BASE
const SENTINEL = /[\uE000-\uF8FF]/g
const PLACEHOLDER = '\\{\\{[^{}]*\\}\\}'

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Phrase tries of OpenCC's first stage, per source script, to tell phrase decisions apart. */
const phraseTries = {
  fromSimplified: new Trie(),
  fromTraditional: new Trie(),
}
phraseTries.fromSimplified.loadDict(STPhrases)
phraseTries.fromTraditional.loadDict(TSPhrases)

// Candidates are Taiwan forms; Hong Kong writes some differently (麵 is 麪).
const taiwanToHongKong = OpenCC.Converter({ from: 'tw', to: 'hk' })
const CANDIDATE_FORMS: Record<ConversionTarget, (candidate: string) => string> = {
  'zh-Hant': (c) => c,
  'zh-TW': (c) => c,
  'zh-HK': taiwanToHongKong,
  'zh-Hans': (c) => c,
  'zh-CN': (c) => c,
}

type Plan = { pattern: RegExp; replacementFor: Map<string, string> }

/**
 * Traditional/Simplified conversion for phrases: OpenCC does the work; around it this keeps
 * `{{placeholders}}` and protected terms byte-identical, applies glossary overrides written in
 * the source script, and reports the characters OpenCC decided without a phrase to go on.
 * Converters and patterns are built once per glossary and reused.
 */
export class PhraseConverter {
  private readonly openccFor = new Map<ConversionTarget, (text: string) => string>()
  private readonly plans = new Map<ConversionTarget, Plan>()

  constructor(glossary: readonly GlossaryRule[] = []) {
    for (const target of CONVERSION_TARGETS) {
      this.openccFor.set(target, OpenCC.Converter(OPENCC_PAIRS[target]))
      const replacementFor = new Map<string, string>()
      for (const rule of glossary) {
        if (!rule.term) continue
        if (rule.protect) replacementFor.set(rule.term, rule.term)
        else if (rule.overrides?.[target]) replacementFor.set(rule.term, rule.overrides[target]!)
      }
      // Longest terms first, so 别着急 wins over a shorter term inside it.
      const terms = [...replacementFor.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp)
      this.plans.set(target, { pattern: new RegExp([PLACEHOLDER, ...terms].join('|'), 'g'), replacementFor })
    }
  }

  convert(text: string, to: ConversionTarget): Conversion {
    const { pattern, replacementFor } = this.plans.get(to)!
    const held: string[] = []
    const shielded = text.replace(pattern, (match) => {
      if (held.length > SENTINEL_LIMIT) throw new RangeError('Too many placeholders and glossary terms in one text.')
      held.push(replacementFor.get(match) ?? match)
      return String.fromCharCode(SENTINEL_BASE + held.length - 1)
    })
    const opencc = this.openccFor.get(to)!
    const restore = (converted: string) =>
      converted.replace(SENTINEL, (s) => held[s.charCodeAt(0) - SENTINEL_BASE])
    const output = restore(opencc(shielded))
    const ambiguities = this.ambiguitiesIn(shielded, to, (prefix) => restore(opencc(prefix)).length, output)
    return { text: output, to, ambiguities }
  }

  /**
   * Walks the (shielded) source the way OpenCC segments it: a character inside a dictionary
   * phrase is decided by the phrase, unless the phrase only pairs it with function words (干了).
   */
  private ambiguitiesIn(
    source: string,
    to: ConversionTarget,
    outputLengthOf: (prefix: string) => number,
    output: string,
  ): Ambiguity[] {
    const toTraditional = scriptOf(to) === 'zh-Hant'
    const table = toTraditional ? AMBIGUOUS_SIMPLIFIED : AMBIGUOUS_TRADITIONAL
    const surnameTable = toTraditional ? AMBIGUOUS_SIMPLIFIED : { ...AMBIGUOUS_TRADITIONAL, ...SURNAME_ONLY_TRADITIONAL }
    const trie = toTraditional ? phraseTries.fromSimplified : phraseTries.fromTraditional
    const beforeTitle = (j: number) => TITLES_AFTER_SURNAME.some((title) => source.startsWith(title, j + 1))
    const doubtful: number[] = []
    for (let i = 0; i < source.length; ) {
      const match = trie.matchPrefix(source, i)
      const end = match && match.end - i >= 2 ? match.end : i + 1
      const span = source.slice(i, end)
      const decidedByPhrase =
        end - i >= 2 && [...span].some((c) => !(c in table) && !FUNCTION_CHARACTERS.has(c))
      for (let j = i; j < end; j++) {
        if ((!decidedByPhrase && source[j] in table) || (source[j] in surnameTable && beforeTitle(j))) doubtful.push(j)
      }
      i = end
    }
    return doubtful.map((position) => {
      const index = outputLengthOf(source.slice(0, position))
      const char = source[position]
      const candidates = [...new Set(surnameTable[char].map(CANDIDATE_FORMS[to]))]
      return { index, char, chosen: output[index], candidates }
    })
  }
}
