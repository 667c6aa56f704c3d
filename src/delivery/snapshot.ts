import { type HolidayDates, holidaysOn } from '../domain/holidays'
import { DELIVERY_LOCALES, type DeliveryLocale, isRegion, type Region, regionOf, type Script, servedLocales, type TraditionalRegion } from '../domain/locales'

/** A localized field as Payload returns it with `locale: 'all'`. */
export type Localized = Partial<Record<string, string | null>>

/** A published phrase as read from the database (the input of the snapshot). */
export type PublishedPhrase = {
  id: string
  key: string
  category: string
  sourceScript: Script
  title: Localized
  text: Localized
  agentNotes: Localized
  /** Editors' tags (not localized); search reads them. */
  tags: string[]
  /** What customers say that calls for the phrase (not localized); suggestions read them. */
  triggers: string[]
  channels: string[]
  variables: { name: string; description?: string | null; example?: string | null; fallback?: { zhHant?: string | null; zhHans?: string | null } | null }[]
  variantOf: string | null
  holiday: string | null
  validFrom: string | null
  validUntil: string | null
  order: number
  updatedAt: string
}

/** A holiday and the regions that keep it (none: every region). */
export type Holiday = { code: string; name: Localized; dates: HolidayDates[]; regions: Region[] }
export type Category = { slug: string; name: Localized; order: number }
export type Scenario = { key: string; title: Localized; steps: { phrase: string; note: Localized }[] }

export type LocaleText = { title: string; text: string; agentNotes: string | null }

/** A phrase ready to serve: its text in every delivery locale (null where it has none). */
export type DeliveredPhrase = PublishedPhrase & {
  texts: Record<DeliveryLocale, LocaleText | null>
  validFromTime: number
  validUntilTime: number
}

export type Snapshot = {
  revision: number
  phrases: Map<string, DeliveredPhrase>
  /** Base key → its published variants (holiday and channel variants). */
  variants: Map<string, DeliveredPhrase[]>
  /** The base phrases (not variants), in category and phrase order. */
  bases: DeliveredPhrase[]
  /** Every validFrom/validUntil instant, ascending: when what agents get changes with no publish. */
  boundaries: number[]
  categories: Map<string, Category>
  holidays: Holiday[]
  scenarios: Map<string, Scenario>
  /** The region `zh-Hant` stands for in this deployment (its holidays are the ones applied). */
  defaultTraditional: TraditionalRegion
  /** The locales this deployment serves (its regions, and the aliases of served regions), zh-Hant first. */
  locales: DeliveryLocale[]
}

/**
 * What each delivery locale serves: a region its stored text, exactly as a reviewer approved it
 * (nothing is converted at serve time); `zh-Hant` the deployment's default Traditional region,
 * `zh-Hans` the mainland. A region with no stored text stays empty: agents are never served
 * another region's text instead.
 */
function textsOf(phrase: PublishedPhrase, defaultTraditional: TraditionalRegion, regions: readonly Region[]): Record<DeliveryLocale, LocaleText | null> {
  const stored = (region: Region): LocaleText | null => {
    const text = regions.includes(region) ? phrase.text[region] : null
    if (!text) return null
    return { title: phrase.title[region] ?? '', text, agentNotes: phrase.agentNotes[region] ?? null }
  }
  const texts = { 'zh-TW': stored('zh-TW'), 'zh-HK': stored('zh-HK'), 'zh-CN': stored('zh-CN') }
  return { ...texts, 'zh-Hant': texts[defaultTraditional], 'zh-Hans': texts['zh-CN'] }
}

export function deliveredPhrase(phrase: PublishedPhrase, defaultTraditional: TraditionalRegion, regions: readonly Region[]): DeliveredPhrase {
  return {
    ...phrase,
    texts: textsOf(phrase, defaultTraditional, regions),
    validFromTime: phrase.validFrom ? Date.parse(phrase.validFrom) : -Infinity,
    validUntilTime: phrase.validUntil ? Date.parse(phrase.validUntil) : Infinity,
  }
}

const byOrder = (a: DeliveredPhrase, b: DeliveredPhrase) => a.order - b.order || a.key.localeCompare(b.key)

function indexVariants(phrases: Map<string, DeliveredPhrase>): Map<string, DeliveredPhrase[]> {
  const variants = new Map<string, DeliveredPhrase[]>()
  for (const phrase of phrases.values()) {
    if (!phrase.variantOf) continue
    const list = variants.get(phrase.variantOf) ?? []
    list.push(phrase)
    variants.set(phrase.variantOf, list)
  }
  for (const list of variants.values()) list.sort(byOrder)
  return variants
}

export type SnapshotInput = {
  revision: number
  phrases: PublishedPhrase[]
  categories: Category[]
  holidays: Holiday[]
  scenarios: Scenario[]
  defaultTraditional: TraditionalRegion
  /** The regions this deployment serves (PHRASEBOOK_REGIONS). */
  regions: readonly Region[]
}

