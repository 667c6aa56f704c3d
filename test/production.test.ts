import { rmSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from '@jest/globals'
import pg from 'pg'

import { migrations as postgresMigrations } from '../migrations/postgres'
import { readStandardLibrary } from '../seed/library'
import { freshPostgresUrl, freshSqliteUrl, POSTGRES_ADMIN_URL, TEST_TMP } from './helpers/databases'
import { runToExit, spawnServer } from './helpers/server'

const library = readStandardLibrary()
const PRODUCTION = {
  NODE_ENV: 'production',
  PAYLOAD_SECRET: 'test-production-secret-0123456789',
  PHRASEBOOK_AUDIT_KEY: 'test-production-audit-key-0123456789',
  PHRASEBOOK_ADMIN_EMAIL: 'prod-admin@example.com',
  PHRASEBOOK_ADMIN_PASSWORD: 'a long production password',
}

async function expectSeededAndReady(url: string, database: string) {
  const ready = await fetch(`${url}/readyz`)
  expect(await ready.json()).toEqual({ status: 'ready', database })
  const login = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: PRODUCTION.PHRASEBOOK_ADMIN_EMAIL, password: PRODUCTION.PHRASEBOOK_ADMIN_PASSWORD }),
  })
  const { token } = (await login.json()) as { token: string }
  const phrases = (await (await fetch(`${url}/api/phrases?limit=1`, { headers: { authorization: `JWT ${token}` } })).json()) as {
    totalDocs: number
  }
  expect(phrases.totalDocs).toBe(library.phrases.length)
}

describe('production mode (NODE_ENV=production)', () => {
  it('refuses to start without PAYLOAD_SECRET, saying why', async () => {
    const { code, output } = await runToExit({
      NODE_ENV: 'production',
      DATABASE_URL: freshSqliteUrl('prod_refuse'),
      PHRASEBOOK_DATA_DIR: `${TEST_TMP}/prod-refuse-data`,
    })
    expect(code).toBe(1)
    expect(output).toContain('PAYLOAD_SECRET is required when NODE_ENV=production')
  })

  it('refuses to create the first admin from the printed development defaults', async () => {
    const { code, output } = await runToExit({
      ...PRODUCTION,
      PHRASEBOOK_ADMIN_EMAIL: '',
      PHRASEBOOK_ADMIN_PASSWORD: '',
      DATABASE_URL: freshSqliteUrl('prod_default_admin'),
      PHRASEBOOK_DATA_DIR: `${TEST_TMP}/prod-default-admin-data`,
    })
    expect(code).toBe(1)
    expect(output).toContain('Set PHRASEBOOK_ADMIN_EMAIL and PHRASEBOOK_ADMIN_PASSWORD')
  })

  it('runs the SQLite migrations at start, then seeds (creating the database folder)', async () => {
    const folder = path.join(TEST_TMP, 'prod-sqlite-folder')
    rmSync(folder, { recursive: true, force: true })
    const server = await spawnServer({
      ...PRODUCTION,
      DATABASE_URL: `file:${folder}/phrasebook.db`,
      PHRASEBOOK_DATA_DIR: `${TEST_TMP}/prod-sqlite-data`,
    })
    try {
      expect(server.output()).toMatch(/Migrating: [\d_]+_initial/)
      expect(server.output()).not.toContain('Pulling schema')
      await expectSeededAndReady(server.url, 'sqlite')
    } finally {
      await server.stop()
    }
  })

  it('runs the PostgreSQL migrations at start, then seeds', async () => {
    const databaseUrl = await freshPostgresUrl('prod_postgres')
    const server = await spawnServer({ ...PRODUCTION, DATABASE_URL: databaseUrl, PHRASEBOOK_DATA_DIR: `${TEST_TMP}/prod-pg-data` })
    try {
      expect(server.output()).toMatch(/Migrating: [\d_]+_initial/)
      await expectSeededAndReady(server.url, 'postgres')
      const client = new pg.Client({ connectionString: databaseUrl })
      await client.connect()
      const { rows } = await client.query('SELECT name FROM payload_migrations WHERE batch > 0 ORDER BY id')
      await client.end()
      expect(rows.map((r) => r.name)).toEqual(postgresMigrations.map((m) => m.name))

      // The database goes away: the process is still up, but not ready.
      const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
      await admin.connect()
      await admin.query('DROP DATABASE phrasebook_test_prod_postgres WITH (FORCE)')
      await admin.end()
      const ready = await fetch(`${server.url}/readyz`)
      expect(ready.status).toBe(503)
      expect(await ready.json()).toMatchObject({ error: { code: 'database_unreachable' } })
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    } finally {
      await server.stop()
    }
  })
})
