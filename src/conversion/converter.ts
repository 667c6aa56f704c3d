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
import type { Region } from '../domain/locales'
import { RegionalWording, type Spell, withWordingFlags } from './regionalWording'
import { type ConversionTarget, CONVERSION_TARGETS, OPENCC_PAIRS, scriptOf } from './targets'

/** A glossary entry: a term that never converts, or converts to a given form per target. */
export type GlossaryRule = {
  term: string
  protect?: boolean
  overrides?: Partial<Record<ConversionTarget, string>>
}

/**
 * Where the converter could not be sure: the source character, what it chose, the options. A
 * `wording` flag is a term another region says differently (普通話 where Taiwan says 國語): `char`
 * and `chosen` are the term as converted, the candidates the target region's forms and itself.
 */
export type Ambiguity = { index: number; char: string; chosen: string; candidates: string[]; kind?: 'wording' }
export type Conversion = { text: string; to: ConversionTarget; ambiguities: Ambiguity[] }

/** The fields of a phrase a flag can be in; a flag without `field` is in the text (as stored before titles were flagged). */
export const FLAGGED_FIELDS = ['title', 'text', 'agentNotes'] as const
export type FlaggedField = (typeof FLAGGED_FIELDS)[number]
export type PhraseFlag = Ambiguity & { field?: Exclude<FlaggedField, 'text'> }
export const fieldOf = (flag: PhraseFlag): FlaggedField => flag.field ?? 'text'

/** How long a flag's texts may be: a character (or a surrogate pair), or a regional term. */
const spanOf = (flag: { kind?: unknown }) => (flag.kind === 'wording' ? 12 : 2)

/** Whether a stored value is a list of flags as the converter writes them (people settle flags, they do not invent them). */
export function isAmbiguityList(value: unknown): value is PhraseFlag[] {
  const isText = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && v.length <= max
  return (
    Array.isArray(value) &&
    value.length <= 2000 &&
    value.every(
      (flag) =>
        typeof flag === 'object' && flag !== null &&
        Number.isInteger(flag.index) && flag.index >= 0 &&
        (flag.kind === undefined || flag.kind === 'wording') &&
        isText(flag.char, spanOf(flag)) && isText(flag.chosen, spanOf(flag)) &&
        Array.isArray(flag.candidates) && flag.candidates.length <= 10 && flag.candidates.every((c: unknown) => isText(c, spanOf(flag))) &&
        (flag.field === undefined || flag.field === 'title' || flag.field === 'agentNotes'),
    )
  )
}

// Private-use characters stand in for protected spans while OpenCC runs: it leaves them alone.
const SENTINEL_BASE = 0xe000
const SENTINEL_LIMIT = 0xf8ff - SENTINEL_BASE
const SENTINEL = /[\uE000-\uF8FF]/g
const HAS_SENTINEL = /[\uE000-\uF8FF]/
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

// OpenCC's converters and the doubt tables depend on the target only, not on the glossary, and
// take about 130 ms each to build: built once per process, so a glossary change costs a regex.
const openccConverters = new Map<ConversionTarget, (text: string) => string>()
const openccFor = (target: ConversionTarget) => {
  let convert = openccConverters.get(target)
  if (!convert) openccConverters.set(target, (convert = OpenCC.Converter(OPENCC_PAIRS[target])))
  return convert
}
/**
 * A region's form written in a target's script, characters only (OpenCC's zh-Hant and zh-Hans
 * converters): 普通话 is looked for as 普通話 in Traditional texts, 簡訊 as 简讯 in Simplified.
 */
export function regionalSpelling(target: ConversionTarget): Spell {
  const script = scriptOf(target)
  const respell = openccFor(script)
  return (form: string, region: Region) => ((region === 'zh-CN') === (script === 'zh-Hant') ? respell(form) : form)
}
const wordingTables = new Map<ConversionTarget, RegionalWording>()
const wordingFor = (target: ConversionTarget) => {
  let wording = wordingTables.get(target)
  if (!wording) wordingTables.set(target, (wording = new RegionalWording(target, regionalSpelling(target))))
  return wording
}
const doubtTables = new Map<ConversionTarget, Doubts>()
const doubtsFor = (target: ConversionTarget) => {
  let doubts = doubtTables.get(target)
  if (!doubts) doubtTables.set(target, (doubts = new Doubts(target)))
  return doubts
}

/**
 * Traditional/Simplified conversion for phrases: OpenCC does the work; around it this keeps
 * `{{placeholders}}` and protected terms byte-identical, applies glossary overrides written in
 * the source script, and reports the characters OpenCC decided without a phrase to go on.
 * Patterns are built once per glossary; OpenCC itself once per process.
 */
export class PhraseConverter {
  private readonly plans = new Map<ConversionTarget, Plan>()

