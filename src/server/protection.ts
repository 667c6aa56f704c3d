import type { IncomingMessage, ServerResponse } from 'node:http'

import cors from 'cors'
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import helmet from 'helmet'

import type { MessageKey } from '../delivery/messages'
import { MAX_DEPTH, MAX_LIMIT, MAX_WHERE_NESTING } from '../domain/queryBounds'
import { overriddenQuery } from './apiRequests'
import { DeliveryError } from '../delivery/request'
import { sendDeliveryError } from './deliveryRoutes'

/**
 * Security headers that keep the admin working: Next renders inline scripts and styles, and
 * Payload's admin loads images and workers from blob: URLs; everything comes from this origin,
 * and no page may be framed elsewhere.
 */
export const securityHeaders: RequestHandler = helmet({
  contentSecurityPolicy: {
    useDefaults: true,
    directives: {
      'script-src': ["'self'", "'unsafe-inline'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'worker-src': ["'self'", 'blob:'],
      'connect-src': ["'self'"],
      'frame-ancestors': ["'none'"],
      // Plain HTTP deployments behind a proxy must keep working.
      'upgrade-insecure-requests': null,
    },
  },
  strictTransportSecurity: false,
})

/** CORS for `/v1`: only the agent-tool origins configured in PHRASEBOOK_CORS_ORIGINS. */
export function deliveryCors(origins: string[]): RequestHandler {
  return cors({
    origin: origins.length ? origins : false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept-Language', 'If-None-Match'],
    exposedHeaders: ['ETag', 'RateLimit', 'RateLimit-Policy', 'Retry-After'],
    maxAge: 600,
  })
}

/**
 * For the fast path, which answers before Express: the same security and CORS headers Express
 * sets on every `/v1` answer (both middlewares set headers and go on at once).
 */
export function deliveryHeaders(corsOrigins: string[]): (req: IncomingMessage, res: ServerResponse) => void {
  const steps = [securityHeaders, deliveryCors(corsOrigins)]
  return (req, res) => {
    for (const step of steps) step(req as Request, res as Response, () => undefined)
  }
}

const MAX_WHERE_CONDITIONS = 40
const SINGLE_VALUED = ['limit', 'page', 'depth', 'pagination', 'draft', 'trash', 'locale', 'fallback-locale', 'fallbackLocale']

/**
 * Bounds on what one REST read may ask of the database: a page of at most MAX_LIMIT (no
 * `limit=0` or `pagination=false`, which mean "everything"), population at most MAX_DEPTH deep,
 * and a `where` of at most 40 conditions nested at most 8 levels. The admin stays within these.
 */
export const queryLimits: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
  const overridden = overriddenQuery(req)
  if (req.method !== 'GET' && !overridden) return next()
  const query = new URL(req.originalUrl, 'http://local').searchParams
  // A query sent as the body of a POST read counts as much as one in the address.
  for (const [name, value] of overridden ?? []) query.append(name, value)
  const problem = queryProblem(query)
  if (problem) sendDeliveryError(req, res, new DeliveryError(400, problem.code, problem.messageKey, problem.values))
  else next()
}

type QueryProblem = { code: 'query_too_broad' | 'invalid_query'; messageKey: MessageKey; values: Record<string, string | number> }

export function queryProblem(query: URLSearchParams): QueryProblem | null {
  const tooBroad = (messageKey: MessageKey, max: number): QueryProblem => ({ code: 'query_too_broad', messageKey, values: { max } })
  const limit = query.get('limit')
  if (limit !== null && !(/^\d+$/.test(limit) && Number(limit) >= 1 && Number(limit) <= MAX_LIMIT)) return tooBroad('query_limit', MAX_LIMIT)
  if (query.get('pagination') === 'false') return tooBroad('query_pagination', MAX_LIMIT)
  const depth = query.get('depth')
  if (depth !== null && !(/^\d+$/.test(depth) && Number(depth) <= MAX_DEPTH)) return tooBroad('query_depth', MAX_DEPTH)
  const where = [...query.keys()].filter((key) => key.startsWith('where'))
  if (where.length > MAX_WHERE_CONDITIONS) return tooBroad('query_where_conditions', MAX_WHERE_CONDITIONS)
  if (where.some((key) => (key.match(/\[/g) ?? []).length > MAX_WHERE_NESTING)) return tooBroad('query_where_nesting', MAX_WHERE_NESTING)
  // Payload reads these as one value each, and fails on a list (`limit=1&limit=2`, `page[]=1`).
  for (const name of SINGLE_VALUED) {
    const given = [...query.keys()].filter((key) => key === name || key.startsWith(`${name}[`))
    if (given.length > 1 || (given.length === 1 && given[0] !== name)) return { code: 'invalid_query', messageKey: 'query_single_value', values: { name } }
  }
  // Payload reads a bare `where` (or `data`) as JSON, and fails on anything else.
  for (const name of ['where', 'data']) {
    const json = query.get(name)
    if (json !== null && json !== '' && !isJsonObject(json)) return { code: 'invalid_query', messageKey: 'query_json_object', values: { name } }
  }
  return null
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
  } catch {
    return false
  }
}
