import * as OpenCC from 'opencc-js'

/**
 * Text as search compares it: NFKC, lower case, and every Traditional character as its Simplified
 * one, so 請稍等 and 请稍等 are the same words. The result has the length of the input (position
 * for position), so a match found in the folded text marks the same characters in the original.
 */
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' })

export function foldForSearch(text: string): string {
  const whole = toSimplified(text.normalize('NFKC').toLowerCase())
  if (whole.length === text.length) return whole
  // A character NFKC widens (㈱ → (株)) would shift every position after it: fold one by one and
  // keep such a character as it is.
  let folded = ''
  for (const character of text) {
    const one = toSimplified(character.normalize('NFKC').toLowerCase())
    folded += one.length === character.length ? one : character
  }
  return folded
}

const HAN = /^\p{Script=Han}/u
const WORDS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu

/**
 * The terms of folded text. Chinese is written without spaces and a word is one to four
 * characters, so each pair of neighbouring Han characters is a term (請您稍等: 请您, 您稍, 稍等), and a
 * lone Han character is one by itself. Any other run of letters or digits is one term (VIP, 24).
 * A query that shares some pairs finds the text even with words in between (请稍等 finds 请您稍等).
 */
export function termsOf(folded: string): string[] {
  const terms: string[] = []
  for (const run of folded.match(WORDS) ?? []) {
    if (!HAN.test(run)) {
      terms.push(run)
      continue
    }
    const characters = [...run]
    if (characters.length === 1) terms.push(run)
    for (let i = 0; i + 1 < characters.length; i++) terms.push(characters[i]! + characters[i + 1]!)
  }
  return terms
}

/** Where the terms occur in `text` (its own, unfolded positions), as merged [start, end) ranges. */
export function highlightsIn(text: string, terms: readonly string[]): [number, number][] {
  const folded = foldForSearch(text)
  const ranges: [number, number][] = []
  for (const term of terms) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) ranges.push([at, at + term.length])
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged: [number, number][] = []
  for (const range of ranges) {
    const last = merged.at(-1)
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([...range])
  }
  return merged
}
