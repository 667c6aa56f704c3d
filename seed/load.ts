import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import type { AuditEvent } from '../src/audit/chain'
import { recordAudit } from '../src/audit/log'
import { inTransaction } from '../src/transaction'
import { bumpRevision } from '../src/delivery/revisions'
import { storedOverridesFrom } from '../src/conversion/glossaryRules'
import { forbiddenTermClassOf } from '../src/domain/forbiddenTermClasses'
import { holidayCalendar } from '../src/domain/holidays'
import type { Script } from '../src/domain/locales'
import { saying } from '../collections/writeIntent'
import { categoryOfKey, readStandardLibrary, type Bilingual, type SeedPhrase, type StandardLibrary } from './library'

/** Who the audit trail names for everything the loader writes. */
export const IMPORT_ACTOR = { actorKind: 'system', actorId: 'seed', actorLabel: 'Standard library import (seed/data)' } as const

export type SeedReport = Record<
  'categories' | 'holidays' | 'phrases' | 'scenarios' | 'forbiddenTerms' | 'glossary',
  { created: number; existing: number }
>

type Options = { auditKey: string; log?: (line: string) => void; library?: StandardLibrary }

// Writes run as the server itself: nobody's permissions apply to the import, and both scripts
// come from the library (no conversion hooks).
const asSystem = { overrideAccess: true, depth: 0, context: saying({ kind: 'seed' }) } as const

/** Adds the other-script (and English) values of localized fields to a document written in zh-Hant. */
async function addLocales(
  payload: Payload,
  collection: 'categories' | 'holidays' | 'forbidden-terms' | 'scenarios',
  id: number | string,
  values: Record<string, Bilingual | null | undefined>,
): Promise<void> {
  for (const locale of ['zh-Hans', 'en'] as const) {
    const data: Record<string, string> = {}
    for (const [field, value] of Object.entries(values)) {
      if (value?.[locale]) data[field] = value[locale]!
    }
    if (Object.keys(data).length) await payload.update({ collection, id, locale, data, ...asSystem })
  }
}

async function idsByField(payload: Payload, collection: 'categories' | 'holidays' | 'phrases', field: string) {
  const { docs } = await payload.find({ collection, pagination: false, ...asSystem })
  return new Map<string, number | string>(docs.map((doc) => [String((doc as unknown as Record<string, unknown>)[field]), doc.id]))
}

/**
 * Loads the standard library into the database. Idempotent: anything already there (matched by
 * slug, code, key or term) is left as the editors have it; only what is missing is written.
 * Phrases are published, each with `import` and `publish` audit entries naming the import.
 */
