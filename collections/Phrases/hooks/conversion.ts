import type { CollectionBeforeChangeHook, FieldHook, PayloadRequest } from 'payload'
import type { Phrase } from '../../../src/payload-types'

import { currentConverter } from '../../../src/conversion/currentConverter'
import type { PhraseConverter, PhraseFlag } from '../../../src/conversion/converter'
import { convertedScript } from '../../../src/conversion/phraseScript'
import { proposalSource, proposedRegion } from '../../../src/conversion/regionalProposals'
import { scriptOf } from '../../../src/conversion/targets'
import { isPhraseLocale, isRegion, isScript, otherScript, PHRASE_TEXT_FIELDS, type PhraseLocale, type Region, type Script, SCRIPTS } from '../../../src/domain/locales'
import { preservingRequest } from '../../../src/preservingRequest'
import { runtimeSettings } from '../../../src/runtimeSettings'
import type { SeededTexts } from '../../writeIntent'


type LocaleValues = Partial<Record<(typeof PHRASE_TEXT_FIELDS)[number], string | null>>
const changed = (next: LocaleValues, previous: LocaleValues | undefined) =>
  PHRASE_TEXT_FIELDS.some((field) => next[field] !== undefined && (next[field] ?? null) !== (previous?.[field] ?? null))

/**
 * A person's save of a script makes that script human-written: no longer machine-converted and no
 * ambiguity flags. Unticking "machine converted" without editing confirms the conversion.
 */
export const markPersonEdits: CollectionBeforeChangeHook<Phrase> = ({ data, originalDoc, req, context }) => {
  // A settled flag writes the remaining flags itself (see the resolve-ambiguity endpoint); a
  // restore brings back the marks and flags the version had.
  const write = context.write?.kind
  if (write === 'reproposal' || write === 'seed' || write === 'settle-flag' || context.isRestoringVersion || !isPhraseLocale(req.locale)) return data
  if (changed(data, originalDoc) || (data.machineConverted === false && originalDoc?.machineConverted)) {
    data.machineConverted = false
    data.ambiguities = null
  }
  return data
}

type ScriptValues = LocaleValues & { machineConverted?: boolean | null; ambiguities?: unknown }
const textsOf = (values: Record<string, any> | null | undefined): LocaleValues => ({ title: values?.title, text: values?.text, agentNotes: values?.agentNotes })
const givenTexts = (data: Record<string, any>): LocaleValues =>
  Object.fromEntries(PHRASE_TEXT_FIELDS.filter((field) => data[field] !== undefined).map((field) => [field, data[field]]))
/** One locale's values out of a document read with `locale: 'all'`. */
export const inLocale = (doc: Record<string, any> | null | undefined, locale: PhraseLocale): ScriptValues => ({
  ...Object.fromEntries(PHRASE_TEXT_FIELDS.map((field) => [field, doc?.[field]?.[locale] ?? null])),
  machineConverted: doc?.machineConverted?.[locale] ?? false,
  ambiguities: doc?.ambiguities?.[locale] ?? null,
})
/** A person's text: written, and not (or no longer) marked as the machine's. */
const personWritten = (values: ScriptValues) => Boolean(values.text) && !values.machineConverted

/**
 * The other locales a save writes along with the one it is given (the other script, the regions'
 * proposals), from the collection hook that decides them to the field hook that stores them,
 * keyed by the original document both are handed.
 */
const companionWrites = new WeakMap<object, Map<PhraseLocale, ScriptValues>>()

/** Another locale as the save under way leaves it, when the save writes it. */
export const companionOfSave = (originalDoc: unknown, locale: PhraseLocale): ScriptValues | undefined =>
  originalDoc && typeof originalDoc === 'object' ? companionWrites.get(originalDoc)?.get(locale) : undefined

const queueWrite = (originalDoc: object, locale: PhraseLocale, values: ScriptValues) => {
  const writes = companionWrites.get(originalDoc) ?? new Map<PhraseLocale, ScriptValues>()
  writes.set(locale, values)
  companionWrites.set(originalDoc, writes)
}

/** The stored phrase with every locale, as the latest version holds it. */
const storedLocales = (req: PayloadRequest, originalDoc: Record<string, any>) =>
  originalDoc.id === undefined
    ? Promise.resolve(null)
    : (preservingRequest(req, () =>
        req.payload.findByID({ collection: 'phrases', id: originalDoc.id, locale: 'all', draft: true, depth: 0, overrideAccess: true, disableErrors: true, req }),
      ) as Promise<Record<string, any> | null>)

/**
 * When a person writes one script, the other is generated from it in the same save (so every
 * version holds both), marked machine-converted with its ambiguity flags, and the written one
 * becomes the source script. A person's text in the other script is never overwritten by a
 * conversion, unless the save says so (`convertOverPersonText`: an import row that leaves
 * that script empty, which converts it even where the given script is unchanged). Flags a person
 * settled in the earlier conversion stay settled where their clause is unchanged. Any save that
 * changes a script (a settled flag and a glossary re-conversion included) proposes the regions
 * again from the scripts as the save leaves them (see `proposeRegions`). A restore through the
 * endpoint brings back every locale of the version.
 */
