import { message, messageLanguage } from '../delivery/messages'

/** What still points at a phrase: the scenarios that use it and its holiday variants (keys). */
export type PhraseUses = { scenarios: string[]; variants: string[] }

export type InUseRefusal = PhraseUses & { code: 'in_use'; message: string }

/**
 * Why a phrase may not be deleted, in the caller's language (`Accept-Language`), or null when
 * nothing uses it. Deleting it would break a scenario's step, or leave a variant served by key
 * but missing from lists and bundles; a call centre takes it out of those first, or retires it.
 */
export function inUseRefusal(key: string, uses: PhraseUses, acceptLanguage: string | undefined | null): InUseRefusal | null {
  if (uses.scenarios.length === 0 && uses.variants.length === 0) return null
  const language = messageLanguage(acceptLanguage ?? undefined)
  const parts = [
    ...(uses.scenarios.length ? [message('in_use_scenarios', language, { keys: uses.scenarios.join(', ') })] : []),
    ...(uses.variants.length ? [message('in_use_variants', language, { keys: uses.variants.join(', ') })] : []),
  ]
  return { code: 'in_use', message: message('in_use', language, { key, uses: parts.join(message('in_use_separator', language)) }), ...uses }
}
