import { readStandardLibrary } from '../seed/library'
import { PhraseSearch } from '../src/delivery/search'
import { buildSnapshot, patchSnapshot, type PublishedPhrase, type Snapshot } from '../src/delivery/snapshot'
import { PhraseSuggest, readSuggestRequest, suggestPhrases } from '../src/delivery/suggest'
import { REGIONS } from '../src/domain/locales'
import { type Accuracy, accuracyOf, halfOf, LABELLED_UTTERANCES } from '../test/helpers/suggestAccuracy'
import { quantile } from './figures'
import { published as plainPhrase } from './snapshotBuild'

const TIME_ZONE = 'Asia/Taipei'

/** The standard library as published, each region given its script's text (the seed's regional wording aside). */
function standardLibrary(): Snapshot {
  const library = readStandardLibrary()
  const localized = (texts: { 'zh-Hant': string; 'zh-Hans': string } | null) =>
    texts ? { 'zh-Hant': texts['zh-Hant'], 'zh-Hans': texts['zh-Hans'], 'zh-TW': texts['zh-Hant'], 'zh-HK': texts['zh-Hant'], 'zh-CN': texts['zh-Hans'] } : {}
  const phrases: PublishedPhrase[] = library.phrases.map((phrase, n) => ({
    id: String(n + 1),
    key: phrase.key,
    category: phrase.key.split('.')[0]!,
    sourceScript: phrase.sourceScript,
    title: localized(phrase.title),
    text: localized(phrase.text),
    agentNotes: localized(phrase.agentNotes),
    tags: phrase.tags,
    triggers: phrase.triggers ?? [],
    channels: phrase.channels,
    variables: [],
    variantOf: phrase.variantOf,
    holiday: phrase.holiday,
    validFrom: null,
    validUntil: null,
    order: phrase.order,
    updatedAt: '2026-12-01T00:00:00.000Z',
  }))
  const categories = library.categories.map(({ slug, name, order }) => ({ slug, name, order }))
  return buildSnapshot({ revision: 1, phrases, categories, holidays: [], scenarios: [], defaultTraditional: 'zh-TW', regions: REGIONS })
}

export type SuggestAccuracy = { tuning: Accuracy; heldOut: Accuracy; all: Accuracy; triggers: number; phrasesWithTriggers: number }

/** Top-1 and top-3 of `POST /v1/suggest` (in-process) on the labelled utterances, over the standard library. */
export function benchSuggestAccuracy(): SuggestAccuracy {
  const snapshot = standardLibrary()
  const suggest = new PhraseSuggest(new PhraseSearch())
  const answers = LABELLED_UTTERANCES.map(({ utterance, locale, expected }, index) => {
    const request = readSuggestRequest({ utterance, locale, limit: 3, at: '2026-06-01' }, snapshot, TIME_ZONE)
    return { half: halfOf(index), expected, suggested: suggestPhrases(snapshot, suggest, request).items.map((item) => item.key) }
  })
  const phrases = [...snapshot.phrases.values()]
  return {
    tuning: accuracyOf(answers.filter(({ half }) => half === 'tuning')),
    heldOut: accuracyOf(answers.filter(({ half }) => half === 'held-out')),
    all: accuracyOf(answers),
    triggers: phrases.reduce((sum, phrase) => sum + phrase.triggers.length, 0),
    phrasesWithTriggers: phrases.filter((phrase) => phrase.triggers.length > 0).length,
  }
}

export type SuggestFigure = { phrases: number; triggers: number; utterances: number; buildMs: number; patchMs: number; triggerPatchMs: number; suggest: { p50: number; p99: number; max: number } }

/**
 * `POST /v1/suggest` in-process, without HTTP, over `size` synthetic phrases (the standard
 * library's texts, each with a product name), each with the triggers of the standard library's
 * phrase it copies plus one of its own (its product name and 壞了): the labelled utterances, each
 * timed once after a round of all of them, five suggestions each, resolved and highlighted.
 */
