import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { PROJECT_ROOT } from '../server/start'

/**
 * `npm run migrate:create -- <name>`: writes a migration for SQLite and for PostgreSQL from the
 * current collections (run it after every schema change; production only runs migrations).
 * PostgreSQL needs a scratch database: MIGRATE_POSTGRES_URL, default the local cluster.
 */
const name = process.argv[2] ?? 'change'
const scratch = mkdtempSync(path.join(tmpdir(), 'phrasebook-migrate-'))
const targets = {
  sqlite: `file:${path.join(scratch, 'migrate.db')}`,
  postgres: process.env.MIGRATE_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres',
}
for (const [adapter, databaseUrl] of Object.entries(targets)) {
  console.log(`Creating the ${adapter} migration "${name}"…`)
  const result = spawnSync(path.join(PROJECT_ROOT, 'node_modules/.bin/payload'), ['migrate:create', name], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PHRASEBOOK_DATA_DIR: scratch,
      PAYLOAD_CONFIG_PATH: 'src/payload.config.ts',
    },
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
