import { type Client, type Config, createClient, type InStatement, type ResultSet, type Transaction, type TransactionMode } from '@libsql/client'
import type { Payload } from 'payload'

const QUEUE_KEY = Symbol.for('phrasebook.sqliteTransactionQueues')
/**
 * One queue per database file for the whole process: the admin's Payload (bundled inside Next)
 * and the server's are two instances on the same file, and must take turns with each other too.
 */
const QUEUES: Map<string, Promise<void>> = ((globalThis as Record<symbol, unknown>)[QUEUE_KEY] ??= new Map()) as Map<string, Promise<void>>

const BEGIN: Record<TransactionMode, string> = { write: 'BEGIN IMMEDIATE', read: 'BEGIN TRANSACTION READONLY', deferred: 'BEGIN DEFERRED' }

/**
 * Makes SQLite transactions safe inside one Node process, and cheap.
 *
 * libSQL is synchronous: a second transaction's `BEGIN IMMEDIATE` waiting for the lock would block
 * the event loop, and with it the first transaction that holds the lock, until the busy timeout
 * fails it. So this process's transactions take turns here, waiting without blocking.
 *
 * Taking turns, they can all run on one connection of their own. libSQL's `transaction()` hands
 * its connection to the transaction and opens a new one for what comes next, and nothing closes
 * the old ones before garbage collection: seeding the library left over 1,100 descriptors open,
 * and under the common limit of 1,024 open files `npm start` failed while seeding.
 */
export async function serializeSqliteTransactions(payload: Payload, busyTimeoutMs: number): Promise<void> {
  if (payload.db.name !== 'sqlite') return
  const { client, clientConfig } = payload.db as unknown as { client: Client; clientConfig: Config }
  const connection = createClient(clientConfig)
  // Other processes may hold the lock: wait for it as Payload's own connection does.
  await connection.execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
  client.transaction = async (mode: TransactionMode = 'write') => {
    let release!: () => void
    const turn = new Promise<void>((resolve) => (release = resolve))
    const previous = QUEUES.get(clientConfig.url) ?? Promise.resolve()
    QUEUES.set(clientConfig.url, previous.then(() => turn))
    try {
      await waitedFor(previous, busyTimeoutMs)
      await connection.execute(BEGIN[mode])
      return transactionOn(connection, release)
    } catch (error) {
      release()
      throw error
    }
  }
  const destroy = payload.db.destroy?.bind(payload.db)
  payload.db.destroy = async () => {
    connection.close()
    await destroy?.()
  }
}

/** A transaction begun on `connection`; the connection's next transaction may begin when it ends. */
function transactionOn(connection: Client, ended: () => void): Transaction {
  let closed = false
  const open = () => {
    if (closed) throw new Error('SQLite: the transaction is closed')
  }
  const end = async (statement: 'COMMIT' | 'ROLLBACK') => {
    if (closed) return
    closed = true
    try {
      await connection.execute(statement)
    } catch (error) {
      // SQLite has already rolled back after some errors (a full disk, say): nothing to undo.
      if (statement === 'ROLLBACK' && /no transaction is active/.test(String(error))) return
      // A failed COMMIT leaves the transaction open: roll it back, or the next one could not begin.
      await connection.execute('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      ended()
    }
  }
  return {
    execute: async (statement: InStatement) => {
      open()
      return connection.execute(statement)
    },
    batch: async (statements: InStatement[]) => {
      const results: ResultSet[] = []
      for (const statement of statements) {
        open()
        results.push(await connection.execute(statement))
      }
      return results
    },
    executeMultiple: async (sql: string) => {
      open()
      return connection.executeMultiple(sql)
    },
    commit: () => end('COMMIT'),
    rollback: () => end('ROLLBACK'),
    close: () => void end('ROLLBACK').catch(() => undefined),
    get closed() {
      return closed
    },
  }
}

/** A turn that never comes is an error (as SQLITE_BUSY would be), not a hang. */
async function waitedFor(turn: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      turn,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`SQLite: waited ${timeoutMs} ms for another write to finish (database is locked)`)), timeoutMs)
      }),
    ])
  } finally {
    clearTimeout(timer)
  }
}