export function benchSuggest(sizes: number[]): SuggestFigure[] {
  const library = readStandardLibrary().phrases.filter((phrase) => !phrase.variantOf)
  return sizes.map((size) => {
    const phrases = Array.from({ length: size }, (_, n): PublishedPhrase => {
      const phrase = plainPhrase(n)
      const model = library[n % library.length]!
      const name = `${model.title['zh-Hant']}${n}`
      return { ...phrase, triggers: [...(model.triggers ?? []), `${name}壞了`] }
    })
    const snapshot = buildSnapshot({ revision: 1, phrases, categories: [{ slug: 'bench', name: {}, order: 0 }], holidays: [], scenarios: [], defaultTraditional: 'zh-TW', regions: REGIONS })
    const suggest = new PhraseSuggest(new PhraseSearch({ usesOf: (key) => Math.floor(1000 / (1 + (Number(key.slice(-6)) % 997))) }))
    let started = performance.now()
    suggest.triggersFor(snapshot)
    suggest.search.boostsFor(suggest.search.indexFor(snapshot))
    const buildMs = performance.now() - started
    // A publish that changes a phrase's text, then one that changes its triggers.
    const edited = { ...phrases[7]!, updatedAt: '2026-12-05T12:00:00.000Z', text: { ...phrases[7]!.text, 'zh-TW': '請您稍等，我幫您轉接專人。' } }
    const publish = (next: Snapshot) => {
      const begun = performance.now()
      suggest.triggersFor(next)
      suggest.search.boostsFor(suggest.search.indexFor(next))
      return performance.now() - begun
    }
    const textPatched = patchSnapshot(snapshot, 2, [edited], [])
    const patchMs = publish(textPatched)
    const patched = patchSnapshot(textPatched, 3, [{ ...edited, updatedAt: '2026-12-05T12:01:00.000Z', triggers: ['客戶要退貨'] }], [])
    const triggerPatchMs = publish(patched)
    const run = ({ utterance, locale }: { utterance: string; locale: string }) =>
      suggestPhrases(patched, suggest, readSuggestRequest({ utterance, locale, limit: 5 }, patched, TIME_ZONE))
    for (const labelled of LABELLED_UTTERANCES) run(labelled)
    const times = LABELLED_UTTERANCES.map((labelled) => {
      const begun = performance.now()
      run(labelled)
      return performance.now() - begun
    })
    return {
      phrases: size,
      triggers: phrases.reduce((sum, phrase) => sum + phrase.triggers.length, 0),
      utterances: times.length,
      buildMs,
      patchMs,
      triggerPatchMs,
      suggest: { p50: quantile(times, 0.5), p99: quantile(times, 0.99), max: Math.max(...times) },
    }
  })
}

export function suggestTables(accuracy: SuggestAccuracy, figures: SuggestFigure[]): string {
  const ms = (value: number) => value.toFixed(value < 10 ? 2 : 0)
  const row = (name: string, a: Accuracy) => `| ${name} | ${a.utterances} | ${a.top1}% | ${a.top3}% |`
  return [
    '| utterances | count | top-1 | top-3 |',
    '|---|---|---|---|',
    row('tuning half (triggers written looking at its failures)', accuracy.tuning),
    row('held-out half (never looked at)', accuracy.heldOut),
    row('all', accuracy.all),
    '',
    `The standard library: ${accuracy.phrasesWithTriggers} phrases with ${accuracy.triggers} triggers.`,
    '',
    '| phrases | triggers | trigger and search index build (ms) | after a publish of new text / new triggers (ms) | suggest p50 / p99 / max (ms) |',
    '|---|---|---|---|---|',
    ...figures.map((f) => `| ${f.phrases.toLocaleString('en')} | ${f.triggers.toLocaleString('en')} | ${f.buildMs.toFixed(0)} | ${f.patchMs.toFixed(0)} / ${f.triggerPatchMs.toFixed(0)} | ${ms(f.suggest.p50)} / ${ms(f.suggest.p99)} / ${ms(f.suggest.max)} |`),
  ].join('\n')
}
