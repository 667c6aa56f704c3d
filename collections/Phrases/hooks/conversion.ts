import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { currentConverter } from '../../../src/conversion/currentConverter'
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
  // A resolved flag writes the remaining flags itself (see the resolve-ambiguity endpoint).
  if (context.conversion || context.seed || context.resolvingAmbiguity || !isScript(req.locale)) return data
  if (changed(data, originalDoc) || (data.machineConverted === false && originalDoc?.machineConverted)) {
    data.machineConverted = false
    data.ambiguities = null
  }
  return data
}

/**
 * After a person writes one script, the other is generated from it, marked machine-converted
 * with its ambiguity flags, unless a person wrote that one too: a person's text is never
 * overwritten by a conversion.
 */
export const convertOtherScript: CollectionAfterChangeHook = async ({ doc, previousDoc, req, context }) => {
  // A restore brings back both scripts exactly as that version had them.
  if (context.conversion || context.seed || context.isRestoringVersion || !isScript(req.locale) || !changed(doc, previousDoc)) return doc
  const source = req.locale
  await preservingRequest(req, () => writeConversion(req, doc, source))
  return doc
}

async function writeConversion(req: PayloadRequest, doc: Record<string, any>, source: Script): Promise<void> {
  const target = otherScript(source)
  const existing = await req.payload.findByID({
    collection: 'phrases',
    id: doc.id,
    locale: target,
    draft: true,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (existing.text && !existing.machineConverted) return

  const converter = await currentConverter(req.payload)
  await req.payload.update({
    collection: 'phrases',
    id: doc.id,
    locale: target,
    // A draft stays a draft; a publish (by those allowed to) carries both scripts together.
    draft: doc._status !== 'published',
    data: { ...convertedScript(converter, doc, target), sourceScript: source },
    context: { conversion: true },
    overrideAccess: true,
    depth: 0,
    req,
  })
}
