import { copyFileSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, describe, expect, it } from '@jest/globals'
import pg from 'pg'
import type { Payload } from 'payload'

import { migrations as postgresMigrations } from '../migrations/postgres'
import { migrations as sqliteMigrations } from '../migrations/sqlite'
import { saying } from '../collections/writeIntent'
import { verifyAuditLog } from '../src/audit/log'
import { describeLibrary, type LibraryDescription } from './fixtures/upgrade/describe'
import { freshPostgresUrl, freshSqliteUrl, startPayloadWithoutPush, testSettings } from './helpers/databases'

const fixtures = path.join(import.meta.dirname, 'fixtures/upgrade')
const manifest = JSON.parse(readFileSync(path.join(fixtures, 'manifest.json'), 'utf8')) as {
  release: string
  auditKey: string
  sqlite: LibraryDescription
  postgres: LibraryDescription
}

/** The previous release's database, copied: the SQLite file, or the pg_dump loaded into a new database. */
async function previousRelease(kind: 'sqlite' | 'postgres'): Promise<string> {
  if (kind === 'sqlite') {
    const url = freshSqliteUrl('upgrade')
    copyFileSync(path.join(fixtures, 'sqlite.db'), url.slice('file:'.length))
    return url
  }
  const url = await freshPostgresUrl('upgrade')
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(readFileSync(path.join(fixtures, 'postgres.sql'), 'utf8'))
  } finally {
    await client.end()
  }
  return url
}

/**
 * A database written by the previous release (test/fixtures/upgrade, made by make.ts from the
 * release before the last model change) is migrated as production does it, and holds everything
 * it held: every document, every phrase's texts in every locale, every version, the audit trail.
 */
describe.each([
  ['sqlite', sqliteMigrations],
  ['postgres', postgresMigrations],
] as const)(`a database of release ${manifest.release} on %s`, (kind, migrations) => {
  let payload: Payload | undefined
  afterAll(async () => {
    await payload?.destroy()
  })

  it('migrates at start with no document, text, version or audit entry lost', async () => {
    const settings = testSettings(await previousRelease(kind), `upgrade-${kind}`, { PHRASEBOOK_AUDIT_KEY: manifest.auditKey })
    payload = await startPayloadWithoutPush(settings, `upgrade-${kind}`)
    const appliedBefore = (await payload.find({ collection: 'payload-migrations', pagination: false, depth: 0 })).docs.map((doc) => doc.name)
    await payload.db.migrate({ migrations: migrations as never })
    const applied = (await payload.find({ collection: 'payload-migrations', pagination: false, depth: 0 })).docs.map((doc) => doc.name)
    // The release's migrations had run; now the new ones have too.
    const all = migrations.map((migration) => migration.name).sort()
    expect(appliedBefore.length).toBeGreaterThan(0)
    expect(appliedBefore.length).toBeLessThan(all.length)
    expect(appliedBefore.every((name) => all.includes(String(name)))).toBe(true)
    expect(applied.sort()).toEqual(all)

    expect(await describeLibrary(payload)).toEqual(manifest[kind])
    expect(await verifyAuditLog(payload, manifest.auditKey)).toMatchObject({ ok: true })
  })

  it("stores what agents of each region were served as that region's text, marked machine-proposed", async () => {
    const served = Object.entries(manifest[kind].served)
    expect(served.length).toBeGreaterThan(0)
    const { docs } = await payload!.find({ collection: 'phrases', locale: 'all', pagination: false, depth: 0, overrideAccess: true })
    for (const [key, regions] of served) {
      const phrase = docs.find((doc) => doc.key === key) as unknown as Record<string, Record<string, unknown>>
      for (const [region, texts] of Object.entries(regions)) {
        expect(phrase.text[region]).toBe((texts as { text: string }).text)
        expect(phrase.machineConverted[region]).toBe(true)
      }
    }
    // Every version, not only the served one, holds the regions' texts (history, restore, as-served).
    const versions = await payload!.findVersions({ collection: 'phrases', locale: 'all', pagination: false, depth: 0, overrideAccess: true })
    expect(versions.docs.length).toBeGreaterThan(served.length)
    for (const { version } of versions.docs) {
      const text = version.text as unknown as Record<string, string | null>
      // Taiwan and Hong Kong are proposed from the Traditional script.
      expect([Boolean(text['zh-TW']), Boolean(text['zh-HK'])]).toEqual([Boolean(text['zh-Hant']), Boolean(text['zh-Hant'])])
      if (text['zh-Hans']) expect(text['zh-CN']).toBeTruthy()
    }
  })

  it('takes triggers on its phrases with no migration (they live in the table of tags), keeping the tags', async () => {
    const phrase = (await payload!.find({ collection: 'phrases', pagination: false, depth: 0, overrideAccess: true })).docs.find((doc) => doc.tags?.length)
    expect(phrase).toBeDefined()
    const tags = phrase!.tags
    await payload!.update({ collection: 'phrases', id: phrase!.id, data: { triggers: ['要投訴', '找你們主管'] }, overrideAccess: true, context: saying({ kind: 'seed' }) })
    const saved = await payload!.findByID({ collection: 'phrases', id: phrase!.id, depth: 0, overrideAccess: true })
    expect([saved.triggers, saved.tags]).toEqual([['要投訴', '找你們主管'], tags])
  })
})
