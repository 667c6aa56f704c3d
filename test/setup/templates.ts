import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

import pg from 'pg'

import { inputsDigest } from '../../src/cli/inputsDigest'

/**
 * The seeded databases the tests copy instead of loading a library themselves (about 20 s for the
 * standard library): per library, one SQLite file and one PostgreSQL template database, and the
 * data folder whose secrets signed their audit trails. Built once per run by
 * test/setup/globalSetup.js, and kept between runs while nothing they are built from has changed.
 */
export const TEST_TMP = path.resolve('test/.tmp')
export const TEMPLATES = path.join(TEST_TMP, 'templates')
export const TEMPLATE_DATA_DIR = path.join(TEMPLATES, 'data')

/**
 * `standard`: the library `npm start` loads; `small`: test/fixtures/smallLibrary.ts; `empty`: no
 * content, the schema a first start's push leaves (copied by tests that write their own content).
 */
export const LIBRARIES = ['standard', 'small', 'empty'] as const
export type LibraryName = (typeof LIBRARIES)[number]
export const sqliteTemplate = (library: LibraryName) => path.join(TEMPLATES, `${library}.db`)
export const postgresTemplate = (library: LibraryName) => `phrasebook_template_${library}`
/** The PostgreSQL server the tests use (.ci/run starts Debian's cluster with this password). */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres'

/** A connection to the test server's `postgres` database, or an error that says what to do. */
export async function connectToPostgres(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  try {
    await client.connect()
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL} (${(error as Error).message}). Start it (see .ci/run) or set TEST_POSTGRES_URL.`)
  }
  return client
}

const TEMPLATE_INPUTS = ['seed', 'src', 'collections', 'migrations', 'package-lock.json', 'test/setup', 'test/fixtures/smallLibrary.ts']

/** A digest of everything a seeded template is built from: a template is current while it matches. */
export function templateInputsDigest(): string {
  return inputsDigest(path.resolve('.'), TEMPLATE_INPUTS)
}

/** The SQLite templates' stamp (see templateStamp). */
export const SQLITE_STAMP = path.join(TEMPLATES, 'sqlite.stamp')

/**
 * What a current template is stamped with: the digest of its inputs and a fingerprint of the audit
 * key that signed its trail (the key in TEMPLATE_DATA_DIR, which tests copy). On PostgreSQL the
 * stamp is the template database's comment: the server is shared by every checkout on the machine,
 * and another checkout's run rebuilds the templates with its own key.
 */
export function templateStamp(digest: string): string {
  const key = readFileSync(path.join(TEMPLATE_DATA_DIR, '.audit-key'), 'utf8').trim()
  return `${digest} key:${createHash('sha256').update(key).digest('hex').slice(0, 16)}`
}

/** A test's own data folder holding the template's secrets (the audit key signed its trail). */
export function copyTemplateDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true })
  mkdirSync(dataDir, { recursive: true })
  for (const name of readdirSync(TEMPLATE_DATA_DIR)) copyFileSync(path.join(TEMPLATE_DATA_DIR, name), path.join(dataDir, name))
}
