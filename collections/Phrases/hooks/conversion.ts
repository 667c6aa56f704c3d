import type { CollectionBeforeChangeHook, FieldHook, PayloadRequest } from 'payload'

import { currentConverter } from '../../../src/conversion/currentConverter'
import type { PhraseFlag } from '../../../src/conversion/converter'
import { convertedScript } from '../../../src/conversion/phraseScript'
import { isScript, otherScript, PHRASE_TEXT_FIELDS, type Script } from '../../../src/domain/locales'
import { preservingRequest } from '../../../src/preservingRequest'


type LocaleValues = Partial<Record<(typeof PHRASE_TEXT_FIELDS)[number], string | null>>
const changed = (next: LocaleValues, previous: LocaleValues | undefined) =>
  PHRASE_TEXT_FIELDS.some((field) => next[field] !== undefined && (next[field] ?? null) !== (previous?.[field] ?? null))

/**
 * A person's save of a script makes that script human-written: no longer machine-converted and no
 * ambiguity flags. Unticking "machine converted" without editing confirms the conversion.
 */
export const markPersonEdits: CollectionBeforeChangeHook = ({ data, originalDoc, req, context }) => {
  // A resolved flag writes the remaining flags itself (see the resolve-ambiguity endpoint); a
  // restore brings back the marks and flags the version had.
  if (context.conversion || context.seed || context.resolvingAmbiguity || context.isRestoringVersion || !isScript(req.locale)) return data
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

/**
 * The other script a save writes along with the one it is given, from the collection hook that
 * decides it to the field hook that stores it, keyed by the original document both are handed.
 */
const otherScripts = new WeakMap<object, { locale: Script; values: ScriptValues }>()

/** The other script as the save under way leaves it, when the save writes it. */
export const otherScriptOfSave = (originalDoc: unknown): ScriptValues | undefined =>
  originalDoc && typeof originalDoc === 'object' ? otherScripts.get(originalDoc)?.values : undefined

/**
 * When a person writes one script, the other is generated from it in the same save (so every
 * version holds both), marked machine-converted with its ambiguity flags, and the written one
 * becomes the source script. A person's text in the other script is never overwritten by a
 * conversion, unless the save says so (`context.convertOverPersonText`: an import row that leaves
 * that script empty, which converts it even where the given script is unchanged). Flags a person settled in the earlier conversion stay settled where their
 * clause is unchanged. A restore through the endpoint brings back both scripts of the version.
 */
export const convertOtherScript: CollectionBeforeChangeHook = async ({ data, originalDoc, req, context }) => {
  // A settled flag changes the generated script, not what it is generated from.
  if (context.conversion || context.seed || context.resolvingAmbiguity || !isScript(req.locale) || !originalDoc) return data
  if (context.isRestoringVersion) return context.restoredVersion === undefined ? data : restoreBothScripts(req, data, originalDoc, String(context.restoredVersion))
  if (!changed(data, originalDoc) && !context.convertOverPersonText) return data
  // Collection hooks run before the fields are validated: a text that is no text is refused there.
  if (PHRASE_TEXT_FIELDS.some((field) => data[field] != null && typeof data[field] !== 'string')) return data
  const source = req.locale
  const target = otherScript(source)
  const existing =
    originalDoc.id === undefined
      ? null
      : await preservingRequest(req, () =>
          req.payload.findByID({ collection: 'phrases', id: originalDoc.id, locale: target, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req }),
        )
  if (existing?.text && !existing.machineConverted && !context.convertOverPersonText) return data
  const earlier = existing?.machineConverted ? { source: textsOf(originalDoc), converted: textsOf(existing), flags: existing.ambiguities as PhraseFlag[] | null } : undefined
  const converted = convertedScript(await currentConverter(req.payload), { ...textsOf(originalDoc), ...givenTexts(data) }, target, earlier)
  data.sourceScript = source
  otherScripts.set(originalDoc, { locale: target, values: converted })
  return data
}

/**
 * A restore saves the version's content in one locale (Payload's validation locale) and takes the
 * others from the version as stored. A version written before both scripts were saved together
 * may hold only the written one: the missing script is converted from it, as a save would have.
 */
async function restoreBothScripts(req: PayloadRequest, data: Record<string, any>, originalDoc: object, versionId: string) {
  const saved = req.locale as Script
  const other = otherScript(saved)
  const found = await preservingRequest(req, () =>
    req.payload.findVersionByID({ collection: 'phrases', id: versionId, locale: 'all', depth: 0, overrideAccess: true, disableErrors: true, req }),
  )
  const version = (found?.version ?? {}) as Record<string, any>
  const inScript = (script: Script): ScriptValues => ({
    ...Object.fromEntries(PHRASE_TEXT_FIELDS.map((field) => [field, version[field]?.[script] ?? null])),
    machineConverted: version.machineConverted?.[script] ?? false,
    ambiguities: version.ambiguities?.[script] ?? null,
  })
  const written = (values: ScriptValues) => Boolean(values.text || values.title)
  const [mine, theirs] = [inScript(saved), inScript(other)]
  let otherValues = theirs
  if (!written(mine) && written(theirs)) {
    Object.assign(data, convertedScript(await currentConverter(req.payload), theirs, saved), { sourceScript: other })
  } else if (written(mine) && !written(theirs)) {
    otherValues = convertedScript(await currentConverter(req.payload), mine, other)
    data.sourceScript = saved
  }
  otherScripts.set(originalDoc, { locale: other, values: otherValues })
  return data
}

/** Stores the other script decided by `convertOtherScript` (a collection hook sees one locale only). */
export const writeOtherScript: FieldHook = ({ value, originalDoc, siblingDocWithLocales }) => {
  const other = originalDoc && otherScripts.get(originalDoc)
  if (!other || !siblingDocWithLocales) return value
  otherScripts.delete(originalDoc)
  for (const [field, fieldValue] of Object.entries(other.values)) {
    if (fieldValue === undefined) continue
    // Payload takes every locale but the one being saved from here when it assembles the document.
    siblingDocWithLocales[field] = { ...(siblingDocWithLocales[field] as object | undefined), [other.locale]: fieldValue }
  }
  return value
}
