import { randomUUID } from 'node:crypto'

import type { ClientRateLimitInfo, IncrementResponse, Options, Store } from 'express-rate-limit'

type Hits = Record<string, number>

/** How server processes tell each other of the hits they counted: what one publishes, the others receive. */
export interface HitExchange {
  publish(counter: string, window: number, hits: Hits): void
  subscribe(counter: string, receive: (window: number, hits: Hits) => void): () => void
}

/**
 * An express-rate-limit store whose counts all server processes share, so a client spread over
 * N processes by a load balancer gets the limit, not N times it. Windows are fixed and aligned
 * to the clock (the Nth minute since the epoch is the same window in every process). A request
 * is counted in memory at once (nothing waits on the database, the fast path included); every
 * `shareEveryMs` the hits counted since are sent to the other processes, so each process is
 * behind the others by at most that interval's hits.
 */
export class SharedHitStore implements Store {
  readonly localKeys = false
  private windowMs = 60_000
  private window = -1
  /** Hits in the current window, of every process. */
  private readonly counts = new Map<string, number>()
  /** Hits this process counted that the others have not been told of yet. */
  private readonly unshared = new Map<string, number>()
  private timer: NodeJS.Timeout | undefined
  private unsubscribe: (() => void) | undefined

  constructor(
    private readonly counter: string,
    private readonly exchange: HitExchange,
    private readonly shareEveryMs = 200,
  ) {}

  init(options: Pick<Options, 'windowMs'>): void {
    this.windowMs = options.windowMs
    this.unsubscribe = this.exchange.subscribe(this.counter, (window, hits) => this.receive(window, hits))
    this.timer = setInterval(() => this.share(), this.shareEveryMs)
    this.timer.unref()
  }

  get(key: string): ClientRateLimitInfo | undefined {
    this.roll()
    const totalHits = this.counts.get(key)
    return totalHits === undefined ? undefined : { totalHits, resetTime: this.resetTime() }
  }

  increment(key: string): IncrementResponse {
    return { totalHits: this.add(key, 1), resetTime: this.resetTime() }
  }

  /** A hit that should not count (express-rate-limit's skipSuccessfulRequests), for every process. */
  decrement(key: string): void {
    this.add(key, -1)
  }

  /** Forgets a client's hits in this process only (the others forget at the end of the window). */
  resetKey(key: string): void {
    this.counts.delete(key)
    this.unshared.delete(key)
  }

  shutdown(): void {
    clearInterval(this.timer)
    this.share()
    this.unsubscribe?.()
  }

  private add(key: string, hits: number): number {
    this.roll()
    const total = Math.max(0, (this.counts.get(key) ?? 0) + hits)
    this.counts.set(key, total)
    this.unshared.set(key, (this.unshared.get(key) ?? 0) + hits)
    return total
  }

  private receive(window: number, hits: Hits): void {
    this.roll()
    // Hits of another window (the end of the last one, or a clock a little ahead) are not this window's.
    if (window !== this.window) return
    for (const [key, count] of Object.entries(hits)) this.counts.set(key, Math.max(0, (this.counts.get(key) ?? 0) + count))
  }

  private share(): void {
    if (this.unshared.size === 0) return
    const hits = Object.fromEntries(this.unshared)
    this.unshared.clear()
    this.exchange.publish(this.counter, this.window, hits)
  }

  /** A new window starts everyone at zero, after the last window's hits went to the others. */
  private roll(): void {
    const window = Math.floor(Date.now() / this.windowMs)
    if (window === this.window) return
    this.share()
    this.window = window
    this.counts.clear()
  }

  private resetTime(): Date {
    return new Date((this.window + 1) * this.windowMs)
  }
}

type PgNotification = { channel: string; payload?: string }
type PgClient = {
  query: (sql: string) => Promise<unknown>
  on: ((event: 'notification', listener: (message: PgNotification) => void) => unknown) & ((event: 'error', listener: (error: Error) => void) => unknown)
  off: ((event: 'notification', listener: (message: PgNotification) => void) => unknown) & ((event: 'error', listener: (error: Error) => void) => unknown)
  release: (destroy?: boolean) => void
}
export type PgPool = { connect: () => Promise<PgClient>; query: (sql: string, values: unknown[]) => Promise<unknown> }

const CHANNEL = 'phrasebook_rate_limit_hits'
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7000
const RECONNECT_MS = 1000

