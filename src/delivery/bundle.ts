import { scriptOf } from '../conversion/targets'
import { observedIn } from '../domain/holidays'
import { type DeliveryLocale, regionOf } from '../domain/locales'
import { fallbacksOf } from './render'
import { type DeliveredPhrase, type Snapshot, validAt } from './snapshot'

/**
 * Adds `name` to the bundle: its text, each `{{variable}}` with a declared fallback made a nesting
 * a stock i18next client resolves to the caller's value, or to the fallback when none is given:
 * `$t(ns:name__var, {"context": "{{var}}"})`. Given a value, the context key is missing and the
 * helper `name__var` renders the context (the value, escaped once by the outer interpolation);
 * given none, i18next leaves `{{var}}` as it is and the context key `name__var_{{var}}` holds the
 * fallback. Values holding `\` or `, {` cannot pass through i18next's nesting options (`/v1/phrases`
 * renders them as given).
 */
function addEntry(bundle: Record<string, string>, ns: string, name: string, phrase: DeliveredPhrase, lng: DeliveryLocale, text: string): void {
  const fallbacks = fallbacksOf(phrase, scriptOf(lng))
  bundle[name] = text.replace(/\{\{\s*([a-z0-9_]+)\s*\}\}/g, (variable, variableName: string) => {
    const fallback = fallbacks[variableName]
    if (fallback === undefined) return variable
    const helper = `${name}__${variableName}`
    bundle[helper] = '{{- context}}'
    bundle[`${helper}_{{${variableName}}}`] = fallback
    return `$t(${ns}:${helper}, {"context": "{{${variableName}}}"})`
  })
}

/**
 * An i18next JSON v4 resource bundle for one category: key = the phrase key without its
 * category, holiday variants of the holidays lng's region keeps as context keys (`standard_spring_festival`, so
 * `t('standard', {context: 'spring_festival'})` finds them), variables left as `{{name}}` for
 * the client's own interpolation, declared fallbacks included (see `addEntry`). A phrase with
 * no text in `lng` is left out, never filled from the other script.
 */
export function i18nBundle(snapshot: Snapshot, lng: DeliveryLocale, ns: string, time: number): Record<string, string> {
  const bundle: Record<string, string> = {}
  const prefix = `${ns}.`
  // Only the holidays lng's region keeps: a Taiwan bundle has no variant for the mainland's National Day.
  const region = regionOf(lng, snapshot.defaultTraditional)
  const keptHere = new Set(snapshot.holidays.filter((holiday) => observedIn(holiday, region)).map((holiday) => holiday.code))
  for (const phrase of snapshot.bases) {
    if (phrase.category !== ns || !phrase.key.startsWith(prefix)) continue
    const name = phrase.key.slice(prefix.length)
    const own = phrase.texts[lng]
    if (own && validAt(phrase, time)) addEntry(bundle, ns, name, phrase, lng, own.text)
    for (const variant of snapshot.variants.get(phrase.key) ?? []) {
      const text = variant.texts[lng]
      if (variant.holiday && text && validAt(variant, time) && keptHere.has(variant.holiday)) addEntry(bundle, ns, `${name}_${variant.holiday}`, variant, lng, text.text)
    }
  }
  return bundle
}