function validityBoundaries(phrases: Map<string, DeliveredPhrase>): number[] {
  const times = new Set<number>()
  for (const phrase of phrases.values()) {
    if (Number.isFinite(phrase.validFromTime)) times.add(phrase.validFromTime)
    if (Number.isFinite(phrase.validUntilTime)) times.add(phrase.validUntilTime)
  }
  return [...times].sort((a, b) => a - b)
}

/** The first instant after `time` at which some phrase starts or stops being valid. */
export function nextBoundary(snapshot: Snapshot, time: number): number {
  return snapshot.boundaries.find((boundary) => boundary > time) ?? Infinity
}

function orderedBases(phrases: Map<string, DeliveredPhrase>, categories: Map<string, Category>): DeliveredPhrase[] {
  const categoryOrder = (slug: string) => categories.get(slug)?.order ?? 0
  return [...phrases.values()]
    .filter((phrase) => !phrase.variantOf)
    .sort((a, b) => categoryOrder(a.category) - categoryOrder(b.category) || a.category.localeCompare(b.category) || byOrder(a, b))
}

export function buildSnapshot({ revision, phrases, categories, holidays, scenarios, defaultTraditional, regions }: SnapshotInput): Snapshot {
  const delivered = new Map(phrases.map((phrase) => [phrase.key, deliveredPhrase(phrase, defaultTraditional, regions)]))
  const categoryMap = new Map(categories.map((category) => [category.slug, category]))
  return {
    revision,
    phrases: delivered,
    variants: indexVariants(delivered),
    bases: orderedBases(delivered, categoryMap),
    boundaries: validityBoundaries(delivered),
    categories: categoryMap,
    holidays,
    scenarios: new Map(scenarios.map((scenario) => [scenario.key, scenario])),
    defaultTraditional,
    locales: servedLocales(regions, defaultTraditional),
  }
}

/**
 * The snapshot after some phrases changed: `changed` replaces or adds, `removed` keys go.
 * Everything else is shared with the previous snapshot (an incremental rebuild).
 */
export function patchSnapshot(
  previous: Snapshot,
  revision: number,
  changed: PublishedPhrase[],
  removed: string[],
): Snapshot {
  const phrases = new Map(previous.phrases)
  for (const key of removed) phrases.delete(key)
  for (const phrase of changed) phrases.set(phrase.key, deliveredPhrase(phrase, previous.defaultTraditional, previous.locales.filter(isRegion)))
  return {
    ...previous,
    revision,
    phrases,
    variants: indexVariants(phrases),
    bases: orderedBases(phrases, previous.categories),
    boundaries: validityBoundaries(phrases),
  }
}

export const isDeliveryLocale = (value: unknown): value is DeliveryLocale =>
  typeof value === 'string' && (DELIVERY_LOCALES as readonly string[]).includes(value)

/** Whether this deployment serves a locale (a region of PHRASEBOOK_REGIONS, or an alias of one). */
export const servesLocale = (snapshot: Snapshot, value: unknown): value is DeliveryLocale => (snapshot.locales as readonly unknown[]).includes(value)

/** Valid at some instant from `time` to `until` (exclusive); validFrom inclusive, validUntil exclusive. */
export const validDuring = (phrase: DeliveredPhrase, time: number, until: number) => phrase.validFromTime < until && time < phrase.validUntilTime

/** Valid at this instant. */
export const validAt = (phrase: DeliveredPhrase, time: number) => validDuring(phrase, time, time + 1)

export type Resolution = { phrase: DeliveredPhrase; variant: string }

/**
 * Which phrase an agent of a locale's region gets for `key` on `day`, valid at some time from
 * `time` to `until` (an instant, or the whole day asked for): the variant of the holiday the
 * region keeps that day (the shortest holiday period first, so 中秋 wins over a 國慶 week), else
 * the phrase itself, else a channel variant for the agent's channel. A variant key asked for
 * directly is served as it is.
 */
export function resolvePhrase(
  snapshot: Snapshot,
  key: string,
  { locale, day, time, until = time + 1, channel }: { locale: DeliveryLocale; day: string; time: number; until?: number; channel?: string },
): Resolution | null {
  const usable = (phrase: DeliveredPhrase | undefined): phrase is DeliveredPhrase =>
    Boolean(phrase) && validDuring(phrase!, time, until) && (!channel || phrase!.channels.includes(channel))
  const asked = snapshot.phrases.get(key)
  if (asked?.variantOf) return usable(asked) ? { phrase: asked, variant: asked.holiday ?? 'default' } : null
  const variants = snapshot.variants.get(key) ?? []
  for (const code of holidaysOn(day, snapshot.holidays, regionOf(locale, snapshot.defaultTraditional))) {
    const holidayVariant = variants.find((v) => v.holiday === code && usable(v))
    if (holidayVariant) return { phrase: holidayVariant, variant: code }
  }
  if (usable(asked)) return { phrase: asked, variant: 'default' }
  const channelVariant = variants.find((v) => !v.holiday && usable(v))
  return channelVariant ? { phrase: channelVariant, variant: 'default' } : null
}
