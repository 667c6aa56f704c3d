import { mkdirSync } from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { migrations as postgresMigrations } from '../migrations/postgres'
import { migrations as sqliteMigrations } from '../migrations/sqlite'
import type { Settings } from './settings'

/** How long a SQLite write waits for another one to finish before failing. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000

/**
 * The database adapter for DATABASE_URL. Outside production Payload pushes the schema;
 * in production the migrations in migrations/<adapter> run at start instead (never both).
 */
export function databaseAdapter(settings: Pick<Settings, 'databaseUrl' | 'databaseKind' | 'schemaPush'>): DatabaseAdapterObj {
  switch (settings.databaseKind) {
    case 'sqlite':
      // libSQL creates the file but not its folder (e.g. ./data on a fresh clone in production).
      mkdirSync(path.dirname(path.resolve(settings.databaseUrl.slice('file:'.length))), { recursive: true })
      return sqliteAdapter({
        client: { url: settings.databaseUrl },
        migrationDir: path.resolve('migrations/sqlite'),
        prodMigrations: sqliteMigrations,
        // One writer at a time: wait for the lock instead of failing with SQLITE_BUSY.
        busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
        push: settings.schemaPush,
        wal: true,
        // Each write (a transition with its audit entry, an import) commits whole or not at all;
        // libSQL begins them IMMEDIATE, taking the write lock up front. See serializeSqliteTransactions.
        transactionOptions: {},
      })
    case 'postgres':
      return postgresAdapter({
        pool: { connectionString: settings.databaseUrl },
        push: settings.schemaPush,
        migrationDir: path.resolve('migrations/postgres'),
        prodMigrations: postgresMigrations,
      })
    case 'mongodb':
      // MongoDB has no schema to migrate.
      return mongooseAdapter({ url: settings.databaseUrl })
  }
}
