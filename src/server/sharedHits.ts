import { randomUUID } from 'node:crypto'

import type { ClientRateLimitInfo, IncrementResponse, Options, Store } from 'express-rate-limit'

import { MAX_NOTIFICATION_BYTES, type PostgresNotifications } from '../postgresNotifications'

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

const CHANNEL = 'phrasebook_rate_limit_hits'

/**
 * Hits travel between the processes on one PostgreSQL database by NOTIFY/LISTEN: no table, so
 * nothing to migrate or back up, and a process that starts late (or lost its listening
 * connection for a moment) only misses the hits of that gap.
 */
export class PostgresHitExchange implements HitExchange {
  private readonly sender = randomUUID()
  private readonly receivers = new Map<string, Set<(window: number, hits: Hits) => void>>()

  private constructor(private readonly notifications: PostgresNotifications) {}

  static async start(notifications: PostgresNotifications): Promise<PostgresHitExchange> {
    const exchange = new PostgresHitExchange(notifications)
    await notifications.receive(CHANNEL, (payload) => exchange.deliver(payload))
    return exchange
  }

  publish(counter: string, window: number, hits: Hits): void {
    for (const part of parts(hits)) this.notifications.send(CHANNEL, JSON.stringify({ sender: this.sender, counter, window, hits: part }))
  }

  subscribe(counter: string, receive: (window: number, hits: Hits) => void): () => void {
    const receivers = this.receivers.get(counter) ?? new Set()
    this.receivers.set(counter, receivers.add(receive))
    return () => receivers.delete(receive)
  }

  private deliver(payload: string): void {
    let notice: { sender?: unknown; counter?: unknown; window?: unknown; hits?: unknown }
    try {
      notice = JSON.parse(payload)
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
    if (bytes + size > MAX_NOTIFICATION_BYTES && bytes > 0) {
      all.push({})
      bytes = 0
    }
    all[all.length - 1]![key] = count
    bytes += size
  }
  return all
}
