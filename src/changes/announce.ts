import { randomUUID } from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import { postgresTransaction } from '../transaction'
import { type Change, ChangeFeed } from './feed'

/** The NOTIFY channel on which PostgreSQL carries committed changes to every server process. */
export const CHANGES_CHANNEL = 'phrasebook_changes'

type FeedOfDatabase = { feed: ChangeFeed; sender: string }

const REGISTRY_KEY = Symbol.for('phrasebook.changeFeeds')
/**
 * One feed per database for the whole process: the admin's Payload (bundled inside Next) and the
 * server's are two instances on one database, and a change either makes must reach the caches
 * both follow.
 */
const FEEDS: Map<string, FeedOfDatabase> = ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] ??= new Map()) as Map<string, FeedOfDatabase>

/** Each Payload instance's feed, and the changes made inside its transactions that have not ended. */
const wired = new WeakMap<Payload, FeedOfDatabase & { uncommitted: Map<number | string, Change[]> }>()

type TransactionID = number | string | Promise<number | string>

/**
 * Wires `payload` to its database's change feed: what a transaction announces is published when
 * that transaction commits (followers then read what it wrote), and dropped if it rolls back.
 */
export function announceOnCommit(payload: Payload, databaseUrl: string): void {
  let entry = FEEDS.get(databaseUrl)
  if (!entry) {
    entry = { feed: new ChangeFeed((error) => payload.logger.error({ err: error }, 'A cache failed to follow a change')), sender: randomUUID() }
    FEEDS.set(databaseUrl, entry)
  }
  const { feed } = entry
  const pending = new Map<number | string, Change[]>()
  wired.set(payload, { ...entry, uncommitted: pending })
  const { db } = payload
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  db.commitTransaction = async (id: TransactionID) => {
    const transaction = await id
    await commit(transaction)
    const changes = pending.get(transaction)
    if (!changes) return
    pending.delete(transaction)
    feed.publish(changes)
  }
  db.rollbackTransaction = async (id: TransactionID) => {
    const transaction = await id
    pending.delete(transaction)
    await rollback(transaction)
  }
}

/** The change feed of `payload`'s database, as this process sees it. */
export function changeFeedOf(payload: Payload): ChangeFeed {
  const entry = wired.get(payload)
  if (!entry) throw new Error('This Payload instance was not started with the Phrasebook config (no change feed).')
  return entry.feed
}

/** Tells apart this process's own notifications from other processes' (PostgreSQL echoes them). */
export function senderOf(payload: Payload): string {
  return wired.get(payload)!.sender
}

/**
 * Announces a change to `change.collection`: to this process's caches when the transaction of
 * `req` commits (at once without one: the write is already committed), and on PostgreSQL to
 * every other process by a NOTIFY sent inside that transaction, which PostgreSQL delivers only if
 * and when it commits.
 */
export async function announceChange(payload: Payload, change: Change, req?: Partial<PayloadRequest>): Promise<void> {
  const entry = wired.get(payload)
  if (!entry) return
  const transaction = await req?.transactionID
  const open = transaction !== undefined && Boolean((payload.db as unknown as { sessions?: Record<string, unknown> }).sessions?.[String(transaction)])
  if (!open) entry.feed.publish([change])
  if (payload.db.name === 'postgres') {
    const notice = JSON.stringify({ sender: entry.sender, ...change })
    const { sql } = await import('@payloadcms/db-postgres')
    if (open) await (await postgresTransaction(req!)).execute(sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${notice})`)
    else {
      // The write has committed: a notification that fails to go out is for the safety net, not the writer.
      const { pool } = payload.db as unknown as { pool: { query: (text: string, values: unknown[]) => Promise<unknown> } }
      await pool.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, notice]).catch((error: Error) => payload.logger.warn({ err: error }, 'A change was not sent to the other processes'))
    }
  }
  if (!open) return
  const pending = entry.uncommitted
  pending.set(transaction!, [...(pending.get(transaction!) ?? []), change])
}
