import { rankedHits, type SearchIndex } from '../search/searchIndex'
import { foldForSearch, highlightsIn, termsOf } from '../search/terms'
import { carries, type HeardTrigger, TriggerIndex } from '../search/triggers'
import { DeliveryError, type DeliveryQuery, phraseBody, readQuery } from './request'
import type { PhraseSearch } from './search'
import { type DeliveredPhrase, resolvePhrase, type Snapshot } from './snapshot'
import type { DeliveryStore } from './store'

/** How many suggestions an answer holds (5 unless `limit` says otherwise, at most 20). */
export const SUGGEST_LIMIT = { default: 5, max: 20 } as const
/** A customer's utterance is at most this long (a few sentences of a call's transcript). */
export const MAX_UTTERANCE_CHARACTERS = 500

/** Triggers beyond a phrase's best count this much each: a second trigger heard confirms, it does not double. */
const FURTHER_TRIGGER_SHARE = 0.25
/**
 * How much what the phrase itself says (title, text, tags, notes) counts next to its triggers:
 * its search relevance, as a share of the best relevance (or of this much, if the best is less:
 * a sentence that shares only 您的 with every phrase is not relevant to any).
 */
const TEXT_WEIGHT = 0.5
const TEXT_FLOOR = 1
/** A step of the scenario the agent is in is this much more likely. */
const SCENARIO_BOOST = 1.5
/** Below this a phrase is not a suggestion (a common word shared by chance). */
const MINIMUM_SCORE = 0.1
/** How many search hits are read to combine with the triggers. */
const TEXT_CANDIDATES = 50

/** What a trigger heard adds to its phrases: the share heard, squared (half a trigger is a guess), times how much it says. */
const strength = ({ coverage, weight }: HeardTrigger) => coverage * coverage * weight

export type SuggestRequest = DeliveryQuery & { utterance: string; scenario?: string; limit: number }

/** Why a phrase is suggested: a trigger heard in the utterance, words it shares with the phrase, the scenario. */
export type SuggestReason =
  | { kind: 'trigger'; trigger: string; by: 'words' | 'sound'; coverage: number }
  | { kind: 'text'; words: string[] }
  | { kind: 'scenario'; scenario: string }

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The body of `POST /v1/suggest`: `utterance` (what the customer just said), `limit`, `scenario`,
 * and what every read takes (`locale`, `channel`, `at`, `category`, `vars`), checked as the
 * query string of a read is.
 */
export function readSuggestRequest(body: unknown, snapshot: Snapshot, timeZone: string): SuggestRequest {
  if (!isRecord(body)) throw new DeliveryError(400, 'invalid_body', 'suggest_body')
  const { utterance, limit = SUGGEST_LIMIT.default, scenario, vars = {}, locale, channel, at, category } = body
  if (typeof utterance !== 'string' || !utterance.trim()) throw new DeliveryError(400, 'invalid_body', 'suggest_body')
  if (utterance.length > MAX_UTTERANCE_CHARACTERS) throw new DeliveryError(400, 'invalid_body', 'suggest_utterance_length', { max: MAX_UTTERANCE_CHARACTERS, length: utterance.length })
  if (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > SUGGEST_LIMIT.max) throw new DeliveryError(400, 'invalid_body', 'suggest_limit', { max: SUGGEST_LIMIT.max })
  if (scenario !== undefined && (typeof scenario !== 'string' || !snapshot.scenarios.has(scenario))) {
    throw new DeliveryError(400, 'invalid_body', 'suggest_scenario', { value: String(scenario), allowed: [...snapshot.scenarios.keys()].join(', ') })
  }
  const given = { locale, channel, at, category }
  for (const [name, value] of Object.entries(given)) {
    if (value !== undefined && typeof value !== 'string') throw new DeliveryError(400, 'invalid_body', 'suggest_field_type', { name })
  }
  if (!isRecord(vars)) throw new DeliveryError(400, 'invalid_body', 'suggest_field_type', { name: 'vars' })
  const query = Object.fromEntries([...Object.entries(given).filter(([, value]) => value !== undefined), ...Object.entries(vars).map(([name, value]) => [`vars[${name}]`, value])])
  return { ...readQuery(query, snapshot, timeZone), utterance, scenario: scenario as string | undefined, limit: limit as number }
}

/** A trigger index over the phrases of a search index (in its order), with one request's scratch space. */
type Built = {
  index: SearchIndex<DeliveredPhrase>
  triggers: TriggerIndex
  // Per phrase, reused from request to request (at 100,000 phrases, new arrays per request cost
  // more than the scoring): the best trigger's value, the sum of all, the text relevance.
  best: Float64Array
  sum: Float64Array
  text: Float64Array
  touched: Int32Array
}

/** The trigger index of the snapshot agents are served, built next to (and in the order of) its search index. */
export class PhraseSuggest {
  private built?: Built