export const convertOtherScript: CollectionBeforeChangeHook<Phrase> = async ({ data, originalDoc, req, context }) => {
  const write = context.write
  // A glossary re-proposal writes each locale it changes itself, with the converter as it now stands.
  if (write?.kind === 'reproposal' || !originalDoc) return data
  if (write?.kind === 'seed' && write.locales && isScript(req.locale)) return writeSeededLocales(req, data, originalDoc, req.locale, write.locales)
  if (isRegion(req.locale)) return write?.kind === 'seed' || write?.kind === 'settle-flag' ? data : writeFirstInRegion(req, req.locale, data, originalDoc)
  if (!isScript(req.locale)) return data
  if (context.isRestoringVersion) return write?.kind === 'restore' ? restoreEveryLocale(req, data, originalDoc, write.version) : data
  const convertOverPersonText = write?.kind === 'import-row' && write.convertOverPersonText
  if (!changed(data, originalDoc) && !convertOverPersonText) return data
  // Collection hooks run before the fields are validated: a text that is no text is refused there.
  if (PHRASE_TEXT_FIELDS.some((field) => data[field] != null && typeof data[field] !== 'string')) return data
  const converter = await currentConverter(req.payload)
  const stored = await storedLocales(req, originalDoc)
  const source = req.locale
  const target = otherScript(source)
  const scripts: Record<Script, LocaleValues> = { [source]: { ...textsOf(originalDoc), ...givenTexts(data) }, [target]: textsOf(inLocale(stored, target)) } as Record<Script, LocaleValues>
  // A settled flag changes the generated script, not what it is generated from; a seeded phrase brings both.
  const existing = inLocale(stored, target)
  // The open flags of each script as the save leaves them (a person's save of a script settles them).
  const flags: Record<Script, readonly PhraseFlag[] | null> = {
    [source]: data.ambiguities !== undefined ? (data.ambiguities as PhraseFlag[] | null) : (inLocale(stored, source).ambiguities as PhraseFlag[] | null),
    [target]: existing.ambiguities as PhraseFlag[] | null,
  } as Record<Script, readonly PhraseFlag[] | null>
  if (write?.kind !== 'seed' && write?.kind !== 'settle-flag' && (!personWritten(existing) || convertOverPersonText)) {
    const earlier = existing.machineConverted ? { source: textsOf(inLocale(stored, source)), converted: textsOf(existing), flags: existing.ambiguities as PhraseFlag[] | null } : undefined
    const converted = convertedScript(converter, scripts[source], target, earlier)
    data.sourceScript = source
    scripts[target] = converted
    flags[target] = converted.ambiguities
    queueWrite(originalDoc, target, converted)
  }
  proposeRegions(converter, runtimeSettings(req.payload).regions, originalDoc, stored, scripts, flags, (data.sourceScript ?? originalDoc.sourceScript ?? source) as Script)
  return data
}

/**
 * A phrase of the standard library is written whole in one save (a `seed` write): both scripts as
 * the library gives them, each served region's own wording where the library gives one (a
 * person's, never replaced by a later proposal), and the other regions proposed from the scripts.
 */
async function writeSeededLocales(req: PayloadRequest, data: Record<string, any>, originalDoc: object, saved: Script, locales: Partial<Record<PhraseLocale, SeededTexts>>) {
  const other = otherScript(saved)
  const written = (values: LocaleValues | undefined) => ({ ...values, machineConverted: false, ambiguities: null })
  queueWrite(originalDoc, other, written(locales[other]))
  const scripts = { [saved]: { ...locales[saved], ...givenTexts(data) }, [other]: locales[other] ?? {} } as Record<Script, LocaleValues>
  const served = runtimeSettings(req.payload).regions
  const proposals = regionProposals(await currentConverter(req.payload), served, null, scripts, { 'zh-Hant': null, 'zh-Hans': null }, (data.sourceScript ?? saved) as Script)
  for (const region of served) {
    const given = locales[region]
    const proposal = proposals.get(region)
    if (given) queueWrite(originalDoc, region, written(Object.fromEntries(PHRASE_TEXT_FIELDS.map((field) => [field, given[field] ?? proposal?.[field] ?? null]))))
    else if (proposal) queueWrite(originalDoc, region, proposal)
  }
  return data
}

/**
 * A phrase first written in a region (no script has text yet): that region's script says the same
 * (zh-CN's is the Simplified, Taiwan's and Hong Kong's the Traditional), the other script is
 * converted from it, and the other served regions are proposed, as for a save of the script. Once
 * the scripts have text, a region's save is that region's own text and proposes nothing.
 */
