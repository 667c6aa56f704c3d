import type { Payload, PayloadRequest } from 'payload'

import { OVERRIDES_BEFORE_REGIONAL_TEXTS } from '../src/conversion/callCentreOverrides'
import { loadConverter } from '../src/conversion/currentConverter'
import { proposedRegion, type ScriptTexts } from '../src/conversion/regionalProposals'
import { REGIONS, type Region, type Script } from '../src/domain/locales'

/** A stored script of a phrase or version, as read from its `_locales` table. */
export type ScriptRow = { parent: number | string; sourceScript: string | null; locale: string; title: string | null; text: string | null; agentNotes: string | null }
/** A region's text to insert into a `_locales` table. */
export type RegionRow = { parent: number | string; locale: Region; title: string | null; text: string | null; agentNotes: string | null; flags: string }

/** The tables holding phrase texts: the documents, and every version of them (column prefix `version_`). */
export const PHRASE_TABLES = [
  { parent: 'phrases', locales: 'phrases_locales', prefix: '' },
  { parent: '_phrases_v', locales: '_phrases_v_locales', prefix: 'version_' },
] as const

/**
 * Until regional texts were stored, `/v1` converted each region's text from the scripts when it
 * served it. This writes exactly those conversions as the regions' stored texts, marked
 * machine-proposed with the converter's flags, for every phrase and every version that has none
 * yet: agents of every region receive what they received before, and a reviewer settles the rest.
 */
export async function materialiseRegionalTexts(
  payload: Payload,
  req: PayloadRequest | undefined,
  rows: ScriptRow[],
  insert: (rows: RegionRow[]) => Promise<void>,
): Promise<number> {
  // As the release being upgraded converted: an override added since would change what agents get, unreviewed.
  const converter = await loadConverter(payload, req, OVERRIDES_BEFORE_REGIONAL_TEXTS)
  const phrases = new Map<string, { sourceScript: Script; scripts: Partial<ScriptTexts>; has: Set<string>; parent: number | string }>()
  for (const row of rows) {
    const entry = phrases.get(String(row.parent)) ?? { sourceScript: (row.sourceScript === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant') as Script, scripts: {}, has: new Set(), parent: row.parent }
    entry.has.add(row.locale)
    if (row.locale === 'zh-Hant' || row.locale === 'zh-Hans') entry.scripts[row.locale] = { title: row.title, text: row.text, agentNotes: row.agentNotes }
    phrases.set(String(row.parent), entry)
  }
  let batch: RegionRow[] = []
  let written = 0
  for (const { sourceScript, scripts, has, parent } of phrases.values()) {
    for (const region of REGIONS) {
      if (has.has(region)) continue
      const proposal = proposedRegion(converter, scripts, sourceScript, region)
      if (!proposal) continue
      batch.push({ parent, locale: region, title: proposal.title ?? null, text: proposal.text, agentNotes: proposal.agentNotes, flags: JSON.stringify(proposal.ambiguities) })
      if (batch.length >= 500) {
        await insert(batch)
        written += batch.length
        batch = []
      }
    }
  }
  if (batch.length) await insert(batch)
  return written + batch.length
}
