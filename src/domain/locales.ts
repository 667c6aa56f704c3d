/** Locales stored on documents: the two scripts people write, the regions agents receive, optional English notes. */
export const CONTENT_LOCALES = ['zh-Hant', 'zh-Hans', 'zh-TW', 'zh-HK', 'zh-CN', 'en'] as const
export type ContentLocale = (typeof CONTENT_LOCALES)[number]

/** The two scripts every phrase must have. */
export const SCRIPTS = ['zh-Hant', 'zh-Hans'] as const
export type Script = (typeof SCRIPTS)[number]

export const SCRIPT_LABELS: Record<Script, string> = {
  'zh-Hant': '繁體中文 (zh-Hant)',
  'zh-Hans': '简体中文 (zh-Hans)',
}

/** Locales agent tools can ask for: the two scripts and three regional forms. */
export const DELIVERY_LOCALES = ['zh-Hant', 'zh-Hans', 'zh-TW', 'zh-HK', 'zh-CN'] as const
export type DeliveryLocale = (typeof DELIVERY_LOCALES)[number]

/** The regions agents speak for: Taiwan, Hong Kong, the mainland (see docs/contract.md, Regions). */
export const REGIONS = ['zh-TW', 'zh-HK', 'zh-CN'] as const
export type Region = (typeof REGIONS)[number]

export const REGION_LABELS: Record<Region, Record<'zh-TW' | 'zh' | 'en', string>> = {
  'zh-TW': { 'zh-TW': '台灣', zh: '台湾', en: 'Taiwan' },
  'zh-HK': { 'zh-TW': '香港', zh: '香港', en: 'Hong Kong' },
  'zh-CN': { 'zh-TW': '中國大陸', zh: '中国大陆', en: 'Mainland China' },
}

/** The regions that write Traditional characters: the ones `zh-Hant` can stand for. */
export const TRADITIONAL_REGIONS = ['zh-TW', 'zh-HK'] as const
export type TraditionalRegion = (typeof TRADITIONAL_REGIONS)[number]
export const isTraditionalRegion = (value: unknown): value is TraditionalRegion => (TRADITIONAL_REGIONS as readonly unknown[]).includes(value)

/**
 * The region a delivery locale speaks for: a regional locale its own; `zh-Hant` the deployment's
 * default Traditional region (PHRASEBOOK_DEFAULT_TRADITIONAL, Taiwan unless set), `zh-Hans` the
 * mainland, as `/v1` treats them as aliases.
 */
export function regionOf(locale: DeliveryLocale, defaultTraditional: TraditionalRegion): Region {
  if (locale === 'zh-Hant') return defaultTraditional
  if (locale === 'zh-Hans') return 'zh-CN'
  return locale
}

/** The localized texts of a phrase: converted between scripts, diffed, and checked for forbidden terms. */
export const PHRASE_TEXT_FIELDS = ['title', 'text', 'agentNotes'] as const

export const CHANNELS = ['phone', 'chat', 'email', 'sms'] as const
export type Channel = (typeof CHANNELS)[number]

export const CHANNEL_LABELS: Record<Channel, Record<'zh-TW' | 'zh' | 'en', string>> = {
  phone: { 'zh-TW': '電話', zh: '电话', en: 'Phone' },
  chat: { 'zh-TW': '線上文字', zh: '在线文字', en: 'Chat' },
  email: { 'zh-TW': '電子郵件', zh: '电子邮件', en: 'Email' },
  sms: { 'zh-TW': '簡訊', zh: '短信', en: 'SMS' },
}

/** Whether a value (a request's locale, a body field) names one of the two scripts. */
export const isScript = (value: unknown): value is Script => (SCRIPTS as readonly unknown[]).includes(value)

/** The script a phrase is converted into from the given one. */
export function otherScript(script: Script): Script {
  return script === 'zh-Hant' ? 'zh-Hans' : 'zh-Hant'
}

/** The locales `/v1` serves for the deployment's regions: each region, and each alias whose region is served. */
export function servedLocales(regions: readonly Region[], defaultTraditional: TraditionalRegion): DeliveryLocale[] {
  return DELIVERY_LOCALES.filter((locale) => regions.includes(regionOf(locale, defaultTraditional)))
}

/** Whether a value (a request's locale) names a region. */
export const isRegion = (value: unknown): value is Region => (REGIONS as readonly unknown[]).includes(value)

/**
 * Where a phrase's texts are stored: the two scripts people write in, and one text per region,
 * which is exactly what agents of that region receive (proposed from the scripts, settled by people).
 */
export const PHRASE_LOCALES = [...SCRIPTS, ...REGIONS] as const
export type PhraseLocale = (typeof PHRASE_LOCALES)[number]
export const isPhraseLocale = (value: unknown): value is PhraseLocale => (PHRASE_LOCALES as readonly unknown[]).includes(value)
