import { PhraseSearch, readSearchQuery, searchPhrases } from '../src/delivery/search'
import { listedPhrases } from '../src/delivery/request'
import { buildSnapshot, patchSnapshot, type PublishedPhrase, type Snapshot } from '../src/delivery/snapshot'
import { REGIONS } from '../src/domain/locales'
import { quantile } from './figures'
import { published as plainPhrase } from './snapshotBuild'

export type SearchFigure = {
  phrases: number
  queries: number
  buildMs: number
  patchMs: number
  search: { p50: number; p99: number; max: number }
  scan: { p50: number; p99: number; max: number }
  /** Queries the substring scan found nothing for that search answered. */
  scanMissed: number
}

/** A deterministic pseudo-random sequence (mulberry32), so every run asks the same questions. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Product and service names, so that phrases differ as a real library's do (not one text 500 times).
const NAME_CHARACTERS = [...'華新安泰寶福康達信豐源盛隆興和順昌德恒利通聯合大中光明金銀綠雲天海山川星月陽春秋晨曦遠航']
const productName = (n: number) => [0, 1, 2].map((i) => NAME_CHARACTERS[Math.floor(n / NAME_CHARACTERS.length ** i) % NAME_CHARACTERS.length]).join('')

/** Synthetic phrase n, its text ending in a product name of its own. */
function published(n: number): PublishedPhrase {
  const phrase = plainPhrase(n)
  const name = productName(n)
  return { ...phrase, text: Object.fromEntries(Object.entries(phrase.text).map(([locale, text]) => [locale, `${text}（${name}）`])) }
}

/**
 * What agents type: a piece of 2–6 characters of a phrase's text, in either script, sometimes
 * with a character dropped from its middle (words in between), sometimes a product name.
 */
function queries(phrases: PublishedPhrase[], count: number): string[] {
  const next = random(20261205)
  return Array.from({ length: count }, () => {
    const phrase = phrases[Math.floor(next() * phrases.length)]!
    const text = [...(phrase.text[next() < 0.5 ? 'zh-TW' : 'zh-CN'] ?? '').replace(/\{\{[^{}]*\}\}|[，。？！、（）]/g, '')]
    const kind = next()
    if (kind < 0.15) return [...(phrase.text['zh-TW'] ?? '')].slice(-4, -1).join('')
    const length = 2 + Math.floor(next() * 5)
    const start = Math.floor(next() * Math.max(1, text.length - length))
    const piece = text.slice(start, start + length)
    if (kind < 0.4 && piece.length >= 4) piece.splice(1 + Math.floor(next() * (piece.length - 2)), 1)
    return piece.join('')
  })
}

/** Each query timed once, after a round of all of them (a running server has compiled its code). */
function timings(run: (query: string) => unknown, asked: string[]): { p50: number; p99: number; max: number } {
  for (const query of asked) run(query)
  const times = asked.map((query) => {
    const started = performance.now()
    run(query)
    return performance.now() - started
  })
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99), max: Math.max(...times) }
}

/**
 * `GET /v1/search` in-process, without HTTP: the first page of ten (resolution and highlights
 * included) for each query, over a snapshot of `size` synthetic phrases; side by side with the
 * `q` of `/v1/phrases` (a substring test in the asked locale's text of every phrase), the only way
 * to find a phrase by its words before.
 */
export function benchSearch(sizes: number[], queryCount = 500): SearchFigure[] {
  const timeZone = 'Asia/Taipei'
  return sizes.map((size) => {
    const phrases = Array.from({ length: size }, (_, n) => published(n))
    const snapshot: Snapshot = buildSnapshot({ revision: 1, phrases, categories: [{ slug: 'bench', name: {}, order: 0 }], holidays: [], scenarios: [], defaultTraditional: 'zh-TW', regions: REGIONS })
    // Uses as a call centre's are: a few phrases used a lot, most seldom (about 1/rank).
    const engine = new PhraseSearch({ usesOf: (key) => Math.floor(1000 / (1 + (Number(key.slice(-6)) % 997))) })
    let started = performance.now()
    engine.boostsFor(engine.indexFor(snapshot))
    const buildMs = performance.now() - started
    const edited = { ...phrases[7]!, updatedAt: '2026-12-05T12:00:00.000Z', text: { ...phrases[7]!.text, 'zh-TW': '請您稍等，我幫您轉接專人。', 'zh-CN': '请您稍等，我帮您转接专人。' } }
    const patched = patchSnapshot(snapshot, 2, [edited], [])
    started = performance.now()
    engine.boostsFor(engine.indexFor(patched))
    const patchMs = performance.now() - started
    const asked = queries(phrases, queryCount)
    const dayQuery = (q: string) => readSearchQuery({ q, locale: 'zh-TW' }, patched, timeZone)
    const search = timings((q) => {
      const index = engine.indexFor(patched)
      return searchPhrases(patched, index, dayQuery(q), engine.boostsFor(index))
    }, asked)
    const scanFinds = (q: string) => [...listedPhrases(patched, dayQuery(q))].map(({ key }) => key)
    const scan = timings(scanFinds, asked)
    const scanMissed = asked.filter((q) => scanFinds(q).length === 0 && searchPhrases(patched, engine.indexFor(patched), dayQuery(q)).items.length > 0).length
    return { phrases: size, queries: asked.length, buildMs, patchMs, search, scan, scanMissed }
  })
}

export function searchTable(figures: SearchFigure[]): string {
  const ms = (value: number) => value.toFixed(value < 10 ? 2 : 0)
  return [
    '| phrases | index build (ms) | after one publish (ms) | search p50 / p99 / max (ms) | substring scan p50 / p99 / max (ms) | scan p99 ÷ search p99 | queries the scan finds nothing for |',
    '|---|---|---|---|---|---|---|',
    ...figures.map(
      (f) =>
        `| ${f.phrases.toLocaleString('en')} | ${f.buildMs.toFixed(0)} | ${f.patchMs.toFixed(0)} | ${ms(f.search.p50)} / ${ms(f.search.p99)} / ${ms(f.search.max)} | ${ms(f.scan.p50)} / ${ms(f.scan.p99)} / ${ms(f.scan.max)} | ${(f.scan.p99 / f.search.p99).toFixed(0)}× | ${f.scanMissed} of ${f.queries} |`,
    ),
  ].join('\n')
}
