import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import pg from 'pg'

import { type PgPool, PostgresNotifications } from '../src/postgresNotifications'
import { PostgresHitExchange, SharedHitStore } from '../src/server/sharedHits'
import { freshPostgresUrl } from './helpers/databases'
import { eventually } from './helpers/wait'

const SHARE_EVERY_MS = 50
/** Long enough for hits to be shared that should not be (a new window). */
const settle = () => new Promise((resolve) => setTimeout(resolve, SHARE_EVERY_MS * 6))
/** Hits that should be shared are, within a few seconds even on a busy machine (usually one interval). */
const shared = (check: () => void) => eventually(check, { withinMs: 5_000, stepMs: SHARE_EVERY_MS })

/**
 * Rate limit counts shared by NOTIFY/LISTEN on a real PostgreSQL server: each "process" here is
 * its own pool, exchange and store, as two server processes would have.
 */
describe('rate limit hits shared between processes on one PostgreSQL database', () => {
  const pools: pg.Pool[] = []
  const listeners: PostgresNotifications[] = []
  const stores: SharedHitStore[] = []

  const serverProcess = async (counter = 'delivery', windowMs = 60_000) => {
    const pool = new pg.Pool({ connectionString: url, max: 3 })
    pools.push(pool)
    const notifications = await PostgresNotifications.start(pool as unknown as PgPool, (line) => logged.push(line))
    listeners.push(notifications)
    const exchange = await PostgresHitExchange.start(notifications)
    const store = new SharedHitStore(counter, exchange, SHARE_EVERY_MS)
    store.init({ windowMs })
    stores.push(store)
    return { pool, exchange, store }
  }
  let url: string
  const logged: string[] = []

  beforeAll(async () => {
    url = await freshPostgresUrl('shared_hits')
  })
  afterAll(async () => {
    for (const store of stores) store.shutdown()
    for (const notifications of listeners) await notifications.stop()
    for (const pool of pools) await pool.end()
  })

  it('counts a client\'s hits on every process, within one sharing interval', async () => {
    const [a, b, c] = [await serverProcess(), await serverProcess(), await serverProcess()]
    for (let n = 0; n < 5; n++) a.store.increment('api-clients:1')
    for (let n = 0; n < 3; n++) b.store.increment('api-clients:1')
    b.store.increment('api-clients:2')
    // At once, each process knows its own hits...
    expect(a.store.get('api-clients:1')?.totalHits).toBe(5)
    // ...and soon the others' too.
    await shared(() => {
      for (const { store } of [a, b, c]) {
        expect(store.get('api-clients:1')?.totalHits).toBe(8)
        expect(store.get('api-clients:2')?.totalHits).toBe(1)
      }
    })
    expect(c.store.increment('api-clients:1').totalHits).toBe(9)
    // Whatever else is sent on the channel is ignored, and breaks nothing.
    for (const junk of ['not json', '{"sender":"x","counter":"delivery","window":"now","hits":{}}', '{"sender":"x","counter":"delivery","window":1,"hits":{"k":"many"}}']) {
      await a.pool.query('SELECT pg_notify($1, $2)', ['phrasebook_rate_limit_hits', junk])
    }
    // A hit taken back (a successful sign-in) is taken back everywhere.
    a.store.decrement('api-clients:2')
    await shared(() => expect(b.store.get('api-clients:2')?.totalHits).toBe(0))
    expect(logged).toEqual([])
  })

  it('keeps counters apart and starts every process at zero in a new window', async () => {
    const [a, b] = [await serverProcess('sign-in', 1000), await serverProcess('delivery', 1000)]
    // Wait for the start of a window, so the hits below fall in one.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20))
    a.store.increment('ip:10.0.0.1')
    const { resetTime } = a.store.increment('ip:10.0.0.1')
    expect(resetTime!.getTime() % 1000).toBe(0)
    await settle()
    expect(b.store.get('ip:10.0.0.1')).toBeUndefined()
    await new Promise((resolve) => setTimeout(resolve, resetTime!.getTime() - Date.now() + 20))
    expect(a.store.get('ip:10.0.0.1')).toBeUndefined()
    expect(a.store.increment('ip:10.0.0.1').totalHits).toBe(1)
  })

  it('shares thousands of clients in notifications under PostgreSQL\'s size limit', async () => {
    const [a, b] = [await serverProcess('many'), await serverProcess('many')]
    const keys = Array.from({ length: 3000 }, (_, n) => `ip:2001:db8:${n.toString(16)}::/56`)
    for (const key of keys) a.store.increment(key)
    await shared(() => expect(keys.filter((key) => b.store.get(key)?.totalHits !== 1)).toEqual([]))
    expect(logged).toEqual([])
  })

  it('listens again after its connection is lost', async () => {
    const [a, b] = [await serverProcess('reconnect'), await serverProcess('reconnect')]
    // Ends b's listening connection from the server side, as a PostgreSQL restart would.
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    // Only this test's database: other test files' servers listen on theirs.
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN phrasebook_rate_limit_hits' AND datname = current_database() AND pid <> pg_backend_pid()`,
    )
    await admin.end()
    await eventually(() => expect(logged.some((line) => line.includes('not received from other processes'))).toBe(true), { withinMs: 3000 })
    // Hits sent before b listens again are lost (that is what the log line says): a new client's
    // hit each time, until one reaches b.
    let client = 0
    await eventually(
      async () => {
        const key = `api-clients:reconnect-${++client}`
        a.store.increment(key)
        await settle()
        expect(b.store.get(key)?.totalHits).toBe(1)
      },
      { withinMs: 15_000, stepMs: 0 },
    )
    logged.length = 0
  })

  it('closes its listening connection when it stops: the pool never lends it out, and a later error is not its business', async () => {
    const pool = new pg.Pool({ connectionString: url, max: 1 })
    pools.push(pool)
    const notifications = await PostgresNotifications.start(pool as unknown as PgPool, (line) => logged.push(line))
    await PostgresHitExchange.start(notifications)
    await notifications.stop()
    // The listening connection is closed, not kept idle in the pool (a server restart would kill it there, and the pool would throw).
    expect(pool.totalCount).toBe(0)
    const client = await pool.connect()
    client.on('error', () => {})
    client.emit('error', new Error('Connection terminated unexpectedly'))
    // Had the exchange still listened to it, it would have given it back already, and this would throw.
    expect(() => client.release()).not.toThrow()
  })
})
