import express, { type NextFunction, type Request, type Response, type Router } from 'express'
import type { Payload } from 'payload'

import { convertRoute } from './convertRoute'
import { sendError } from './errors'

declare module 'express-serve-static-core' {
  interface Request {
    /** The API client or person the request is authenticated as (see `authenticate`). */
    principal?: { collection: string; id: string | number; name?: string }
  }
}

/**
 * Agent tools authenticate with an API client key (`Authorization: api-clients API-Key <key>`)
 * or a signed-in person's token; anything else is 401.
 */
function authenticate(payload: Payload) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const headers = new Headers()
    for (const name of ['authorization', 'cookie']) {
      const value = req.headers[name]
      if (typeof value === 'string') headers.set(name, value)
    }
    const { user } = await payload.auth({ headers })
    const enabled = user && (user.collection !== 'api-clients' || (user as { enabled?: boolean }).enabled !== false)
    if (!user || !enabled) {
      sendError(res, 401, 'unauthorized', 'Send an API client key (Authorization: api-clients API-Key <key>) or sign in.')
      return
    }
    req.principal = { collection: user.collection, id: user.id, name: (user as { name?: string }).name }
    next()
  }
}

/** The delivery API for agent tools; its routes are added by the delivery module. */
export function v1Router(payload: Payload): Router {
  const router = express.Router()
  router.use(authenticate(payload))
  router.get('/', (_req, res) => {
    res.json({ name: 'Phrasebook CMS delivery API', version: 1 })
  })
  router.post('/convert', convertRoute(payload))
  router.use((req, res) => sendError(res, 404, 'not_found', `No route ${req.method} ${req.baseUrl}${req.path}.`))
  return router
}