/**
 * Hits travel between the processes on one PostgreSQL database by NOTIFY/LISTEN: no table, so
 * nothing to migrate or back up, and a process that starts late only misses the hits of the
 * current window. One pooled connection listens; a lost one is replaced within a second.
 */
export class PostgresHitExchange implements HitExchange {
  private readonly sender = randomUUID()
  private readonly receivers = new Map<string, Set<(window: number, hits: Hits) => void>>()
  private listener: PgClient | undefined
  private stopped = false
  private retry: NodeJS.Timeout | undefined
  private readonly lostClients = new WeakSet<PgClient>()

  private constructor(
    private readonly pool: PgPool,
    private readonly log: (message: string) => void,
  ) {}

  static async start(pool: PgPool, log: (message: string) => void): Promise<PostgresHitExchange> {
    const exchange = new PostgresHitExchange(pool, log)
    await exchange.listen()
    return exchange
  }

  publish(counter: string, window: number, hits: Hits): void {
    for (const part of parts(hits)) {
      const payload = JSON.stringify({ sender: this.sender, counter, window, hits: part })
      this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch((error: Error) => this.log(`Rate limit hits not shared: ${error.message}`))
    }
  }

  subscribe(counter: string, receive: (window: number, hits: Hits) => void): () => void {
    const receivers = this.receivers.get(counter) ?? new Set()
    this.receivers.set(counter, receivers.add(receive))
    return () => receivers.delete(receive)
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.retry)
    const listener = this.listener
    this.listener = undefined
    if (!listener) return
    // It still listens: closed rather than given back, so the pool never lends out a listening
    // connection, and our handlers hear nothing more of it (an error after that released it twice).
    this.forget(listener)
    listener.release(true)
  }

  private readonly onNotification = (message: PgNotification) => this.deliver(message)
  private readonly errorHandlers = new WeakMap<PgClient, (error: Error) => void>()

  private forget(client: PgClient): void {
    client.off('notification', this.onNotification)
    const onError = this.errorHandlers.get(client)
    if (onError) client.off('error', onError)
  }

  private async listen(): Promise<void> {
    let client: PgClient | undefined
    try {
      client = await this.pool.connect()
      const connected = client
      const onError = (error: Error) => this.lost(connected, error)
      this.errorHandlers.set(client, onError)
      client.on('notification', this.onNotification)
      client.on('error', onError)
      await client.query(`LISTEN ${CHANNEL}`)
      this.listener = client
    } catch (error) {
      if (client) this.lost(client, error as Error)
      else this.reconnect(error as Error)
    }
  }

  private lost(client: PgClient, error: Error): void {
    // A connection can report its loss twice (its error event, then the failed LISTEN): it is
    // given back once, or the pool throws, out of an event handler, and the process ends.
    if (this.lostClients.has(client)) return
    this.lostClients.add(client)
    if (this.listener === client) this.listener = undefined
    client.release(true)
    this.reconnect(error)
  }

  private reconnect(error: Error): void {
    if (this.stopped) return
    this.log(`Rate limit hits are not received from other processes until PostgreSQL answers again: ${error.message}`)
    clearTimeout(this.retry)
    this.retry = setTimeout(() => void this.listen(), RECONNECT_MS)
    this.retry.unref()
  }

  private deliver(message: PgNotification): void {
    if (message.channel !== CHANNEL || !message.payload) return
    let notice: { sender?: unknown; counter?: unknown; window?: unknown; hits?: unknown }
    try {
      notice = JSON.parse(message.payload)
    } catch {
      // Anyone with access to the database can notify this channel: what is not ours is ignored.
      return
    }
    const { sender, counter, window, hits } = notice
    if (sender === this.sender || typeof counter !== 'string' || !Number.isInteger(window) || !isHits(hits)) return
    for (const receive of this.receivers.get(counter) ?? []) receive(window as number, hits)
  }
}

const isHits = (value: unknown): value is Hits =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((count) => Number.isInteger(count))

/** The hits in parts that each fit in one notification. */
function parts(hits: Hits): Hits[] {
  const all: Hits[] = [{}]
  let bytes = 0
  for (const [key, count] of Object.entries(hits)) {
    const size = Buffer.byteLength(JSON.stringify(key)) + 12
    if (bytes + size > MAX_PAYLOAD_BYTES && bytes > 0) {
      all.push({})
      bytes = 0
    }
    all[all.length - 1]![key] = count
    bytes += size
  }
  return all
}
