import { copyFileSync, mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'

import pg from 'pg'
import { getPayload, type Payload } from 'payload'

import { createPayloadConfig } from '../../src/createPayloadConfig'
import { resolveSettings, type Settings } from '../../src/settings'
import { TEMPLATES_READY } from '../setup/globalSetup.js'
import { connectToPostgres, copyTemplateDataDir, type LibraryName, POSTGRES_ADMIN_URL, postgresTemplate, sqliteTemplate, TEST_TMP } from '../setup/templates'

export { POSTGRES_ADMIN_URL, TEST_TMP }

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

/** A new, empty SQLite file for one test file. */
export function freshSqliteUrl(name: string): string {
  mkdirSync(TEST_TMP, { recursive: true })
  const file = path.join(TEST_TMP, `${name}.db`)
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true })
  currentSchema.delete(`file:${file}`)
  return `file:${file}`
}

/** A new, empty PostgreSQL database for one test file (dropped and recreated). */
export function freshPostgresUrl(name: string): Promise<string> {
  return createPostgresDatabase(name)
}

async function createPostgresDatabase(name: string, template?: string): Promise<string> {
  const database = `phrasebook_test_${name.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}`
  const client = await connectToPostgres()
  try {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${database}${template ? ` TEMPLATE ${template}` : ''}`)
  } finally {
    await client.end()
  }
  const url = new URL(POSTGRES_ADMIN_URL)
  url.pathname = `/${database}`
  currentSchema.delete(url.toString())
  return url.toString()
}

/** A new MongoDB database name on MONGODB_URL (only when it is set). */
export function freshMongoUrl(name: string): string {
  const url = new URL(process.env.MONGODB_URL!)
  url.pathname = `/phrasebook_test_${name.replace(/[^a-z0-9_]/gi, '_')}_${Date.now()}`
  return url.toString()
}

/**
 * A new database for one test file with nothing in it but the schema, as a first start's schema
 * push leaves it (copied from the `empty` template; a MongoDB database needs none). Tests whose
 * subject is the push, migrations or an empty database use freshSqliteUrl / freshPostgresUrl.
 */
export async function freshDatabaseUrl(kind: DatabaseKind, name: string): Promise<string> {
  if (kind === 'mongodb') return freshMongoUrl(name)
  // `npm run test:quick` builds no templates: a blank file, whose start pushes the schema.
  if (kind === 'sqlite' && !process.env[TEMPLATES_READY]) return freshSqliteUrl(name)
  return (await copyOfTemplate(kind, name, 'empty')).databaseUrl
}

/** Databases this test file copied from a template: their schema is current, so a start skips the push. */
const currentSchema = new Set<string>()

async function copyOfTemplate(kind: 'sqlite' | 'postgres', name: string, library: LibraryName): Promise<{ databaseUrl: string }> {
  let databaseUrl: string
  if (kind === 'sqlite') {
    databaseUrl = freshSqliteUrl(name)
    copyFileSync(sqliteTemplate(library), databaseUrl.slice('file:'.length))
  } else {
    databaseUrl = await createPostgresDatabase(name, postgresTemplate(library))
  }
  currentSchema.add(databaseUrl)
  return { databaseUrl }
}

/** The environment that tells a start on this database whether to push the schema. */
function schemaPushFor(databaseUrl: string): Record<string, string> {
  return currentSchema.has(databaseUrl) ? { PHRASEBOOK_SCHEMA_PUSH: 'false' } : {}
}

/**
 * A database already holding the standard library (nobody signed up yet), copied from the
 * template test/setup built once for the run, with the data folder whose audit key signed its
 * trail: what `npm start` leaves on a fresh machine, in a fraction of a second.
 */
export async function seededDatabase(
  kind: 'sqlite' | 'postgres',
  name: string,
  library: LibraryName = 'standard',
): Promise<{ databaseUrl: string; dataDir: string }> {
  const { databaseUrl } = await copyOfTemplate(kind, name, library)
  const dataDir = dataDirOf(name)
  copyTemplateDataDir(dataDir)
  return { databaseUrl, dataDir }
}

/** Settings for a test on a seeded copy (see seededDatabase); the library is not loaded again. */
export async function seededSettings(
  kind: 'sqlite' | 'postgres',
  name: string,
  env: Record<string, string> = {},
  library: LibraryName = 'standard',
): Promise<Settings> {
  const { databaseUrl } = await seededDatabase(kind, name, library)
  return settingsFor(databaseUrl, name, env)
}

/** The environment for a spawned server (`npm start`) on a seeded copy. */
export async function seededServerEnv(kind: 'sqlite' | 'postgres', name: string): Promise<Record<string, string>> {
  const { databaseUrl, dataDir } = await seededDatabase(kind, name)
  return { DATABASE_URL: databaseUrl, PHRASEBOOK_DATA_DIR: dataDir, PHRASEBOOK_SEED: 'false', ...schemaPushFor(databaseUrl) }
}

/**
 * The environment for a second server process (`npm start`) on a test's database, beside the
 * test's own server: the same database and secrets, nothing seeded, no schema push (the first
 * server left the schema current), the scheduler off unless `env` turns it on.
 */
export function secondServerEnv(settings: Settings, env: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: settings.databaseUrl,
    PHRASEBOOK_DATA_DIR: settings.dataDir,
    PHRASEBOOK_SEED: 'false',
    PHRASEBOOK_SCHEMA_PUSH: 'false',
    PHRASEBOOK_SCHEDULER_INTERVAL: '0',
    NODE_ENV: 'test',
    ...env,
  }
}

function dataDirOf(name: string): string {
  return path.join(TEST_TMP, `${name}-data`)
}

/**
 * The same database under another address (`/./` in a SQLite path, an application name on
 * PostgreSQL): a Payload instance started on it has a change feed of its own, as another server
 * process would, while it writes to the same database.
 */
export function anotherProcessUrl(databaseUrl: string): string {
  return databaseUrl.startsWith('file:') ? databaseUrl.replace(/\/([^/]+)$/, '/./$1') : `${databaseUrl}?application_name=another_process`
}

/** Settings for a test: its own data dir (secrets), no seeding unless asked. */
export function testSettings(databaseUrl: string, name: string, env: Record<string, string> = {}): Settings {
  rmSync(dataDirOf(name), { recursive: true, force: true })
  return settingsFor(databaseUrl, name, env)
}

function settingsFor(databaseUrl: string, name: string, env: Record<string, string>): Settings {
  return resolveSettings({
    DATABASE_URL: databaseUrl,
    PHRASEBOOK_DATA_DIR: dataDirOf(name),
    PHRASEBOOK_SEED: 'false',
    PORT: '0',
    NODE_ENV: 'test',
    // Tests run the scheduler's passes themselves, or turn it on.
    PHRASEBOOK_SCHEDULER_INTERVAL: '0',
    ...schemaPushFor(databaseUrl),
    ...env,
  })
}

/** A real Payload instance on a real database (one per test file; `payload.destroy()` after). */
export async function startPayload(settings: Settings, key = 'default'): Promise<Payload> {
  return getPayload({ config: await createPayloadConfig(settings), key })
}

/**
 * A Payload instance as production starts one: no schema push, so the database holds only what
 * migrations made (run them with `payload.db.migrate`).
 */
export async function startPayloadWithoutPush(settings: Settings, key: string): Promise<Payload> {
  process.env.PAYLOAD_MIGRATING = 'true'
  try {
    return await startPayload(settings, key)
  } finally {
    delete process.env.PAYLOAD_MIGRATING
  }
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
