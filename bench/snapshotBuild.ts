import { CALL_CENTRE_OVERRIDES, PhraseConverter } from '../src/conversion'
import { buildSnapshot, type PublishedPhrase } from '../src/delivery/snapshot'
import { REGIONS } from '../src/domain/locales'
import { syntheticPhrase } from './syntheticLibrary'

export type SnapshotBuildFigure = { phrases: number; convertingMs: number; storedMs: number; ratio: number }

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

function timed(work: () => void): number {
  const started = performance.now()
  work()
  return performance.now() - started
}

/** Synthetic phrase number n as the store reads it from the database. */
export const published = (n: number): PublishedPhrase => {
  const phrase = syntheticPhrase(n)
  return {
    id: String(n + 1),
    key: phrase.key,
    category: 'bench',
    sourceScript: 'zh-Hant',
    title: phrase.title,
    text: phrase.text,
    agentNotes: {},
    tags: [],
    triggers: [],
    channels: ['phone', 'chat'],
    variables: [],
    variantOf: null,
    holiday: null,
    validFrom: null,
    validUntil: null,
    order: n,
    updatedAt: '2026-12-04T00:00:00.000Z',
  }
}

/**
 * Building the delivery snapshot from the published phrases already read from the database,
 * side by side in one run: as the server did until issue 17 (each phrase's zh-TW, zh-HK and zh-CN
 * title and text converted from the scripts while building, the rule `deliveredPhrase` then
 * followed), and now (the regions' stored texts, served as they are). The database read both
 * pay is left out. Median of 3 (1 at 100k).
 */
export function benchSnapshotBuild(sizes: number[]): SnapshotBuildFigure[] {
  const converter = new PhraseConverter(CALL_CENTRE_OVERRIDES)
  const convert = (text: string | null | undefined, to: (typeof REGIONS)[number]) => (text ? converter.convert(text, to).text : '')
  return sizes.map((size) => {
    const phrases = Array.from({ length: size }, (_, n) => published(n))
    const input = { revision: 1, categories: [], holidays: [], scenarios: [], defaultTraditional: 'zh-TW' as const, regions: REGIONS }
    const runs = size >= 100_000 ? 1 : 3
    const [converting, stored]: number[][] = [[], []]
    for (let run = 0; run < runs; run++) {
      converting.push(
        timed(() => {
          const converted = phrases.map((phrase) => {
            const title = { ...phrase.title }
            const text = { ...phrase.text }
            for (const region of REGIONS) {
              const from = region === 'zh-CN' && phrase.sourceScript === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant'
              title[region] = convert(phrase.title[from], region)
              text[region] = convert(phrase.text[from], region)
            }
            return { ...phrase, title, text }
          })
          buildSnapshot({ ...input, phrases: converted })
        }),
      )
      stored.push(timed(() => buildSnapshot({ ...input, phrases })))
    }
    const [convertingMs, storedMs] = [median(converting), median(stored)]
    return { phrases: size, convertingMs, storedMs, ratio: convertingMs / storedMs }
  })
}
