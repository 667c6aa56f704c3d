/**
 * Builds one seeded template (`sqlite` or `postgres`): an empty database and the standard library,
 * as `npm start` leaves a fresh machine but for the first admin, whom each test's server creates
 * from its own settings. Run by prepare.ts.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'

import pg from 'pg'
import { getPayload } from 'payload'

import { createPayloadConfig } from '../../src/createPayloadConfig'
import { resolveSettings } from '../../src/settings'
import { loadStandardLibrary } from '../../seed/load'
import { POSTGRES_ADMIN_URL, POSTGRES_TEMPLATE, SQLITE_TEMPLATE, stampFile, TEMPLATE_DATA_DIR, TEMPLATES } from './templates'

async function emptyDatabase(kind: 'sqlite' | 'postgres'): Promise<string> {
  mkdirSync(TEMPLATES, { recursive: true })
  if (kind === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(SQLITE_TEMPLATE + suffix, { force: true })
    return `file:${SQLITE_TEMPLATE}`
  }
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${POSTGRES_TEMPLATE}`)
  } finally {
    await client.end()
  }
  const url = new URL(POSTGRES_ADMIN_URL)
  url.pathname = `/${POSTGRES_TEMPLATE}`
  return url.toString()
}

async function main(kind: 'sqlite' | 'postgres', digest: string) {
  const started = Date.now()
  rmSync(stampFile(kind), { force: true })
  const settings = resolveSettings({
    DATABASE_URL: await emptyDatabase(kind),
    PHRASEBOOK_DATA_DIR: TEMPLATE_DATA_DIR,
    NODE_ENV: 'test',
    PORT: '0',
  })
  const payload = await getPayload({ config: await createPayloadConfig(settings) })
  await loadStandardLibrary(payload, { auditKey: settings.auditKey })
  if (kind === 'sqlite') {
    // One file to copy: everything in the write-ahead log goes into the database file.
    await (payload.db as unknown as { client: { execute: (s: string) => Promise<unknown> } }).client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
  }
  await payload.destroy()
  writeFileSync(stampFile(kind), digest)
  console.log(`Seeded ${kind} template in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
}

const [kind, digest] = process.argv.slice(2) as ['sqlite' | 'postgres', string]
main(kind, digest).then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