export async function loadStandardLibrary(payload: Payload, options: Options): Promise<SeedReport> {
  const library = options.library ?? readStandardLibrary()
  const log = options.log ?? (() => {})
  const audit = (event: Omit<AuditEvent, 'actorKind'>, req?: PayloadRequest) =>
    recordAudit(payload, options.auditKey, { ...IMPORT_ACTOR, ...event }, req)
  const report = {} as SeedReport
  const tally = (part: keyof SeedReport, created: boolean) => {
    report[part] ??= { created: 0, existing: 0 }
    report[part][created ? 'created' : 'existing']++
  }

  const categoryIds = await idsByField(payload, 'categories', 'slug')
  for (const category of library.categories) {
    const exists = categoryIds.has(category.slug)
    if (!exists) {
      const doc = await payload.create({
        collection: 'categories',
        locale: 'zh-Hant',
        data: { slug: category.slug, name: category.name['zh-Hant'], order: category.order },
        ...asSystem,
      })
      await addLocales(payload, 'categories', doc.id, { name: category.name })
      categoryIds.set(category.slug, doc.id)
    }
    tally('categories', !exists)
  }

  const holidayIds = await idsByField(payload, 'holidays', 'code')
  for (const { name, ...rule } of library.holidays) {
    const exists = holidayIds.has(rule.code)
    if (!exists) {
      const doc = await payload.create({
        collection: 'holidays',
        locale: 'zh-Hant',
        data: { ...rule, name: name['zh-Hant'], dates: holidayCalendar(rule) },
        ...asSystem,
      })
      await addLocales(payload, 'holidays', doc.id, { name })
      holidayIds.set(rule.code, doc.id)
    }
    tally('holidays', !exists)
  }

  const phraseIds = await idsByField(payload, 'phrases', 'key')
  // Base phrases before their holiday variants, which point at them.
  const phrases = [...library.phrases].sort((a, b) => Number(Boolean(a.variantOf)) - Number(Boolean(b.variantOf)))
  let done = 0
  for (const phrase of phrases) {
    const exists = phraseIds.has(phrase.key)
    if (!exists) {
      // One transaction per phrase: a crash leaves each phrase with its audit entries, or neither,
      // and the next start loads what is missing.
      const req = await createLocalReq({}, payload)
      const id = await inTransaction(req, async () => {
        const created = await createPublishedPhrase(payload, phrase, { categoryIds, holidayIds, phraseIds }, req)
        await audit(
          {
            action: 'import',
            summary: `Imported ${phrase.key} from the standard library`,
            targetCollection: 'phrases',
            documentId: String(created),
            documentKey: phrase.key,
            after: { title: phrase.title, text: phrase.text },
          },
          req,
        )
        await audit(
          {
            action: 'publish',
            summary: `Published ${phrase.key} (standard library)`,
            targetCollection: 'phrases',
            documentId: String(created),
            documentKey: phrase.key,
            after: { workflowState: 'published' },
          },
          req,
        )
        return created
      })
      phraseIds.set(phrase.key, id)
    }
    tally('phrases', !exists)
    done++
    if (done % 25 === 0 || done === phrases.length) log(`Seeding phrases: ${done}/${phrases.length}`)
  }

  const { docs: scenarioDocs } = await payload.find({ collection: 'scenarios', pagination: false, ...asSystem })
  const scenarioKeys = new Set(scenarioDocs.map((doc) => doc.key))
  for (const scenario of library.scenarios) {
    const exists = scenarioKeys.has(scenario.key)
    if (!exists) {
      const doc = await payload.create({
        collection: 'scenarios',
        locale: 'zh-Hant',
        data: {
          key: scenario.key,
          title: scenario.title['zh-Hant'],
          description: scenario.description?.['zh-Hant'],
          steps: scenario.steps.map((step) => ({
            phrase: phraseIds.get(step.phrase) as number,
            note: step.note?.['zh-Hant'],
          })),
        },
        ...asSystem,
      })
      await payload.update({
        collection: 'scenarios',
        id: doc.id,
        locale: 'zh-Hans',
        data: {
          title: scenario.title['zh-Hans'],
          description: scenario.description?.['zh-Hans'],
          // The same rows (by id), with their zh-Hans notes.
          steps: (doc.steps ?? []).map((row, i) => ({ ...row, note: scenario.steps[i].note?.['zh-Hans'] })),
        },
        ...asSystem,
      })
    }
    tally('scenarios', !exists)
  }

  const { docs: termDocs } = await payload.find({
    collection: 'forbidden-terms',
    locale: 'zh-Hant',
    pagination: false,
    ...asSystem,
  })
  const terms = new Set(termDocs.map((doc) => doc.term))
  for (const term of library.forbiddenTerms) {
    const exists = terms.has(term.text['zh-Hant'])
    if (!exists) {
      const doc = await payload.create({
        collection: 'forbidden-terms',
        locale: 'zh-Hant',
        data: {
          term: term.text['zh-Hant'],
          class: forbiddenTermClassOf(term.class)!,
          severity: term.severity,
          suggestion: term.suggestion?.['zh-Hant'],
          note: term.note ?? undefined,
          sourceDocuments: term.source,
        },
        ...asSystem,
      })
      await addLocales(payload, 'forbidden-terms', doc.id, { term: term.text, suggestion: term.suggestion })
    }
    tally('forbiddenTerms', !exists)
  }

  const { docs: glossaryDocs } = await payload.find({ collection: 'glossary', pagination: false, ...asSystem })
  const glossaryTerms = new Set(glossaryDocs.map((doc) => doc.term))
  for (const entry of library.glossary) {
    const exists = glossaryTerms.has(entry.term)
    if (!exists) {
      await payload.create({
        collection: 'glossary',
        data: {
          term: entry.term,
          protect: entry.protect,
          overrides: storedOverridesFrom(entry.overrides),
          note: entry.note,
        },
        ...asSystem,
      })
    }
    tally('glossary', !exists)
  }

  const created = Object.values(report).reduce((sum, part) => sum + part.created, 0)
  // One delivery revision for the whole import: agents' snapshots rebuild once.
  if (created > 0) await bumpRevision(payload, { kind: 'reference', key: 'standard-library', change: 'changed' })
  log(
    created === 0
      ? 'Standard library already loaded; nothing to do.'
      : `Standard library loaded: ${Object.entries(report)
          .map(([part, { created: n, existing }]) => `${part} +${n}${existing ? ` (${existing} already there)` : ''}`)
          .join(', ')}`,
  )
  return report
}

/**
 * Writes a phrase published, in one save: the zh-Hant values given here, and through the seed
 * write the zh-Hans ones and the regions' own wording (the conversion hook proposes the rest).
 */
async function createPublishedPhrase(
  payload: Payload,
  phrase: SeedPhrase,
  ids: { categoryIds: Map<string, number | string>; holidayIds: Map<string, number | string>; phraseIds: Map<string, number | string> },
  req: PayloadRequest,
): Promise<number | string> {
  const localized = (locale: Script) => ({ title: phrase.title[locale], text: phrase.text[locale], agentNotes: phrase.agentNotes?.[locale] })
  const category = ids.categoryIds.get(categoryOfKey(phrase.key))
  if (category === undefined) throw new Error(`Phrase ${phrase.key}: unknown category`)
  const locales = { 'zh-Hant': localized('zh-Hant'), 'zh-Hans': localized('zh-Hans'), ...phrase.regions }
  const doc = await payload.create({
    collection: 'phrases',
    locale: 'zh-Hant',
    data: {
      _status: 'published',
      workflowState: 'published',
      key: phrase.key,
      category: category as number,
      ...localized('zh-Hant'),
      machineConverted: false,
      sourceScript: phrase.sourceScript,
      channels: phrase.channels as never,
      variables: phrase.variables.map((v) => ({
        name: v.name,
        description: v.description,
        example: v.example,
        fallback: { zhHant: v.fallback['zh-Hant'], zhHans: v.fallback['zh-Hans'] },
      })),
      variantOf: phrase.variantOf ? (ids.phraseIds.get(phrase.variantOf) as number) : undefined,
      holiday: phrase.holiday ? (ids.holidayIds.get(phrase.holiday) as number) : undefined,
      tags: phrase.tags,
      triggers: phrase.triggers ?? [],
      order: phrase.order,
      sourceDocuments: phrase.source,
    },
    ...asSystem,
    context: saying({ kind: 'seed', locales, change: { action: 'publish', by: IMPORT_ACTOR.actorLabel, approvedBy: null } }),
    req,
  })
  return doc.id
}
