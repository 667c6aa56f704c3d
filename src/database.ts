import { mkdirSync } from 'node:fs'
import path from 'node:path'

import type { DatabaseAdapterObj } from 'payload'

import type { Settings } from './settings'

/** How long a SQLite write waits for another one to finish before failing. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000

/**
 * The database adapter for DATABASE_URL. Outside production Payload pushes the schema;
 * in production the migrations in migrations/<adapter> run at start instead (never both).
 * Only that adapter and its migrations are loaded: each of the three takes a quarter to half a
 * second to load, in every process that starts.
 */
export async function databaseAdapter(settings: Pick<Settings, 'databaseUrl' | 'databaseKind' | 'schemaPush'>): Promise<DatabaseAdapterObj> {
  switch (settings.databaseKind) {
    case 'sqlite': {
      // One after the other: Jest's module loader fails two dynamic imports sharing a dependency at once.
      const { sqliteAdapter } = await import('@payloadcms/db-sqlite')
      const { migrations } = await import('../migrations/sqlite')
      // libSQL creates the file but not its folder (e.g. ./data on a fresh clone in production).
      mkdirSync(path.dirname(path.resolve(settings.databaseUrl.slice('file:'.length))), { recursive: true })
      return sqliteAdapter({
        client: { url: settings.databaseUrl },
        migrationDir: path.resolve('migrations/sqlite'),
        prodMigrations: migrations,
        // One writer at a time: wait for the lock instead of failing with SQLITE_BUSY.
        busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
        push: settings.schemaPush,
        wal: true,
        // Each write (a transition with its audit entry, an import) commits whole or not at all;
        // libSQL begins them IMMEDIATE, taking the write lock up front. See serializeSqliteTransactions.
        transactionOptions: {},
      })
    }
    case 'postgres': {
      const { postgresAdapter } = await import('@payloadcms/db-postgres')
      const { migrations } = await import('../migrations/postgres')
      return postgresAdapter({
        pool: { connectionString: settings.databaseUrl },
        push: settings.schemaPush,
        migrationDir: path.resolve('migrations/postgres'),
        prodMigrations: migrations,
      })
    }
    case 'mongodb': {
      // MongoDB has no schema to migrate.
      const { mongooseAdapter } = await import('@payloadcms/db-mongodb')
      return mongooseAdapter({ url: settings.databaseUrl })
    }
  }
}
