import type { IncomingMessage, ServerResponse } from 'node:http'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import express, { type Express, type Request } from 'express'
import { handleEndpoints, type Payload, type SanitizedConfig } from 'payload'

import { message, messageLanguage } from '../delivery/messages'
import { BODY_LIMITS, checkedApiBody, readApiBody, readWholeBody, wellFormedPath, withErrorShape } from './apiRequests'
import { refuseUnknownApiKeys } from './credentials'
import { jsonErrorHandler, sendError } from './errors'
import { deliveryCors, queryLimits, securityHeaders } from './protection'
import { type DeliveryRateLimit, loginRateLimit } from './rateLimits'
import type { HitExchange } from './sharedHits'
import { type DeliveryParts, v1Router } from './v1'
import { sendWebResponse, toWebRequest } from './webRequest'

/**
 * Read-your-writes: a write through /api that changed what agents see (an approval, a withdrawal,
 * a scenario) has committed when its handler returns; the answer waits until this process's
 * snapshot has it, so the caller's next /v1 read here serves it. Other processes catch up through
 * the change feed. A failed refresh does not fail the write: the next change or check retries it.
 */
async function servedBeforeAnswering(payload: Payload, req: Request, response: globalThis.Response, delivery: DeliveryParts): Promise<void> {
  if (req.method === 'GET' || req.method === 'HEAD' || !response.ok) return
  await delivery.store.refreshNow().catch((error: unknown) => payload.logger.error({ err: error }, 'Delivery snapshot refresh after a write failed'))
}

type AppParts = {
  payload: Payload
  config: SanitizedConfig
  /** Next's request handler for /admin and Next's assets; absent in API-only mode. */
  nextHandler?: (req: IncomingMessage, res: ServerResponse) => Promise<void>
  delivery: DeliveryParts
  limits: { delivery: DeliveryRateLimit; loginsPerAddress: number; corsOrigins: string[]; hitExchange?: HitExchange }
}

/**
 * One process, one port: /healthz and /readyz, the delivery API under /v1, Payload's REST API
 * and GraphQL under /api (served from a Web Request, no Next in the path), and Next for the admin.
 */
export function createApp({ payload, config, nextHandler, delivery, limits }: AppParts): Express {
  const app = express()
  app.disable('x-powered-by')
  app.use(securityHeaders)

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) })
  })

  app.get('/readyz', async (_req, res) => {
    try {
      await payload.count({ collection: 'categories', overrideAccess: true })
      res.json({ status: 'ready', database: payload.db.name })
    } catch (error) {
      res.status(503).json({ error: { code: 'database_unreachable', message: String((error as Error).message) } })
    }
  })

  app.use('/v1', readWholeBody(() => BODY_LIMITS.delivery), wellFormedPath, deliveryCors(limits.corsOrigins), limits.delivery.middleware, v1Router(payload, delivery))

  const apiRoute = config.routes.api
  app.use(apiRoute, readApiBody, wellFormedPath, refuseUnknownApiKeys(delivery.credentials))
  app.post(`${apiRoute}/users/login`, loginRateLimit(limits.loginsPerAddress, limits.hitExchange))
  app.use(apiRoute, queryLimits, checkedApiBody)
  // GraphQL needs no Next either: its handler takes a Web Request too.
  const graphQL = GRAPHQL_POST(Promise.resolve(config))
  app.post(apiRoute + config.routes.graphQL, async (req, res) => {
    const response = await graphQL(toWebRequest(req))
    await servedBeforeAnswering(payload, req, response, delivery)
    await sendWebResponse(response, res)
  })
  app.use(apiRoute, async (req, res) => {
    const response = await handleEndpoints({ config, request: toWebRequest(req) })
    await servedBeforeAnswering(payload, req, response, delivery)
    await sendWebResponse(await withErrorShape(response), res)
  })

  if (nextHandler) {
    app.get('/', (_req, res) => res.redirect(config.routes.admin))
    // Not nextHandler directly: Express's third argument would be taken for Next's parsedUrl.
    app.all('/{*path}', (req, res) => nextHandler(req, res))
  } else {
    app.use((req, res) => sendError(res, 404, 'not_found', message('route_not_found', messageLanguage(req.headers['accept-language']), { method: req.method, path: req.path })))
  }
  app.use(jsonErrorHandler)
  return app
}