async function writeFirstInRegion(req: PayloadRequest, region: Region, data: Record<string, any>, originalDoc: Record<string, any>) {
  if (!changed(data, originalDoc) || PHRASE_TEXT_FIELDS.some((field) => data[field] != null && typeof data[field] !== 'string')) return data
  const stored = await storedLocales(req, originalDoc)
  if (SCRIPTS.some((script) => inLocale(stored, script).text)) return data
  const converter = await currentConverter(req.payload)
  const source = scriptOf(region)
  const target = otherScript(source)
  const written = { ...textsOf(originalDoc), ...givenTexts(data) }
  const converted = convertedScript(converter, written, target)
  queueWrite(originalDoc, source, { ...written, machineConverted: false, ambiguities: null })
  queueWrite(originalDoc, target, converted)
  data.sourceScript = source
  const others = runtimeSettings(req.payload).regions.filter((other) => other !== region)
  const scripts = { [source]: written, [target]: converted } as Record<Script, LocaleValues>
  proposeRegions(converter, others, originalDoc, stored, scripts, { [source]: null, [target]: converted.ambiguities } as Record<Script, readonly PhraseFlag[] | null>, source)
  return data
}

/**
 * Each region's text proposed from the scripts as they now stand, unless a person wrote that
 * region's text (a person's text is never overwritten by a machine). `stored` is the phrase before
 * the change: a choice a person made in a region's earlier proposal stays made.
 */
export function regionProposals(
  converter: PhraseConverter,
  regions: readonly Region[],
  stored: Record<string, any> | null,
  scripts: Record<Script, LocaleValues>,
  flags: Record<Script, readonly PhraseFlag[] | null>,
  sourceScript: Script,
): Map<Region, NonNullable<ReturnType<typeof proposedRegion>>> {
  const proposals = new Map<Region, NonNullable<ReturnType<typeof proposedRegion>>>()
  for (const region of regions) {
    const existing = inLocale(stored, region)
    if (personWritten(existing)) continue
    const from = proposalSource(region, sourceScript)
    const earlier = existing.machineConverted ? { source: textsOf(inLocale(stored, from)), converted: textsOf(existing), flags: existing.ambiguities as PhraseFlag[] | null } : undefined
    const proposal = proposedRegion(converter, scripts, sourceScript, region, earlier, flags)
    if (proposal) proposals.set(region, proposal)
  }
  return proposals
}

/** The save under way writes each region's proposal (see `regionProposals`). */
function proposeRegions(
  converter: PhraseConverter,
  regions: readonly Region[],
  originalDoc: object,
  stored: Record<string, any> | null,
  scripts: Record<Script, LocaleValues>,
  flags: Record<Script, readonly PhraseFlag[] | null>,
  sourceScript: Script,
) {
  for (const [region, proposal] of regionProposals(converter, regions, stored, scripts, flags, sourceScript)) queueWrite(originalDoc, region, proposal)
}

/**
 * A restore saves the version's content in one locale (Payload's validation locale) and takes the
 * others from the version as stored. A version written before both scripts were saved together
 * may hold only the written one: the missing script is converted from it, as a save would have;
 * a version from before regional texts were stored gets the regions proposed from its scripts.
 */
async function restoreEveryLocale(req: PayloadRequest, data: Record<string, any>, originalDoc: object, versionId: string) {
  const saved = req.locale as Script
  const other = otherScript(saved)
  const found = await preservingRequest(req, () =>
    req.payload.findVersionByID({ collection: 'phrases', id: versionId, locale: 'all', depth: 0, overrideAccess: true, disableErrors: true, req }),
  )
  const version = (found?.version ?? {}) as Record<string, any>
  const written = (values: ScriptValues) => Boolean(values.text || values.title)
  const [mine, theirs] = [inLocale(version, saved), inLocale(version, other)]
  const converter = await currentConverter(req.payload)
  let otherValues = theirs
  if (!written(mine) && written(theirs)) {
    Object.assign(data, convertedScript(converter, theirs, saved), { sourceScript: other })
  } else if (written(mine) && !written(theirs)) {
    otherValues = convertedScript(converter, mine, other)
    data.sourceScript = saved
  }
  queueWrite(originalDoc, other, otherValues)
  const scripts = { [saved]: written(mine) ? mine : textsOf(data), [other]: otherValues } as Record<Script, LocaleValues>
  for (const region of runtimeSettings(req.payload).regions) {
    const kept = inLocale(version, region)
    const values = written(kept) ? kept : proposedRegion(converter, scripts, (data.sourceScript ?? version.sourceScript ?? saved) as Script, region)
    if (values) queueWrite(originalDoc, region, values)
  }
  return data
}

/** Stores the other locales decided by `convertOtherScript` (a collection hook sees one locale only). */
export const writeOtherScript: FieldHook = ({ value, originalDoc, siblingDocWithLocales }) => {
  const writes = originalDoc && companionWrites.get(originalDoc)
  if (!writes || !siblingDocWithLocales) return value
  companionWrites.delete(originalDoc)
  for (const [locale, values] of writes) {
    for (const [field, fieldValue] of Object.entries(values)) {
      if (fieldValue === undefined) continue
      // Payload takes every locale but the one being saved from here when it assembles the document.
      siblingDocWithLocales[field] = { ...(siblingDocWithLocales[field] as object | undefined), [locale]: fieldValue }
    }
  }
  return value
}
