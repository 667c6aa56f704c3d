import { SearchIndex, type SearchField } from '../search/searchIndex'
import { highlightsIn } from '../search/terms'
import { type Page, pageOf, readPage } from './paging'
import { DeliveryError, type DeliveryQuery, phraseBody, readQuery } from './request'
import { type DeliveredPhrase, resolvePhrase, type Snapshot } from './snapshot'

/** How many results a page of `GET /v1/search` holds (10 unless `limit` says otherwise, at most 50), and how deep it pages. */
export const SEARCH_PAGE = { default: 10, max: 50, maxOffset: 1000 } as const

/**
 * What search reads of a phrase, and how much a match counts there: the title most, then the
 * editors' tags, the text, and the agent notes least. Every served region's wording is read, so
 * 視頻 finds a phrase whose Taiwan text says 影片 when its mainland text says 视频.
 */
function fieldsOf(phrase: DeliveredPhrase): SearchField[] {
  const texts = Object.values(phrase.texts)
  return [
    { weight: 3, texts: texts.map((text) => text?.title) },
    { weight: 2, texts: phrase.tags },
    { weight: 1, texts: texts.map((text) => text?.text) },
    { weight: 0.5, texts: texts.map((text) => text?.agentNotes) },
  ]
}

/** A published phrase's content changes only with a save, which moves its `updatedAt`. */
const versionOf = (phrase: DeliveredPhrase) => `${phrase.key}@${phrase.updatedAt}`

/** How often agents used each phrase lately, by its base key. */
export type UsageTally = { usesOf(key: string): number }

/** A phrase used 9 times ranks 1.1× its relevance, 99 times 1.2×, 999 times 1.3×: usage orders near-equals. */
const USAGE_WEIGHT = 0.1
const usageBoost = (uses: number) => 1 + USAGE_WEIGHT * Math.log10(1 + uses)

/**
 * The search index of the snapshot agents are served: built once per snapshot, from the terms the
 * last index already read of every phrase the two snapshots share (a publish re-reads one phrase).
 * Ranked by relevance, then usage: each phrase's score is multiplied by its usage boost, worked
 * out once per index, so the order, and a cursor's place in it, holds for a revision.
 */
export class PhraseSearch {
  private built?: { snapshot: Snapshot; index: SearchIndex<DeliveredPhrase> }
  private boosts?: { index: SearchIndex<DeliveredPhrase>; values: Float32Array }

  constructor(private readonly usage?: UsageTally) {}

  indexFor(snapshot: Snapshot): SearchIndex<DeliveredPhrase> {
    if (this.built?.snapshot !== snapshot) this.built = { snapshot, index: SearchIndex.build([...snapshot.phrases.values()], { fieldsOf, versionOf }, this.built?.index) }
    return this.built.index
  }

  /** Each phrase's usage boost, in the index's order, as the uses stood when it was first asked for. */
  boostsFor(index: SearchIndex<DeliveredPhrase>): Float32Array | undefined {
    const usage = this.usage
    if (!usage) return undefined
    if (this.boosts?.index !== index) this.boosts = { index, values: Float32Array.from(index.all, (phrase) => usageBoost(usage.usesOf(phrase.variantOf ?? phrase.key))) }
    return this.boosts.values
  }
}

export type SearchQuery = DeliveryQuery & { q: string; page: Page }

/** The query of `GET /v1/search`: what every read takes, plus `q` (required), `limit` and `cursor`. */
export function readSearchQuery(query: Record<string, unknown>, snapshot: Snapshot, timeZone: string): SearchQuery {
  const read = readQuery(query, snapshot, timeZone)
  if (!read.q?.trim()) throw new DeliveryError(400, 'invalid_query', 'search_q')
  return { ...read, q: read.q, page: readPage(query, SEARCH_PAGE) }
}

/**
 * One page of search results: the published phrases agents of the locale would be served (the
 * variant in effect, on the channel, that day) that match `q`, best first, each with its score and
 * where the query's words are in its title and text. A phrase is found by what it says in any
 * script or region; a variant not in effect is not a result (its base is, if it matches).
 */
export function searchPhrases(snapshot: Snapshot, index: SearchIndex<DeliveredPhrase>, query: SearchQuery, boosts?: Float32Array) {
  const { terms, hits } = index.search(query.q, boosts)
  function* served() {
    const found = new Set<string>()
    for (const { document: phrase, score } of hits) {
      if (query.category && phrase.category !== query.category) continue
      const key = phrase.variantOf ?? phrase.key
      // A variant of an unpublished phrase is not in the list of phrases either.
      if (found.has(key) || !snapshot.phrases.has(key)) continue
      const resolved = resolvePhrase(snapshot, key, query)
      if (resolved?.phrase !== phrase || !phrase.texts[query.locale]) continue
      found.add(key)
      yield { phrase, key, variant: resolved.variant, score }
    }
  }
  const { items, nextCursor } = pageOf(served(), query.page, snapshot.revision)
  return {
    revision: snapshot.revision,
    locale: query.locale,
    day: query.day,
    q: query.q,
    items: items.map(({ phrase, key, variant, score }) => {
      const body = phraseBody(snapshot, phrase, variant, query, key)
      return { ...body, score: Math.round(score * 1000) / 1000, highlights: { title: highlightsIn(body.title, terms), text: highlightsIn(body.text, terms) } }
    }),
    nextCursor,
  }
}
