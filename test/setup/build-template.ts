/**
 * Builds the seeded templates of one database kind (`sqlite` or `postgres`), one per library: an
 * empty database and the library (none for `empty`), as `npm start` leaves a fresh machine but for the first admin,
 * whom each test's server creates from its own settings. Run by prepare.ts.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'

import { getPayload } from 'payload'

import { createPayloadConfig } from '../../src/createPayloadConfig'
import { resolveSettings } from '../../src/settings'
import { loadStandardLibrary } from '../../seed/load'
import { smallLibrary } from '../fixtures/smallLibrary'
import { connectToPostgres, LIBRARIES, type LibraryName, POSTGRES_ADMIN_URL, postgresTemplate, sqliteTemplate, SQLITE_STAMP, TEMPLATE_DATA_DIR, TEMPLATES } from './templates'

async function emptyDatabase(kind: 'sqlite' | 'postgres', library: LibraryName): Promise<string> {
  mkdirSync(TEMPLATES, { recursive: true })
  if (kind === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(sqliteTemplate(library) + suffix, { force: true })
    return `file:${sqliteTemplate(library)}`
  }
  const client = await connectToPostgres()
  try {
    await client.query(`DROP DATABASE IF EXISTS ${postgresTemplate(library)} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${postgresTemplate(library)}`)
  } finally {
    await client.end()
  }
  const url = new URL(POSTGRES_ADMIN_URL)
  url.pathname = `/${postgresTemplate(library)}`
  return url.toString()
}

async function build(kind: 'sqlite' | 'postgres', library: LibraryName) {
  const settings = resolveSettings({
    DATABASE_URL: await emptyDatabase(kind, library),
    PHRASEBOOK_DATA_DIR: TEMPLATE_DATA_DIR,
    NODE_ENV: 'test',
    PORT: '0',
  })
  const payload = await getPayload({ config: await createPayloadConfig(settings), key: library })
  if (library !== 'empty') await loadStandardLibrary(payload, { auditKey: settings.auditKey, library: library === 'small' ? smallLibrary() : undefined })
  if (kind === 'sqlite') {
    // One file to copy: everything in the write-ahead log goes into the database file.
    await (payload.db as unknown as { client: { execute: (s: string) => Promise<unknown> } }).client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
  }
  await payload.destroy()
}

// Payload skips the schema push when this process pushed the same schema before: each library's
// database is a new one and needs its own.
process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'

async function stampPostgresTemplates(stamp: string) {
  const client = await connectToPostgres()
  try {
    for (const library of LIBRARIES) await client.query(`COMMENT ON DATABASE ${postgresTemplate(library)} IS ${client.escapeLiteral(stamp)}`)
  } finally {
    await client.end()
  }
}

async function main(kind: 'sqlite' | 'postgres', stamp: string) {
  const started = Date.now()
  if (kind === 'sqlite') rmSync(SQLITE_STAMP, { force: true })
  for (const library of LIBRARIES) await build(kind, library)
  if (kind === 'postgres') await stampPostgresTemplates(stamp)
  else writeFileSync(SQLITE_STAMP, stamp)
  console.log(`Seeded the ${kind} templates (${LIBRARIES.join(', ')}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
}

const [kind, stamp] = process.argv.slice(2) as ['sqlite' | 'postgres', string]
main(kind, stamp).then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
