import cors from 'cors'
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import helmet from 'helmet'

import { MAX_DEPTH, MAX_LIMIT } from '../domain/queryBounds'
import { overriddenQuery } from './apiRequests'
import { sendError } from './errors'

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

const MAX_WHERE_CONDITIONS = 40
const MAX_WHERE_NESTING = 8
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
  if (problem) sendError(res, 400, problem.code, problem.message)
  else next()
}

export function queryProblem(query: URLSearchParams): { code: 'query_too_broad' | 'invalid_query'; message: string } | null {
  const tooBroad = (message: string) => ({ code: 'query_too_broad' as const, message })
  const limit = query.get('limit')
  if (limit !== null && !(/^\d+$/.test(limit) && Number(limit) >= 1 && Number(limit) <= MAX_LIMIT)) {
    return tooBroad(`"limit" must be 1 to ${MAX_LIMIT} (page through longer lists).`)
  }
  if (query.get('pagination') === 'false') return tooBroad(`"pagination=false" is not allowed on the REST API; page through the list (limit at most ${MAX_LIMIT}).`)
  const depth = query.get('depth')
  if (depth !== null && !(/^\d+$/.test(depth) && Number(depth) <= MAX_DEPTH)) return tooBroad(`"depth" must be 0 to ${MAX_DEPTH}.`)
  const where = [...query.keys()].filter((key) => key.startsWith('where'))
  if (where.length > MAX_WHERE_CONDITIONS) return tooBroad(`A "where" may hold at most ${MAX_WHERE_CONDITIONS} conditions.`)
  if (where.some((key) => (key.match(/\[/g) ?? []).length > MAX_WHERE_NESTING)) return tooBroad(`A "where" may nest at most ${MAX_WHERE_NESTING} levels.`)
  // Payload reads these as one value each, and fails on a list (`limit=1&limit=2`, `page[]=1`).
  for (const name of SINGLE_VALUED) {
    const given = [...query.keys()].filter((key) => key === name || key.startsWith(`${name}[`))
    if (given.length > 1 || (given.length === 1 && given[0] !== name)) return { code: 'invalid_query', message: `"${name}" takes one value.` }
  }
  // Payload reads a bare `where` (or `data`) as JSON, and fails on anything else.
  for (const name of ['where', 'data']) {
    const json = query.get(name)
    if (json !== null && json !== '' && !isJsonObject(json)) {
      return { code: 'invalid_query', message: `"${name}" given whole must be a JSON object, e.g. where={"key":{"equals":"opening.standard"}}.` }
    }
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
