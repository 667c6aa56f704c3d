import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'

import pg from 'pg'
import { getPayload, type Payload } from 'payload'

import { createPayloadConfig } from '../../src/createPayloadConfig'
import { resolveSettings, type Settings } from '../../src/settings'

export const TEST_TMP = path.resolve('test/.tmp')

/** The PostgreSQL server the tests use (.ci/run starts Debian's cluster with this password). */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres'

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

/** A new, empty SQLite file for one test file. */
export function freshSqliteUrl(name: string): string {
  mkdirSync(TEST_TMP, { recursive: true })
  const file = path.join(TEST_TMP, `${name}.db`)
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true })
  return `file:${file}`
}

/** A new, empty PostgreSQL database for one test file (dropped and recreated). */
export async function freshPostgresUrl(name: string): Promise<string> {
  const database = `phrasebook_test_${name.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}`
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  try {
    await client.connect()
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL} (${(error as Error).message}). ` +
        'Start it (see .ci/run) or set TEST_POSTGRES_URL.',
    )
  }
  try {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${database}`)
  } finally {
    await client.end()
  }
  const url = new URL(POSTGRES_ADMIN_URL)
  url.pathname = `/${database}`
  return url.toString()
}

/** A new MongoDB database name on MONGODB_URL (only when it is set). */
export function freshMongoUrl(name: string): string {
  const url = new URL(process.env.MONGODB_URL!)
  url.pathname = `/phrasebook_test_${name.replace(/[^a-z0-9_]/gi, '_')}_${Date.now()}`
  return url.toString()
}

export async function freshDatabaseUrl(kind: DatabaseKind, name: string): Promise<string> {
  if (kind === 'sqlite') return freshSqliteUrl(name)
  if (kind === 'postgres') return freshPostgresUrl(name)
  return freshMongoUrl(name)
}

/** Settings for a test: its own data dir (secrets), no seeding unless asked. */
export function testSettings(databaseUrl: string, name: string, env: Record<string, string> = {}): Settings {
  const dataDir = path.join(TEST_TMP, `${name}-data`)
  rmSync(dataDir, { recursive: true, force: true })
  return resolveSettings({
    DATABASE_URL: databaseUrl,
    PHRASEBOOK_DATA_DIR: dataDir,
    PHRASEBOOK_SEED: 'false',
    PORT: '0',
    NODE_ENV: 'test',
    // Tests run the scheduler's passes themselves, or turn it on.
    PHRASEBOOK_SCHEDULER_INTERVAL: '0',
    ...env,
  })
}

/** A real Payload instance on a real database (one per test file; `payload.destroy()` after). */
export async function startPayload(settings: Settings, key = 'default'): Promise<Payload> {
  return getPayload({ config: await createPayloadConfig(settings), key })
}

/** Raw SQL on a test database, as someone who reached it past the API would run it. */
export async function runSql(payload: Payload, settings: Settings, statements: string[]): Promise<void> {
  if (settings.databaseKind === 'sqlite') {
    const client = (payload.db as unknown as { client: { execute: (s: string) => Promise<unknown> } }).client
    for (const statement of statements) await client.execute(statement)
    return
  }
  const client = new pg.Client({ connectionString: settings.databaseUrl })
  await client.connect()
  try {
    for (const statement of statements) await client.query(statement)
  } finally {
    await client.end()
  }
}

/** SQL that makes every audit entry insert fail (storage gone), and SQL that undoes it. */
export function auditInsertsRefused(kind: 'sqlite' | 'postgres'): { refuse: string[]; allow: string[] } {
  return kind === 'postgres'
    ? {
        refuse: [
          `CREATE FUNCTION phrasebook_test_refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit storage unavailable'; END $$ LANGUAGE plpgsql`,
          'CREATE TRIGGER phrasebook_test_refuse BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION phrasebook_test_refuse()',
        ],
        allow: ['DROP TRIGGER phrasebook_test_refuse ON audit_log', 'DROP FUNCTION phrasebook_test_refuse()'],
      }
    : {
        refuse: [`CREATE TRIGGER phrasebook_test_refuse BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit storage unavailable'); END`],
        allow: ['DROP TRIGGER phrasebook_test_refuse'],
      }
}
