import { type Config, createClient } from '@libsql/client'
import type { Payload } from 'payload'

import type { PostgresNotifications } from '../postgresNotifications'
import { CHANGES_CHANNEL, changeFeedOf, senderOf } from './announce'
import { ANYTHING, type Change } from './feed'

/** SQLite: how often this process asks whether anything committed (a read of one counter, no table). */
export const SQLITE_CHECK_MS = 100
/** PostgreSQL: notifications carry every change; this slow check only covers one lost in transit. */
export const POSTGRES_SAFETY_NET_MS = 10_000
/** MongoDB: no notifications here, so followers check their sources this often. */
const MONGODB_CHECK_MS = 1000

/**
 * Brings other processes' changes into this process's feed: on PostgreSQL by LISTEN (sent inside
 * each writing transaction, see `announceChange`), on SQLite by a cheap check of the database
 * file's data version. Returns the stop.
 */
export async function hearOtherProcesses(payload: Payload, notifications?: PostgresNotifications): Promise<() => Promise<void>> {
  const feed = changeFeedOf(payload)
  const anything = () => feed.publish([{ collection: ANYTHING }])
  const every = (ms: number, check: () => void | Promise<void>) => {
    const timer = setInterval(() => {
      Promise.resolve(check()).catch((error: unknown) => payload.logger.warn({ err: error }, 'Checking for changes by other processes failed'))
    }, ms)
    timer.unref()
    return async () => clearInterval(timer)
  }

  if (payload.db.name === 'postgres' && notifications) {
    const sender = senderOf(payload)
    await notifications.receive(
      CHANGES_CHANNEL,
      (notice) => {
        const change = heardChange(notice, sender)
        if (change) feed.publish([change])
      },
      // What was sent while the connection was down is lost: everyone checks again.
      anything,
    )
    return every(POSTGRES_SAFETY_NET_MS, anything)
  }
  if (payload.db.name === 'sqlite') {
    // A connection of its own that never writes: its data version moves with every commit, ours included.
    const connection = createClient((payload.db as unknown as { clientConfig: Config }).clientConfig)
    const dataVersion = async () => Number((await connection.execute('PRAGMA data_version')).rows[0]![0])
    let seen = await dataVersion()
    const stop = every(SQLITE_CHECK_MS, async () => {
      const now = await dataVersion()
      if (now === seen) return
      seen = now
      anything()
    })
    return async () => {
      await stop()
      connection.close()
    }
  }
  return every(MONGODB_CHECK_MS, anything)
}

/** A change another process announced, or null for our own echo and anything not ours. */
function heardChange(notice: string, ownSender: string): Change | null {
  let heard: { sender?: unknown; collection?: unknown }
  try {
    heard = JSON.parse(notice)
  } catch {
    // Anyone with access to the database can notify this channel.
    return null
  }
  const { sender, collection } = heard
  return sender === ownSender || typeof collection !== 'string' ? null : { collection }
}
