import { afterAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import { migrations as postgresMigrations } from '../migrations/postgres'
import { migrations as sqliteMigrations } from '../migrations/sqlite'
import { freshPostgresUrl, freshSqliteUrl, startPayload, startPayloadWithoutPush, testSettings } from './helpers/databases'

type Column = string

/** Every table.column:type of the database, sorted (the schema as the database holds it). */
async function columnsOf(payload: Payload): Promise<Column[]> {
  const db = payload.db as unknown as {
    client?: { execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> }
    pool?: { query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> }
  }
  const rows = db.client
    ? (
        await db.client.execute(
          "SELECT m.name AS t, p.name AS c, p.type AS ty, p.\"notnull\" AS nn FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
        )
      ).rows
    : (
        await db.pool!.query(
          "SELECT table_name AS t, column_name AS c, udt_name AS ty, is_nullable AS nn FROM information_schema.columns WHERE table_schema = 'public'",
        )
      ).rows
  return rows.map((r) => `${r.t}.${r.c}:${r.ty}:${r.nn}`).sort()
}

/**
 * The committed migrations must build exactly the schema the collections describe, or production
 * (which only runs migrations) would break where development (which pushes) works.
 * After changing a collection: `npm run migrate:create -- <name>`.
 */
describe.each([
  ['sqlite', () => Promise.resolve(freshSqliteUrl('migrations_pushed')), () => Promise.resolve(freshSqliteUrl('migrations_migrated')), sqliteMigrations],
  ['postgres', () => freshPostgresUrl('migrations_pushed'), () => freshPostgresUrl('migrations_migrated'), postgresMigrations],
] as const)('migrations for %s', (kind, pushedUrl, migratedUrl, migrations) => {
  const started: Payload[] = []
  afterAll(async () => {
    for (const payload of started) await payload.destroy()
  })

  it('build the same schema as the collections (no drift)', async () => {
    const pushed = await startPayload(testSettings(await pushedUrl(), `${kind}-pushed`), `${kind}-pushed`)
    started.push(pushed)

    // As in production: no schema push, only the committed migrations.
    const migrated = await startPayloadWithoutPush(testSettings(await migratedUrl(), `${kind}-migrated`), `${kind}-migrated`)
    started.push(migrated)
    expect(await columnsOf(migrated)).toEqual([])
    await migrated.db.migrate({ migrations: migrations as never })

    const pushedColumns = await columnsOf(pushed)
    expect(pushedColumns.length).toBeGreaterThan(100)
    expect(await columnsOf(migrated)).toEqual(pushedColumns)
  })
})
