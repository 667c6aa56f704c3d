import i18next from 'i18next'

import type { Script } from '../domain/locales'
import type { PublishedPhrase } from './snapshot'

/**
 * i18next's own interpolation, so agents get exactly what an i18next client would render:
 * values HTML-escaped (no markup injected into agent UIs), and a variable with no value and no
 * fallback left as `{{name}}` rather than "undefined".
 */
const i18n = i18next.createInstance()
void i18n.init({
  initAsync: false,
  resources: {},
  interpolation: { escapeValue: true },
  missingInterpolationHandler: (_text, match: RegExpExecArray) => match[0],
})

export type VariableValues = Record<string, string>

/** The declared fallbacks in one script: what to say when the agent tool gives no value. */
export function fallbacksOf(phrase: Pick<PublishedPhrase, 'variables'>, script: Script): VariableValues {
  const values: VariableValues = {}
  for (const variable of phrase.variables) {
    const fallback = script === 'zh-Hant' ? variable.fallback?.zhHant : variable.fallback?.zhHans
    if (fallback) values[variable.name] = fallback
  }
  return values
}

/** `text` with its `{{variables}}` filled from `values`, then from the declared fallbacks. */
export function renderText(text: string, values: VariableValues, fallbacks: VariableValues, lng: string): string {
  if (!text.includes('{{')) return text
  return i18n.services.interpolator.interpolate(text, { ...fallbacks, ...values }, lng, {})
}
