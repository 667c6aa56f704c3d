import type { Payload, PayloadRequest } from 'payload'

import { builtFromCollection } from '../fingerprintCache'
import { CALL_CENTRE_OVERRIDES } from './callCentreOverrides'
import { type GlossaryRule, PhraseConverter } from './converter'
import { glossaryRuleFrom, type StoredGlossaryEntry } from './glossaryRules'

/**
 * The converter with the built-in call-centre overrides and the glossary as the database has it.
 * Every server process rebuilds it on its first use after a glossary change (the change feed).
 */
export const currentConverter: (payload: Payload) => Promise<PhraseConverter> = builtFromCollection('glossary', (payload) => loadConverter(payload))

/**
 * A converter from the glossary as `req` sees it (inside its transaction), not cached; `builtIn`
 * replaces the built-in overrides (a migration converts as the release it upgrades from did).
 */
export async function loadConverter(payload: Payload, req?: PayloadRequest, builtIn: readonly GlossaryRule[] = CALL_CENTRE_OVERRIDES): Promise<PhraseConverter> {
  const { docs } = await payload.find({ collection: 'glossary', pagination: false, depth: 0, overrideAccess: true, req })
  const rules = docs.map((doc) => glossaryRuleFrom(doc as StoredGlossaryEntry)).filter((r) => r !== null)
  // The glossary comes after the built-in list so an admin's entry for the same term wins.
  return new PhraseConverter([...builtIn, ...rules])
}