  constructor(readonly search: PhraseSearch) {}

  triggersFor(snapshot: Snapshot): Built {
    const index = this.search.indexFor(snapshot)
    if (this.built?.index !== index) {
      const n = index.all.length
      this.built = {
        index,
        triggers: TriggerIndex.build(index.all.map((phrase) => phrase.triggers), this.built?.triggers),
        best: new Float64Array(n),
        sum: new Float64Array(n),
        text: new Float64Array(n),
        touched: new Int32Array(n),
      }
    }
    return this.built
  }

  /** Builds each snapshot's search and trigger indexes as soon as the store has it. */
  follow(store: DeliveryStore): () => void {
    const build = () => void setImmediate(() => this.triggersFor(store.snapshot)).unref()
    build()
    return store.onAdvance(build)
  }
}

/**
 * The published phrases that fit what the customer just said, best first: the phrases whose
 * triggers the utterance contains (by words or by sound), combined with how well the phrase's own
 * words match it (search relevance), more for a step of the agent's scenario, then ordered by use.
 * Each is served as agents of the locale get it that day on that channel, with its score and why.
 */
export function suggestPhrases(snapshot: Snapshot, suggest: PhraseSuggest, request: SuggestRequest) {
  const { index, triggers, best, sum, text, touched } = suggest.triggersFor(snapshot)
  const boosts = suggest.search.boostsFor(index)
  let count = 0
  const touch = (position: number) => {
    if (best[position] === 0 && sum[position] === 0 && text[position] === 0) touched[count++] = position
  }
  const heard = triggers.heardIn(request.utterance)
  const steps = request.scenario ? new Set(snapshot.scenarios.get(request.scenario)!.steps.map((step) => step.phrase)) : undefined
  const baseKey = (phrase: DeliveredPhrase) => phrase.variantOf ?? phrase.key
  let candidates: Int32Array
  let candidateScores: Float64Array
  try {
    for (const trigger of heard) {
      const value = strength(trigger)
      for (const position of trigger.documents) {
        touch(position)
        sum[position]! += value
        if (value > best[position]!) best[position] = value
      }
    }
    let bestText = TEXT_FLOOR
    let read = 0
    for (const { position, score } of index.search(request.utterance, undefined, { minimumShare: 0 }).hits) {
      touch(position)
      text[position] = score
      bestText = Math.max(bestText, score)
      if (++read >= TEXT_CANDIDATES) break
    }
    candidates = touched.slice(0, count)
    candidateScores = Float64Array.from(candidates, (position) => {
      const fromTriggers = best[position]! + FURTHER_TRIGGER_SHARE * (sum[position]! - best[position]!)
      const inScenario = steps?.has(baseKey(index.all[position]!)) ? SCENARIO_BOOST : 1
      return (fromTriggers + (TEXT_WEIGHT * text[position]!) / bestText) * inScenario * (boosts ? boosts[position]! : 1)
    })
  } finally {
    // Left clean for the next request, whatever happened.
    for (let i = 0; i < count; i++) best[touched[i]!] = sum[touched[i]!] = text[touched[i]!] = 0
  }

  const terms = [...new Set(termsOf(foldForSearch(request.utterance)))]
  const items = []
  const found = new Set<string>()
  for (const { document: phrase, position, score } of rankedHits(index.all, candidates, candidateScores)) {
    if (items.length >= request.limit || score < MINIMUM_SCORE) break
    if (request.category && phrase.category !== request.category) continue
    const key = baseKey(phrase)
    // A variant of an unpublished phrase is not served either.
    if (found.has(key) || !snapshot.phrases.has(key)) continue
    // Suggested as agents of the locale are served it today: the variant in effect.
    const resolved = resolvePhrase(snapshot, key, request)
    if (!resolved?.phrase.texts[request.locale]) continue
    found.add(key)
    const body = phraseBody(snapshot, resolved.phrase, resolved.variant, request, key)
    const highlights = { title: highlightsIn(body.title, terms), text: highlightsIn(body.text, terms) }
    const words = [...new Set([...highlights.title.map(([from, to]) => body.title.slice(from, to)), ...highlights.text.map(([from, to]) => body.text.slice(from, to))])]
    const reasons: SuggestReason[] = [
      ...heard
        .filter((trigger) => carries(trigger, position))
        .sort((a, b) => strength(b) - strength(a))
        .map(({ trigger, by, coverage }) => ({ kind: 'trigger' as const, trigger, by, coverage: Math.round(coverage * 100) / 100 })),
      ...(words.length ? [{ kind: 'text' as const, words }] : []),
      ...(steps?.has(key) ? [{ kind: 'scenario' as const, scenario: request.scenario! }] : []),
    ]
    items.push({ ...body, score: Math.round(score * 1000) / 1000, reasons, highlights })
  }
  return { revision: snapshot.revision, locale: request.locale, day: request.day, utterance: request.utterance, items }
}
