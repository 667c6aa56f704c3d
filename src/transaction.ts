import type { sql } from '@payloadcms/db-postgres'
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

/**
 * Runs `work` in one database transaction carried by `req`, or in the one `req` already has.
 * Where the adapter has no transactions (Payload's SQLite adapter by default) it just runs.
 */
export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const started = await initTransaction(req)
  try {
    const result = await work()
    if (started) await commitTransaction(req)
    return result
  } catch (error) {
    if (started) await killTransaction(req)
    throw error
  }
}

type PostgresSession = { db: { execute: (query: string | ReturnType<typeof sql>) => Promise<unknown> } }

/** The connection of `req`'s PostgreSQL transaction, for statements Payload has no call for (locks). */
export async function postgresTransaction(req: Partial<PayloadRequest>): Promise<PostgresSession['db']> {
  const transactionID = await req.transactionID
  if (!transactionID) throw new Error('No transaction is open on this request')
  return (req.payload!.db as unknown as { sessions: Record<string, PostgresSession> }).sessions[String(transactionID)]!.db
}

/**
 * Holds `table`'s row `id` until `req`'s transaction ends, so that what the transaction read of
 * it and decides from it stays true until it commits: a second transaction locking the same row
 * waits, then reads what the first wrote. PostgreSQL: `SELECT … FOR UPDATE` on the transaction's
 * connection. SQLite needs nothing: each transaction begins IMMEDIATE, holding the database's
 * write lock throughout (see serializeSqliteTransactions). MongoDB is not covered.
 */
export async function lockForUpdate(req: PayloadRequest, table: string, id: number | string): Promise<void> {
  if (req.payload.db.name !== 'postgres') return
  // Loaded here, not at start: a server on SQLite never loads the PostgreSQL adapter.
  const { sql } = await import('@payloadcms/db-postgres')
  await (await postgresTransaction(req)).execute(sql`SELECT 1 FROM ${sql.identifier(table)} WHERE id = ${id} FOR UPDATE`)
}
