/**
 * Before the tests (jest's globalSetup): the admin is built if its sources changed, and each
 * database kind's seeded template is built if anything it is built from changed. Nothing of this
 * happens inside a test's setup.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'

import { buildAdmin } from '../../src/cli/build-admin'
import { resolveSettings } from '../../src/settings'
import { connectToPostgres, LIBRARIES, postgresTemplate, SQLITE_STAMP, TEMPLATE_DATA_DIR, TEMPLATES, templateInputsDigest, templateStamp } from './templates'

/** Whether every PostgreSQL template exists and carries this run's stamp (see templateStamp). */
async function postgresTemplatesCurrent(stamp: string): Promise<boolean> {
  const client = await connectToPostgres()
  try {
    const { rowCount } = await client.query(
      "SELECT 1 FROM pg_database WHERE datname = ANY($1) AND shobj_description(oid, 'pg_database') = $2",
      [LIBRARIES.map(postgresTemplate), stamp],
    )
    return rowCount === LIBRARIES.length
  } finally {
    await client.end()
  }
}

function buildTemplate(kind: 'sqlite' | 'postgres', stamp: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/setup/build-template.ts', kind, stamp], {
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => {
      if (code === 0) {
        console.log(output.match(/Seeded .*/)?.[0] ?? `Seeded the ${kind} template.`)
        resolve()
      } else {
        reject(new Error(`Building the seeded ${kind} template failed (exit code ${code}):\n${output}`))
      }
    }),
  )
}

async function main() {
  mkdirSync(TEMPLATE_DATA_DIR, { recursive: true })
  // The templates' secrets are written here, once, before the builders run side by side: each
  // would otherwise write its own, and one template's audit trail would be signed with a key
  // the other overwrote. The stamps name the key, so new secrets make every template stale.
  const settings = resolveSettings({ PHRASEBOOK_DATA_DIR: TEMPLATE_DATA_DIR, DATABASE_URL: `file:${TEMPLATES}/unused.db` })
  const stamp = templateStamp(templateInputsDigest())
  const stale: ('sqlite' | 'postgres')[] = []
  if (!existsSync(SQLITE_STAMP) || readFileSync(SQLITE_STAMP, 'utf8') !== stamp) stale.push('sqlite')
  if (!(await postgresTemplatesCurrent(stamp))) stale.push('postgres')
  if (stale.length) console.log(`Seeding the test templates (${stale.join(', ')})…`)
  const templates = Promise.all(stale.map((kind) => buildTemplate(kind, stamp)))
  // Meanwhile (another process, another core) the admin, if its sources changed.
  buildAdmin(settings)
  await templates
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
