import { createServer, type Server, STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import next from 'next'
import { getPayload, type Payload } from 'payload'

import { ensureFirstAdmin } from '../bootstrap'
import { createPayloadConfig } from '../createPayloadConfig'
import type { Settings } from '../settings'
import { loadStandardLibrary } from '../../seed/load'
import { message, messageLanguage } from '../delivery/messages'
import { PhraseSearch } from '../delivery/search'
import { PhraseSuggest } from '../delivery/suggest'
import { WebhookRunner } from '../webhooks/runner'
import { type DeliveryStore, startDeliveryStore } from '../delivery/store'
import { hearOtherProcesses } from '../changes/otherProcesses'
import { startScheduler } from '../jobs/scheduler'
import { type PgPool, PostgresNotifications } from '../postgresNotifications'
import { createApp } from './app'
import { CredentialCache } from './credentials'
import { ResponseCache } from './deliveryRoutes'
import { DeliveryEvents } from './events'
import { deliveryFastPath } from './fastPath'
import { DeliveryRateLimit } from './rateLimits'
import { PostgresHitExchange } from './sharedHits'
import { UsageRecorder } from './usage'

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export type RunningServer = {
  server: Server
  payload: Payload
  url: string
  store: DeliveryStore
  responses: ResponseCache
  usage: UsageRecorder
  events: DeliveryEvents
  close: () => Promise<void>
}

/**
 * The admin bundle reads its Payload config from the environment, and Next inlines
 * NODE_ENV=production into it: hand it the resolved values (secrets included) so both sides agree.
 */
function shareSettingsWithAdmin(settings: Settings): void {
  process.env.DATABASE_URL = settings.databaseUrl
  process.env.PAYLOAD_SECRET = settings.payloadSecret
  process.env.PHRASEBOOK_AUDIT_KEY = settings.auditKey
  process.env.PHRASEBOOK_DATA_DIR = settings.dataDir
}

/**
 * A request Node cannot parse (headers or address over 16 KB, broken HTTP) never reaches the app:
 * answer it in the API's JSON error shape anyway, and close the connection cleanly so the client
 * does not reuse it.
 */
function answerUnparsableRequest(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy()
    return
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW'
  const status = tooLarge ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
  const code = tooLarge ? 'headers_too_large' : 'bad_request'
  // No header was read, so no Accept-Language either: the default language.
  const body = JSON.stringify({ error: { code, message: message(code, messageLanguage(undefined)) } })
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
}

/**
 * Payload keeps the instances getPayload made in a global map, destroyed ones too: the next
 * start in this process (a test, a benchmark, an embedder) would get the closed instance of the
 * previous one, on the previous database.
 */
function forgetPayloadInstance(): void {
  ;(globalThis as { _payload?: Map<string, unknown> })._payload?.delete('default')
}

export async function startServer(settings: Settings, options: { admin?: boolean } = {}): Promise<RunningServer> {
  const config = await createPayloadConfig(settings)
  // Payload's default key: the admin (bundled inside Next) asks getPayload for the same key and so
  // shares this instance instead of starting a second one (which would run the migrations).
  const payload = await getPayload({ config })
  await ensureFirstAdmin(payload, settings)
  if (settings.seed) {
    await loadStandardLibrary(payload, { auditKey: settings.auditKey, log: (line) => payload.logger.info(line) })
  }

  const stopScheduler = settings.schedulerIntervalMs > 0 ? startScheduler(payload, settings.schedulerIntervalMs) : async () => {}
  // The processes on one PostgreSQL database tell each other of changes and rate limit hits.
  const notifications =
    payload.db.name === 'postgres'
      ? await PostgresNotifications.start((payload.db as unknown as { pool: PgPool }).pool, (line) => payload.logger.warn(line))
      : undefined
  // Heard before the snapshot loads: nothing committed in between is missed.
  const stopHearing = await hearOtherProcesses(payload, notifications)
  const store = await startDeliveryStore(payload)
  const usage = new UsageRecorder(payload)
  usage.countRecentUses().catch((error: unknown) => payload.logger.error({ err: error }, 'Could not count the recent phrase uses search ranks by'))

  let nextHandler
  let nextApp: ReturnType<typeof next> | undefined
  if (options.admin !== false) {
    shareSettingsWithAdmin(settings)
    nextApp = next({ dev: false, dir: PROJECT_ROOT })
    await nextApp.prepare()
    nextHandler = nextApp.getRequestHandler()
  }
  const credentials = new CredentialCache(payload)
  const events = new DeliveryEvents(payload, store, credentials)
  events.start()
  const search = new PhraseSearch(usage)
  const suggest = new PhraseSuggest(search)
  // Webhooks hear of a change as soon as this process's snapshot does (the writer's, at once).
  const webhooks = new WebhookRunner(payload)
  // The search and trigger indexes of each snapshot are built as soon as the store has it.
  const stopIndexing = [suggest.follow(store), store.onAdvance(() => void webhooks.run())]
  const delivery = {
    store,
    usage,
    responses: new ResponseCache(settings.timezone, settings.responseCacheBytes),
    credentials,
    events,
    search,
    suggest,
    timeZone: settings.timezone,
  }
  // Processes on one PostgreSQL database share their rate limit counts; SQLite is for one process.
  const hitExchange = notifications ? await PostgresHitExchange.start(notifications) : undefined
  const deliveryLimit = new DeliveryRateLimit(settings.deliveryRateLimit, delivery.credentials, hitExchange)
  const app = createApp({
    payload,
    config,
    nextHandler,
    delivery,
    limits: { delivery: deliveryLimit, loginsPerAddress: settings.loginRateLimit, corsOrigins: settings.corsOrigins, hitExchange },
  })
  const fastPath = deliveryFastPath(delivery, deliveryLimit, settings.corsOrigins)
  const server = createServer((req, res) => {
    fastPath(req, res).then(
      (answered) => answered || app(req, res),
      () => app(req, res),
    )
  })
  // Idle keep-alive connections outlive the client's and a load balancer's idle timeouts, so a
  // client never sends a request on a socket the server is closing (ECONNRESET).
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  server.on('clientError', answerUnparsableRequest)
  await new Promise<void>((resolve) => server.listen(settings.port, resolve))
  const { port } = server.address() as AddressInfo
  return {
    server,
    payload,
    store,
    responses: delivery.responses,
    usage,
    events,
    url: `http://localhost:${port}`,
    close: async () => {
      // Event streams never end on their own: ended first, or the server waits on them.
      await events.stop()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await stopScheduler()
      for (const stop of stopIndexing) stop()
      await webhooks.stop()
      await store.stop()
      await usage.stop()
      credentials.stop()
      await stopHearing()
      await notifications?.stop()
      await nextApp?.close()
      await payload.destroy()
      forgetPayloadInstance()
    },
  }
}
