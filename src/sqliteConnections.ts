import type { Payload } from 'payload'

type LibsqlTransaction = { commit: () => Promise<void>; rollback: () => Promise<void>; close: () => void }
type LibsqlClient = { transaction: (mode?: string) => Promise<LibsqlTransaction>; execute: (sql: string) => Promise<unknown> }

const QUEUE_KEY = Symbol.for('phrasebook.sqliteTransactionQueues')
/**
 * One queue per database file for the whole process: the admin's Payload (bundled inside Next)
 * and the server's are two instances on the same file, and must take turns with each other too.
 */
const QUEUES: Map<string, Promise<void>> = ((globalThis as Record<symbol, unknown>)[QUEUE_KEY] ??= new Map()) as Map<string, Promise<void>>

/**
 * Makes SQLite transactions safe inside one Node process. libSQL is synchronous: a second
 * transaction's `BEGIN IMMEDIATE` waiting for the lock would block the event loop, and with it
 * the first transaction that holds the lock, until the busy timeout fails it. So this process's
 * transactions take turns here, waiting without blocking. Also, libSQL hands its connection to
 * each transaction and opens a new one for what comes next, without the busy timeout Payload
 * set on the first; every such connection gets it too (other processes may still hold the lock).
 */
export async function serializeSqliteTransactions(payload: Payload, busyTimeoutMs: number): Promise<void> {
  if (payload.db.name !== 'sqlite') return
  const { client, clientConfig } = payload.db as unknown as { client: LibsqlClient; clientConfig: { url: string } }
  const begin = client.transaction.bind(client)
  client.transaction = async (mode) => {
    let release!: () => void
    const turn = new Promise<void>((resolve) => (release = resolve))
    const previous = QUEUES.get(clientConfig.url) ?? Promise.resolve()
    QUEUES.set(clientConfig.url, previous.then(() => turn))
    try {
      await waitedFor(previous, busyTimeoutMs)
      const transaction = await begin(mode)
      await client.execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
      const ending = (end: () => Promise<void>) => async () => {
        try {
          await end()
        } finally {
          release()
        }
      }
      transaction.commit = ending(transaction.commit.bind(transaction))
      transaction.rollback = ending(transaction.rollback.bind(transaction))
      return transaction
    } catch (error) {
      release()
      throw error
    }
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
