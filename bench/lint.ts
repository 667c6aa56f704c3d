import { pathToFileURL } from 'node:url'

import { type ForbiddenTerm, ForbiddenTermMatcher, normalizeForMatching } from '../src/lint'
import { readStandardLibrary } from '../seed/library'

const TEXT_BYTES = 1024
const SYNTHETIC_TERMS = 10_000

export type LintFigure = {
  dictionary: string
  terms: number
  buildMs: number
  lintMicros: number
  findings: number
}

/** Same figures on every run: a small linear congruential generator, not Math.random. */
function generator(seed: number) {
  let state = seed >>> 0
  return (below: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state % below
  }
}

function median(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]
}

function medianMs(runs: number, work: () => void): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint()
    work()
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  return median(times)
}

/**
 * About 1 KB (UTF-8) of phrase text as an agent might write it: seeded phrases in both scripts,
 * with a seeded forbidden term after every third phrase.
 */
function sampleText(): string {
  const { phrases, forbiddenTerms } = readStandardLibrary()
  const next = generator(7)
  let text = ''
  for (let i = 0; Buffer.byteLength(text) < TEXT_BYTES; i++) {
    const script = i % 2 ? 'zh-Hans' : 'zh-Hant'
    text += phrases[next(phrases.length)].text[script]
    if (i % 3 === 2) text += `${forbiddenTerms[next(forbiddenTerms.length)].text[script]}。`
  }
  // Cut back to the byte budget on a character boundary.
  let cut = ''
  for (const char of text) {
    if (Buffer.byteLength(cut + char) > TEXT_BYTES) break
    cut += char
  }
  return cut
}

function seededTerms(): ForbiddenTerm[] {
  return readStandardLibrary().forbiddenTerms.map((t) => ({
    term: t.text['zh-Hant'],
    termVariants: [t.text['zh-Hans']],
    class: t.class,
    severity: t.severity,
    suggestion: t.suggestion?.['zh-Hant'] ?? null,
  }))
}

/** Random 3–8 character strings over the CJK characters of the seeded phrases. */
function syntheticTerms(count: number): ForbiddenTerm[] {
  const { phrases } = readStandardLibrary()
  const alphabet = [
    ...new Set(phrases.flatMap((p) => [...p.text['zh-Hant'], ...p.text['zh-Hans']]).filter((c) => /\p{Script=Han}/u.test(c))),
  ]
  const next = generator(42)
  return Array.from({ length: count }, (_, i) => {
    let term = ''
    for (let k = 3 + next(6); k > 0; k--) term += alphabet[next(alphabet.length)]
    return { term, class: '諷刺', severity: i % 3 ? 'block' : 'warn', suggestion: null, id: `synthetic-${i}` }
  })
}

/**
 * Median microseconds to lint 1 KB against the seeded list and against 10,000 synthetic terms,
 * and median milliseconds to build each matcher. The first use in a process also builds the
 * script-variant table; that one-off cost is its own row.
 */
export function benchLint(): { rows: LintFigure[]; textBytes: number; textChars: number } {
  const text = sampleText()
  const started = process.hrtime.bigint()
  normalizeForMatching('後')
  const variantTableMs = Number(process.hrtime.bigint() - started) / 1e6

  const rows: LintFigure[] = [{ dictionary: 'script-variant table (once per process)', terms: 0, buildMs: variantTableMs, lintMicros: NaN, findings: NaN }]
  for (const [dictionary, terms, buildRuns] of [
    ['seeded 服務忌語', seededTerms(), 21],
    [`${SYNTHETIC_TERMS.toLocaleString('en')} synthetic terms`, syntheticTerms(SYNTHETIC_TERMS), 5],
  ] as const) {
    let matcher = new ForbiddenTermMatcher(terms)
    const buildMs = medianMs(buildRuns, () => {
      matcher = new ForbiddenTermMatcher(terms)
    })
    const findings = matcher.find(text).length
    for (let i = 0; i < 200; i++) matcher.find(text) // warm-up
    const lintMicros = medianMs(1001, () => matcher.find(text)) * 1000
    rows.push({ dictionary, terms: matcher.size, buildMs, lintMicros, findings })
  }
  return { rows, textBytes: Buffer.byteLength(text), textChars: [...text].length }
}

export function lintTable(rows: LintFigure[]): string {
  const cell = (value: number, digits: number) => (Number.isNaN(value) ? '–' : value.toFixed(digits))
  return [
    '| dictionary | terms | build (ms) | lint 1 KB (µs, median) | findings |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.dictionary} | ${r.terms || '–'} | ${cell(r.buildMs, 2)} | ${cell(r.lintMicros, 1)} | ${cell(r.findings, 0)} |`),
  ].join('\n')
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { rows, textBytes, textChars } = benchLint()
  console.log(`Forbidden-term lint: ${textBytes} bytes of text (${textChars} characters), Node ${process.version}\n`)
  console.log(lintTable(rows))
}
