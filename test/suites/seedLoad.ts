import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as OpenCC from 'opencc-js'
import type { Payload } from 'payload'

import { verifyAuditLog } from '../../src/audit/log'
import type { Settings } from '../../src/settings'
import { IMPORT_ACTOR, loadStandardLibrary, type SeedReport } from '../../seed/load'
import { categoryOfKey, readStandardLibrary } from '../../seed/library'
import { type DatabaseKind, freshDatabaseUrl, startPayload, testSettings } from '../helpers/databases'

const library = readStandardLibrary()

/** Loading the standard library into a real, empty database of one adapter. */
export function describeSeedLoad(kind: DatabaseKind): void {
  describe(`seeding the standard library on ${kind}`, () => {
    let payload: Payload
    let settings: Settings
    let first: SeedReport
    const progress: string[] = []

    beforeAll(async () => {
      const name = `seed_${kind}`
      settings = testSettings(await freshDatabaseUrl(kind, name), name)
      payload = await startPayload(settings)
      first = await loadStandardLibrary(payload, { auditKey: settings.auditKey, log: (l) => progress.push(l) })
    })
    afterAll(async () => {
      await payload?.destroy()
    })

    it('creates every part of the library and reports progress', async () => {
      expect(first).toEqual({
        categories: { created: 10, existing: 0 },
        holidays: { created: library.holidays.length, existing: 0 },
        phrases: { created: library.phrases.length, existing: 0 },
        scenarios: { created: library.scenarios.length, existing: 0 },
        forbiddenTerms: { created: library.forbiddenTerms.length, existing: 0 },
        glossary: { created: library.glossary.length, existing: 0 },
      })
      expect(progress.some((line) => /^Seeding phrases: \d+\/\d+$/.test(line))).toBe(true)
      expect(progress.at(-1)).toMatch(/^Standard library loaded/)
      expect((await payload.count({ collection: 'forbidden-terms' })).totalDocs).toBeGreaterThanOrEqual(40)
      expect((await payload.count({ collection: 'scenarios' })).totalDocs).toBeGreaterThanOrEqual(5)
    })

    it('publishes at least 150 phrases across the ten categories, in both scripts', async () => {
      const published = await payload.find({
        collection: 'phrases',
        where: { _status: { equals: 'published' }, workflowState: { equals: 'published' } },
        pagination: false,
        depth: 1,
        locale: 'all',
      })
      expect(published.docs.length).toBe(library.phrases.length)
      expect(published.docs.length).toBeGreaterThanOrEqual(150)
      const perCategory = new Map<string, number>()
      for (const doc of published.docs) {
        const category = doc.category as { slug: string }
        expect(categoryOfKey(doc.key)).toBe(category.slug)
        perCategory.set(category.slug, (perCategory.get(category.slug) ?? 0) + 1)
      }
      expect(perCategory.size).toBe(10)
      const toHans = OpenCC.Converter({ from: 'tw', to: 'cn' })
      const toHant = OpenCC.Converter({ from: 'cn', to: 'tw' })
      for (const doc of published.docs) {
        const text = doc.text as unknown as Record<string, string>
        expect(text['zh-Hant']).toBeTruthy()
        expect(toHans(text['zh-Hant'])).toBe(text['zh-Hans'])
        expect(toHant(text['zh-Hans'])).toBe(text['zh-Hant'])
      }
      // Each region's own text is stored and published: the library's wording where it gives one (a
      // person's, never replaced by a proposal), the proposal elsewhere.
      for (const phrase of library.phrases) {
        const doc = published.docs.find((d) => d.key === phrase.key)! as unknown as Record<string, Record<string, unknown>>
        for (const region of ['zh-TW', 'zh-HK', 'zh-CN'] as const) {
          expect([phrase.key, region, Boolean(doc.text[region])]).toEqual([phrase.key, region, true])
          const given = phrase.regions?.[region]
          if (given?.text) expect([phrase.key, region, doc.text[region]]).toEqual([phrase.key, region, given.text])
          expect([phrase.key, region, doc.machineConverted[region]]).toEqual([phrase.key, region, !given])
        }
        for (const word of ['普通話', '文明用語', '早上好', '聯繫', '短信', '視頻']) expect([phrase.key, doc.text['zh-TW']]).not.toEqual([phrase.key, expect.stringContaining(word)])
      }
    })

    it('links holiday variants and holidays with 2020–2035 dates', async () => {
      const variant = await payload.find({
        collection: 'phrases',
        where: { key: { equals: 'opening.standard.spring_festival' } },
        depth: 1,
      })
      const doc = variant.docs[0]
      expect((doc.variantOf as { key: string }).key).toBe('opening.standard')
      const holiday = doc.holiday as { code: string; dates: { year: number; start: string }[] }
      expect(holiday.code).toBe('spring_festival')
      expect(holiday.dates).toHaveLength(16)
      expect(holiday.dates.find((d) => d.year === 2026)?.start).toBe('2026-02-16')
      // Each region's own holidays: the mainland's and Hong Kong's National Day, Taiwan's 國慶日.
      const regions = async (code: string) => (await payload.find({ collection: 'holidays', where: { code: { equals: code } } })).docs[0]?.regions
      expect([await regions('national_day'), await regions('tw_national_day'), await regions('spring_festival')]).toEqual([['zh-CN', 'zh-HK'], ['zh-TW'], []])
    })

    it('keeps scenario steps in order with notes in both scripts', async () => {
      const { docs } = await payload.find({ collection: 'scenarios', where: { key: { equals: 'supervisor_request' } }, depth: 1, locale: 'zh-Hans' })
      const expected = library.scenarios.find((s) => s.key === 'supervisor_request')!
      expect(docs[0].steps.map((s) => (s.phrase as { key: string }).key)).toEqual(expected.steps.map((s) => s.phrase))
      expect(docs[0].steps.map((s) => s.note ?? null)).toEqual(expected.steps.map((s) => s.note?.['zh-Hans'] ?? null))
    })

    it('names the import, not a person, in a verifiable audit trail', async () => {
      const { docs } = await payload.find({ collection: 'audit-log', pagination: false, sort: 'sequence' })
      expect(docs.length).toBe(library.phrases.length * 2)
      for (const entry of docs) {
        expect(entry.actorKind).toBe(IMPORT_ACTOR.actorKind)
        expect(entry.actorLabel).toBe(IMPORT_ACTOR.actorLabel)
      }
      expect(new Set(docs.map((e) => e.action))).toEqual(new Set(['import', 'publish']))
      expect(await verifyAuditLog(payload, settings.auditKey)).toEqual({ ok: true, entries: docs.length })
    })

    it('is idempotent: a second run writes nothing', async () => {
      const before = (await payload.count({ collection: 'audit-log' })).totalDocs
      const again = await loadStandardLibrary(payload, { auditKey: settings.auditKey })
      for (const part of Object.values(again)) expect(part.created).toBe(0)
      expect(again.phrases.existing).toBe(library.phrases.length)
      expect((await payload.count({ collection: 'phrases' })).totalDocs).toBe(library.phrases.length)
      expect((await payload.count({ collection: 'audit-log' })).totalDocs).toBe(before)
    })
  })
}
