import type { PayloadRequest } from 'payload'

import { otherScript, PHRASE_TEXT_FIELDS, type Script } from '../../src/domain/locales'
import type { Phrase } from '../../src/payload-types'
import type { ImportedPhrase } from '../../src/spreadsheet'
import { preservingRequest } from '../../src/preservingRequest'
import { runtimeSettings } from '../../src/runtimeSettings'
import { inTransaction } from '../../src/transaction'
import { saying } from '../writeIntent'

type Id = number | string
/** Ids of what imported rows refer to by name: categories by slug, holidays by code, phrases by key. */
export type ImportReferences = { categories: Map<string, Id>; holidays: Map<string, Id>; phrases: Map<string, Id> }

/** A write that failed although the plan accepted the row: which row, and Payload's reason. */
export class ImportWriteError extends Error {
  constructor(
    readonly row: number,
    readonly reason: string,
  ) {
    super(`Row ${row}: ${reason}`)
  }
}

const reasonOf = (error: unknown) => {
  const data = (error as { data?: { errors?: { path?: string; message?: string }[] } })?.data
  return data?.errors?.length ? data.errors.map((e) => `${e.path ?? ''}: ${e.message ?? ''}`).join('; ') : String((error as Error)?.message ?? error)
}

/**
 * Saves planned rows as drafts, as the importing person: each goes through the same hooks as an
 * edit in the admin (conversion of a missing script, audit, four-eyes authorship) and then
 * through review. Base phrases go before their holiday variants so variants can point at them.
 * One transaction on PostgreSQL: a failing row leaves nothing written.
 */
export async function importRows(req: PayloadRequest, phrases: ImportedPhrase[], references: ImportReferences): Promise<void> {
  const ordered = [...phrases.filter((p) => !p.variantOf), ...phrases.filter((p) => p.variantOf)]
  const asPerson = { collection: 'phrases', draft: true, depth: 0, overrideAccess: false, user: req.user, req } as const
  await inTransaction(req, async () => {
    for (const phrase of ordered) {
      const source = phrase.sourceScript
      const shared = {
        key: phrase.key,
        category: references.categories.get(phrase.category)!,
        sourceScript: source,
        channels: phrase.channels as ('phone' | 'chat' | 'email' | 'sms')[],
        variables: phrase.variables,
        holiday: phrase.holiday ? references.holidays.get(phrase.holiday)! : null,
        variantOf: phrase.variantOf ? references.phrases.get(phrase.variantOf)! : null,
        tags: phrase.tags,
        triggers: phrase.triggers,
        validFrom: phrase.validFrom,
        validUntil: phrase.validUntil,
        order: phrase.order,
      }
      const textsIn = (script: Script) => ({
        title: phrase.title[script] ?? undefined,
        text: phrase.text[script] ?? null,
        agentNotes: phrase.agentNotes[script] ?? null,
      })
      try {
        const existing = references.phrases.get(phrase.key)
        // Ids are numbers on SQL databases and strings on MongoDB; the generated types know only one.
        const data = { ...shared, ...textsIn(source) } as unknown as Phrase
        // The other script as the sheet gives it is a person's text too; without it, it is converted
        // from this row's script, over what a person wrote before, so the two say the same.
        const other = otherScript(source)
        const givesOther = Boolean(phrase.text[other] || phrase.title[other])
        const context = saying({ kind: 'import-row', convertOverPersonText: !givesOther })
        const doc = await preservingRequest(req, () =>
          existing
            ? req.payload.update({ ...asPerson, id: existing, locale: source, data, context })
            : req.payload.create({ ...asPerson, locale: source, data, context }),
        )
        references.phrases.set(phrase.key, doc.id)
        if (givesOther) {
          await req.payload.update({ ...asPerson, id: doc.id, locale: other, data: textsIn(other) })
        }
        await writeGivenRegions(req, doc.id, phrase)
      } catch (error) {
        throw new ImportWriteError(phrase.rowNumber, reasonOf(error))
      }
    }
  })
}

/**
 * A region's cells that differ from what the save proposed (or what the region already holds)
 * are a person's text for that region; cells that say the same change nothing, so an exported
 * sheet imported again leaves the machine's proposals marked as such.
 */
async function writeGivenRegions(req: PayloadRequest, id: Id, phrase: ImportedPhrase): Promise<void> {
  const given = runtimeSettings(req.payload).regions.filter((region) => PHRASE_TEXT_FIELDS.some((field) => phrase[field][region]))
  if (!given.length) return
  const stored = (await preservingRequest(req, () =>
    req.payload.findByID({ collection: 'phrases', id, locale: 'all', draft: true, depth: 0, overrideAccess: true, req }),
  )) as unknown as Record<(typeof PHRASE_TEXT_FIELDS)[number], Partial<Record<string, string | null>> | null>
  for (const region of given) {
    const now = (field: (typeof PHRASE_TEXT_FIELDS)[number]) => stored[field]?.[region] ?? null
    if (PHRASE_TEXT_FIELDS.every((field) => !phrase[field][region] || phrase[field][region] === now(field))) continue
    const data = Object.fromEntries(PHRASE_TEXT_FIELDS.map((field) => [field, phrase[field][region] ?? now(field)]))
    await req.payload.update({ collection: 'phrases', id, locale: region, draft: true, depth: 0, overrideAccess: false, user: req.user, req, data })
  }
}
