import type { Payload, PayloadRequest } from 'payload'

import { CALL_CENTRE_OVERRIDES } from './callCentreOverrides'
import { PhraseConverter } from './converter'
import { glossaryRuleFrom, type StoredGlossaryEntry } from './glossaryRules'

/** How long a process trusts its converter before asking the database whether the glossary changed. */
export const GLOSSARY_CHECK_INTERVAL_MS = 1000

type Cached = { converter: PhraseConverter; fingerprint: string; checkedAt: number }
const cache = new WeakMap<Payload, Cached>()

/** Count and latest change of the glossary: any edit, addition or deletion changes it. */
async function glossaryFingerprint(payload: Payload): Promise<string> {
  const latest = await payload.find({ collection: 'glossary', sort: '-updatedAt', limit: 1, depth: 0, overrideAccess: true })
  return `${latest.totalDocs}@${latest.docs[0]?.updatedAt ?? ''}`
}

/**
 * The converter with the built-in call-centre overrides and the glossary as the database has it.
 * Every server process rebuilds it within a second of a glossary change (no shared memory needed).
 */
export async function currentConverter(payload: Payload): Promise<PhraseConverter> {
  const cached = cache.get(payload)
  const now = Date.now()
  if (cached && now - cached.checkedAt < GLOSSARY_CHECK_INTERVAL_MS) return cached.converter
  const fingerprint = await glossaryFingerprint(payload)
  if (cached && cached.fingerprint === fingerprint) {
    cached.checkedAt = now
    return cached.converter
  }
  const converter = await loadConverter(payload)
  cache.set(payload, { converter, fingerprint, checkedAt: now })
  return converter
}

/** A converter from the glossary as `req` sees it (inside its transaction), not cached. */
export async function loadConverter(payload: Payload, req?: PayloadRequest): Promise<PhraseConverter> {
  const { docs } = await payload.find({ collection: 'glossary', pagination: false, depth: 0, overrideAccess: true, req })
  const rules = docs.map((doc) => glossaryRuleFrom(doc as StoredGlossaryEntry)).filter((r) => r !== null)
  // The glossary comes after the built-in list so an admin's entry for the same term wins.
  return new PhraseConverter([...CALL_CENTRE_OVERRIDES, ...rules])
}
