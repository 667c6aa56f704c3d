import HKVariants from 'opencc-js/dict/HKVariants'
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev'
import STCharacters from 'opencc-js/dict/STCharacters'
import TSCharacters from 'opencc-js/dict/TSCharacters'
import TWVariants from 'opencc-js/dict/TWVariants'
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev'

import { AMBIGUOUS_SIMPLIFIED, AMBIGUOUS_TRADITIONAL, SURNAME_ONLY_TRADITIONAL } from '../conversion/ambiguousCharacters'

/**
 * Text as the matcher compares it, and for each UTF-16 unit of `normalized` the UTF-16 offset in
 * the original text of the character it came from.
 */
export type NormalizedText = { normalized: string; positions: number[] }

// Skipped when comparing: punctuation, spaces and line breaks, control and format characters
// (zero-width space, joiners, soft hyphen), variation selectors, and the tilde that Chinese
// writers use as a mark (～ is a tilde after NFKC).
const IGNORABLE = /^[\p{P}\p{Z}\p{Cc}\p{Cf}\p{Cs}~\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u

let variantOf: Map<number, number> | undefined

/**
 * One character for every set of characters that are the same character in another script or
 * regional form (後 后; 著 着; 裡 裏 里; 乾 幹 干), so that each maps to one character and the
 * length in characters never changes. Built from OpenCC's character tables (not its phrase
 * tables, which replace words) and the project's list of one-to-many characters, of which
 * OpenCC's tables keep only the first choice. Merging 乾 and 幹 loses nothing: Simplified text
 * cannot tell them apart either. Code points, not strings: this runs at first use, cold.
 */
function variants(): Map<number, number> {
  if (variantOf) return variantOf
  const parent = new Map<number, number>()
  const root = (c: number): number => {
    let r = c
    while (parent.get(r) !== r) r = parent.get(r)!
    parent.set(c, r) // shortens the next walk from c
    return r
  }
  const join = (a: number, b: number) => {
    if (!parent.has(a)) parent.set(a, a)
    if (!parent.has(b)) parent.set(b, b)
    const ra = root(a)
    const rb = root(b)
    if (ra !== rb) parent.set(ra, rb)
  }
  const simplified = new Set<number>()
  const traditional = new Set<number>()
  // Entries are "character candidate…", separated by |; the characters are already NFKC.
  for (const dict of [TSCharacters, STCharacters, TWVariants, TWVariantsRev, HKVariants, HKVariantsRev]) {
    const entries = dict.split('|')
    for (let i = 0; i < entries.length; i++) {
      const chars = entries[i].split(' ')
      const from = chars[0].codePointAt(0)!
      for (let k = 1; k < chars.length; k++) {
        const to = chars[k].codePointAt(0)!
        join(from, to)
        if (dict === TSCharacters) simplified.add(to)
      }
      if (dict === TSCharacters) traditional.add(from)
    }
  }
  for (const table of [AMBIGUOUS_SIMPLIFIED, AMBIGUOUS_TRADITIONAL, SURNAME_ONLY_TRADITIONAL]) {
    for (const char in table) for (const other of table[char]) join(char.codePointAt(0)!, other.codePointAt(0)!)
  }
  // The Simplified member stands for the set, so normalized text reads as Simplified Chinese;
  // the lowest code point breaks ties so the choice does not depend on table order.
  const chosen = new Map<number, number>()
  const better = (c: number, than: number | undefined) => {
    if (than === undefined) return true
    const rank = (x: number) => (simplified.has(x) && !traditional.has(x) ? 0 : traditional.has(x) ? 2 : 1)
    return rank(c) < rank(than) || (rank(c) === rank(than) && c < than)
  }
  for (const c of parent.keys()) {
    const r = root(c)
    if (better(c, chosen.get(r))) chosen.set(r, c)
  }
  variantOf = new Map()
  for (const c of parent.keys()) {
    const to = chosen.get(root(c))!
    if (to !== c) variantOf.set(c, to)
  }
  return variantOf
}

// Folding one character is a few regex and normalize calls; a call-centre text reuses a few
// hundred characters, so each is folded once per process.
const bmpFolds: (string | undefined)[] = new Array(0x10000)
const astralFolds = new Map<number, string>()

/**
 * What one character of the original text becomes: NFKC (full-width letters, digits and marks
 * to their usual forms, compatibility ideographs to unified ones), lower case, one character per
 * set of script variants, and nothing at all if it is punctuation, space or invisible.
 * Character by character, not over the whole text, so every output unit has one source character.
 */
function foldCodePoint(code: number): string {
  const cached = code < 0x10000 ? bmpFolds[code] : astralFolds.get(code)
  if (cached !== undefined) return cached
  const map = variants()
  let out = ''
  for (const c of String.fromCodePoint(code).normalize('NFKC').toLowerCase()) {
    if (IGNORABLE.test(c)) continue
    const variant = map.get(c.codePointAt(0)!)
    out += variant === undefined ? c : String.fromCodePoint(variant)
  }
  if (code < 0x10000) bmpFolds[code] = out
  else astralFolds.set(code, out)
  return out
}

/**
 * The text as terms are compared with it (see foldCodePoint). `positions[i]` is where, in the
 * original text, the character that produced unit `i` of `normalized` starts; a character that
 * folds to two units (ﬁ → fi, ㈱ → 株) gives both the same position.
 */
export function normalizeForMatching(text: string): NormalizedText {
  let normalized = ''
  const positions: number[] = []
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!
    const folded = foldCodePoint(code)
    for (let k = 0; k < folded.length; k++) positions.push(i)
    normalized += folded
    i += code > 0xffff ? 2 : 1
  }
  return { normalized, positions }
}

/** Where the character starting at `index` of `text` ends (a surrogate pair is two units). */
export function characterEnd(text: string, index: number): number {
  const code = text.codePointAt(index)
  return index + (code !== undefined && code > 0xffff ? 2 : 1)
}
