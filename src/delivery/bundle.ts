import type { DeliveryLocale } from '../domain/locales'
import { type Snapshot, validAt } from './snapshot'

/**
 * An i18next JSON v4 resource bundle for one category: key = the phrase key without its
 * category, holiday variants as context keys (`standard_spring_festival`, so
 * `t('standard', {context: 'spring_festival'})` finds them), variables left as `{{name}}` for
 * the client's own interpolation. A phrase with no text in `lng` is left out, never filled
 * from the other script.
 */
export function i18nBundle(snapshot: Snapshot, lng: DeliveryLocale, ns: string, time: number): Record<string, string> {
  const bundle: Record<string, string> = {}
  const prefix = `${ns}.`
  for (const phrase of snapshot.bases) {
    if (phrase.category !== ns || !phrase.key.startsWith(prefix)) continue
    const name = phrase.key.slice(prefix.length)
    const own = phrase.texts[lng]
    if (own && validAt(phrase, time)) bundle[name] = own.text
    for (const variant of snapshot.variants.get(phrase.key) ?? []) {
      const text = variant.texts[lng]
      if (variant.holiday && text && validAt(variant, time)) bundle[`${name}_${variant.holiday}`] = text.text
    }
  }
  return bundle
}
