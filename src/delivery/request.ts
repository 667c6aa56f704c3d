import { scriptOf } from '../conversion/targets'
import { dayStart, localDay, nextDay } from '../domain/holidays'
import { isIsoDay, isoInstant } from '../domain/isoTime'
import { CHANNELS, type DeliveryLocale } from '../domain/locales'
import { VARIABLE_NAME_PATTERN } from '../domain/phraseKey'
import type { MessageKey } from './messages'
import { fallbacksOf, renderText, type VariableValues } from './render'
import { type DeliveredPhrase, type Resolution, resolvePhrase, servesLocale, type Snapshot } from './snapshot'

/**
 * What every delivery read shares, with no HTTP in it: the checked query and a phrase's body as
 * agents receive it. The `/v1` routes and the admin's preview of a phrase both use it.
 */

/** A refusal of the request, in the language the agent tool asked for. */
export class DeliveryError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: MessageKey,
    readonly values: Record<string, unknown> = {},
    /** More for the client's code, next to `code` and `message` (e.g. the revision to resync to). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(code)
  }
}

const MAX_SEARCH_CHARACTERS = 100
const MAX_VARIABLE_VALUE_CHARACTERS = 200

/** `time` to `until` (exclusive) is when the answer is about: an instant (one millisecond) or a whole day. */
export type DeliveryQuery = { locale: DeliveryLocale; channel?: string; day: string; time: number; until: number; category?: string; q?: string; vars: VariableValues; dayGiven: boolean }

/** A query parameter's value (the last, when it is given more than once). */
export const one = (value: unknown): string | undefined => (Array.isArray(value) ? String(value.at(-1)) : value === undefined ? undefined : String(value))

/** The query parameters every read shares, checked: a typo in an agent tool is a 400, not an empty answer. */
export function readQuery(query: Record<string, unknown>, snapshot: Snapshot, timeZone: string): DeliveryQuery {
  // zh-Hant unless this deployment serves no Traditional region.
  const locale = one(query.locale) ?? snapshot.locales[0]!
  if (!servesLocale(snapshot, locale)) throw new DeliveryError(400, 'unknown_locale', 'unknown_locale', { value: locale, allowed: snapshot.locales.join(', ') })
  const channel = one(query.channel)
  if (channel !== undefined && !(CHANNELS as readonly string[]).includes(channel)) {
    throw new DeliveryError(400, 'unknown_channel', 'unknown_channel', { value: channel, allowed: CHANNELS.join(', ') })
  }
  const category = one(query.category)
  if (category !== undefined && !snapshot.categories.has(category)) {
    throw new DeliveryError(400, 'unknown_category', 'unknown_category', { value: category, allowed: [...snapshot.categories.keys()].join(', ') })
  }
  const q = one(query.q)
  if (q !== undefined && q.length > MAX_SEARCH_CHARACTERS) throw new DeliveryError(400, 'invalid_query', 'invalid_q', { max: MAX_SEARCH_CHARACTERS })
  const at = one(query.at)
  let day: string
  let time: number
  let until: number | undefined
  if (at === undefined) {
    time = Date.now()
    day = localDay(new Date(time), timeZone)
  } else if (isIsoDay(at)) {
    // A day without a time: the whole of that day where the agents are, so a phrase valid for
    // part of it (even one served right now) is found.
    day = at
    time = dayStart(at, timeZone)
    until = dayStart(nextDay(at), timeZone)
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(at) && isoInstant(at)) {
    time = Date.parse(isoInstant(at)!)
    day = localDay(new Date(time), timeZone)
  } else {
    throw new DeliveryError(400, 'invalid_at', 'invalid_at', { value: at })
  }
  const vars: VariableValues = {}
  for (const [name, value] of Object.entries(query)) {
    const match = /^vars\[(.*)\]$/.exec(name)
    if (!match) continue
    if (!VARIABLE_NAME_PATTERN.test(match[1]!) || typeof value !== 'string' || value.length > MAX_VARIABLE_VALUE_CHARACTERS) {
      throw new DeliveryError(400, 'invalid_query', 'invalid_vars', { name: match[1], max: MAX_VARIABLE_VALUE_CHARACTERS })
    }
    vars[match[1]!] = value
  }
  return { locale, channel, day, time, until: until ?? time + 1, category, q, vars, dayGiven: at !== undefined }
}

/**
 * What `/v1/phrases` lists, in order: each base phrase once, as an agent of the query's locale is
 * served it (the variant in effect, on the channel), of the category and containing `q` if given.
 */
export function* listedPhrases(snapshot: Snapshot, query: DeliveryQuery): Generator<Resolution & { key: string }> {
  const needle = query.q?.toLowerCase()
  for (const base of snapshot.bases) {
    if (query.category && base.category !== query.category) continue
    const resolved = resolvePhrase(snapshot, base.key, query)
    const texts = resolved?.phrase.texts[query.locale]
    if (!resolved || !texts) continue
    if (needle && !texts.title.toLowerCase().includes(needle) && !texts.text.toLowerCase().includes(needle)) continue
    yield { key: base.key, ...resolved }
  }
}

/** A phrase as agents receive it, in one locale, its variables rendered. */
export function phraseBody(snapshot: Snapshot, phrase: DeliveredPhrase, variant: string, query: DeliveryQuery, requestedKey: string) {
  const texts = phrase.texts[query.locale]
  if (!texts) throw new DeliveryError(404, 'not_translated', 'not_translated', { key: requestedKey, locale: query.locale })
  const script = scriptOf(query.locale)
  const fallbacks = fallbacksOf(phrase, script)
  return {
    key: requestedKey,
    category: phrase.category,
    locale: query.locale,
    title: texts.title,
    text: renderText(texts.text, query.vars, fallbacks, query.locale),
    template: texts.text,
    agentNotes: texts.agentNotes,
    variant,
    variantKey: phrase.key,
    channels: phrase.channels,
    variables: phrase.variables.map((v) => ({ name: v.name, description: v.description ?? null, example: v.example ?? null, fallback: fallbacks[v.name] ?? null })),
    version: phrase.updatedAt,
    revision: snapshot.revision,
    updatedAt: phrase.updatedAt,
  }
}