  constructor(glossary: readonly GlossaryRule[] = []) {
    for (const target of CONVERSION_TARGETS) {
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
    const opencc = openccFor(to)
    const restore = held.length
      ? (converted: string) => converted.replace(SENTINEL, (s) => held[s.charCodeAt(0) - SENTINEL_BASE])
      : (converted: string) => converted
    const output = restore(opencc(shielded))
    const ambiguities: Ambiguity[] = []
    const doubts = doubtsFor(to)
    // Only the pieces (between punctuation, which OpenCC's phrases never cross and which it keeps
    // as it is) around a one-to-many character are looked at; the n-th punctuation mark of the
    // source is the n-th of the output, which places the piece in the output without converting
    // everything before it.
    const sourceEnds = new PieceEnds(shielded)
    const outputEnds = new PieceEnds(output)
    for (const { start, end } of doubts.piecesIn(shielded, sourceEnds)) {
      const piece = shielded.slice(start, end)
      const positions = doubts.positionsIn(piece)
      if (!positions.length) continue
      const pieceNumber = sourceEnds.countBefore(start)
      const outputStart = outputEnds.offsetAfter(pieceNumber)
      // The piece boundary must be the same mark in both; otherwise fall back to the slow way.
      const aligned = start === 0 ? outputStart === 0 : output[outputStart - 1] === shielded[start - 1]
      // Mostly a piece converts character for character; then a flag keeps its offset.
      const sameLength =
        aligned && outputEnds.offsetAfter(pieceNumber + 1, output.length) - outputStart === piece.length && !HAS_SENTINEL.test(piece)
      for (const position of positions) {
        const index = sameLength
          ? outputStart + position
          : aligned
            ? outputStart + restore(opencc(piece.slice(0, position))).length
            : restore(opencc(shielded.slice(0, start + position))).length
        const char = piece[position]
        ambiguities.push({ index, char, chosen: output[index], candidates: doubts.candidatesOf(char) })
      }
    }
    return { text: output, to, ambiguities: withWordingFlags(ambiguities, wordingFor(to).flagsIn(output)) }
  }

}

export const PIECE_END_MARKS = '，。！？；：、,.!?;:\n'
const PIECE_END = new RegExp(`[${PIECE_END_MARKS}]`, 'g')

/** Where the pieces of a text end (after each punctuation mark or line break). */
class PieceEnds {
  private readonly ends: number[] = []

  constructor(text: string) {
    for (const match of text.matchAll(PIECE_END)) this.ends.push(match.index + 1)
  }

  /** How many pieces end at or before `offset`. */
  countBefore(offset: number): number {
    let low = 0
    let high = this.ends.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (this.ends[mid] <= offset) low = mid + 1
      else high = mid
    }
    return low
  }

  /** Where the piece after the first `count` pieces starts (`length` past the last one). */
  offsetAfter(count: number, length = Infinity): number {
    return count === 0 ? 0 : (this.ends[count - 1] ?? length)
  }
}

/** Which characters of a piece OpenCC decided by its character table, for one target. */
class Doubts {
  private readonly surnameTable: Record<string, string[]>
  private readonly trie: Trie
  private readonly candidateForm: (candidate: string) => string
  private readonly pattern: RegExp
  private readonly ambiguous: Set<string>
  private readonly surnameAmbiguous: Set<string>

  constructor(to: ConversionTarget) {
    const toTraditional = scriptOf(to) === 'zh-Hant'
    const table = toTraditional ? AMBIGUOUS_SIMPLIFIED : AMBIGUOUS_TRADITIONAL
    this.surnameTable = toTraditional ? AMBIGUOUS_SIMPLIFIED : { ...AMBIGUOUS_TRADITIONAL, ...SURNAME_ONLY_TRADITIONAL }
    this.trie = toTraditional ? phraseTries.fromSimplified : phraseTries.fromTraditional
    this.candidateForm = CANDIDATE_FORMS[to]
    this.pattern = new RegExp(`[${Object.keys(this.surnameTable).join('')}]`, 'g')
    // Sets, not the tables: the walk below looks up every character it passes.
    this.ambiguous = new Set(Object.keys(table))
    this.surnameAmbiguous = new Set(Object.keys(this.surnameTable))
  }

  /** The pieces of a text that hold a one-to-many character, each once. */
  *piecesIn(text: string, ends: PieceEnds): Generator<{ start: number; end: number }> {
    let covered = 0
    for (const match of text.matchAll(this.pattern)) {
      if (match.index < covered) continue
      const piece = ends.countBefore(match.index)
      covered = ends.offsetAfter(piece + 1, text.length)
      yield { start: ends.offsetAfter(piece, text.length), end: covered }
    }
  }

  candidatesOf(char: string): string[] {
    return [...new Set(this.surnameTable[char].map(this.candidateForm))]
  }

  /**
   * Walks the piece the way OpenCC segments it: a character inside a dictionary phrase is decided
   * by the phrase, unless the phrase only pairs it with function words (干了, 没干); before a
   * title it is a surname, which no phrase decides.
   */
  positionsIn(piece: string): number[] {
    const { ambiguous, surnameAmbiguous } = this
    const beforeTitle = (j: number) => TITLES_AFTER_SURNAME.some((title) => piece.startsWith(title, j + 1))
    const doubtful: number[] = []
    // Segments after the last one-to-many character cannot change anything.
    let last = piece.length - 1
    while (last >= 0 && !surnameAmbiguous.has(piece[last])) last--
    for (let i = 0; i <= last; ) {
      const match = this.trie.matchPrefix(piece, i)
      const end = match && match.end - i >= 2 ? match.end : i + 1
      let decidedByPhrase = false
      for (let k = i; end - i >= 2 && k < end && !decidedByPhrase; k++) {
        decidedByPhrase = !ambiguous.has(piece[k]) && !FUNCTION_CHARACTERS.has(piece[k])
      }
      for (let j = i; j < end; j++) {
        const c = piece[j]
        if ((!decidedByPhrase && ambiguous.has(c)) || (surnameAmbiguous.has(c) && beforeTitle(j))) doubtful.push(j)
      }
      i = end
    }
    return doubtful
  }
}
