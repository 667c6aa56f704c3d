type PgNotification = { channel: string; payload?: string }
type PgClient = {
  query: (sql: string) => Promise<unknown>
  on: ((event: 'notification', listener: (message: PgNotification) => void) => unknown) & ((event: 'error', listener: (error: Error) => void) => unknown)
  off: ((event: 'notification', listener: (message: PgNotification) => void) => unknown) & ((event: 'error', listener: (error: Error) => void) => unknown)
  release: (destroy?: boolean) => void
}
export type PgPool = { connect: () => Promise<PgClient>; query: (sql: string, values: unknown[]) => Promise<unknown> }

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
export const MAX_NOTIFICATION_BYTES = 7000
const RECONNECT_MS = 1000

/**
 * What the server processes on one PostgreSQL database tell each other by NOTIFY/LISTEN (rate
 * limit hits, committed changes): one pooled connection listens on every channel of this
 * process. A lost connection is replaced within a second; whoever listens is told it is back,
 * since what was sent in between is lost.
 */
export class PostgresNotifications {
  private readonly receivers = new Map<string, (payload: string) => void>()
  private readonly reconnected = new Set<() => void>()
  private listener: PgClient | undefined
  private stopped = false
  private retry: NodeJS.Timeout | undefined
  private readonly lostClients = new WeakSet<PgClient>()
  private readonly errorHandlers = new WeakMap<PgClient, (error: Error) => void>()

  private constructor(
    private readonly pool: PgPool,
    private readonly log: (message: string) => void,
  ) {}

  static async start(pool: PgPool, log: (message: string) => void): Promise<PostgresNotifications> {
    const notifications = new PostgresNotifications(pool, log)
    await notifications.listen()
    return notifications
  }

  /** Receives every notification on `channel` (one receiver per channel); call before relying on it. */
  async receive(channel: string, receiver: (payload: string) => void, onReconnected?: () => void): Promise<void> {
    this.receivers.set(channel, receiver)
    if (onReconnected) this.reconnected.add(onReconnected)
    await this.listener?.query(`LISTEN ${channel}`)
  }

  /** Sends outside any transaction (a write's own changes are sent inside its transaction instead). */
  send(channel: string, payload: string): void {
    this.pool.query('SELECT pg_notify($1, $2)', [channel, payload]).catch((error: Error) => this.log(`Not sent to the other processes: ${error.message}`))
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

  private readonly onNotification = (message: PgNotification) => {
    if (message.payload) this.receivers.get(message.channel)?.(message.payload)
  }

  private forget(client: PgClient): void {
    client.off('notification', this.onNotification)
    const onError = this.errorHandlers.get(client)
    if (onError) client.off('error', onError)
  }

  private async listen(reconnecting = false): Promise<void> {
    let client: PgClient | undefined
    try {
      client = await this.pool.connect()
      const connected = client
      const onError = (error: Error) => this.lost(connected, error)
      this.errorHandlers.set(client, onError)
      client.on('notification', this.onNotification)
      client.on('error', onError)
      for (const channel of this.receivers.keys()) await client.query(`LISTEN ${channel}`)
      this.listener = client
      if (reconnecting) for (const callback of this.reconnected) callback()
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
    this.log(`Notifications are not received from other processes until PostgreSQL answers again: ${error.message}`)
    clearTimeout(this.retry)
    this.retry = setTimeout(() => void this.listen(true), RECONNECT_MS)
    this.retry.unref()
  }
}
