import type { IncomingMessage, ServerResponse } from 'node:http'

import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { type AugmentedRequest, ipKeyGenerator, MemoryStore, MINUTE, rateLimit, type Store } from 'express-rate-limit'

import { message, messageLanguage } from '../delivery/messages'
import type { CredentialCache, Principal } from './credentials'
import { type HitExchange, SharedHitStore } from './sharedHits'

const WINDOW_MS = MINUTE

/** Who a `/v1` request is counted against: the API client or person, else the address. */
const keyOf = (principal: Principal | null, ip: string | undefined) => (principal ? `${principal.collection}:${principal.id}` : `ip:${ipKeyGenerator(ip ?? '')}`)

const tooMany = (acceptLanguage: string | undefined, retryAfterSeconds: number) =>
  JSON.stringify({ error: { code: 'rate_limited', message: message('rate_limited', messageLanguage(acceptLanguage), { seconds: retryAfterSeconds }) } })

/** A client's count in the current window. */
type Count = { limit: number; used: number; resetTime?: Date }

const secondsToReset = ({ resetTime }: Count) => Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + WINDOW_MS) - Date.now()) / 1000))

/**
 * The IETF RateLimit headers (draft 8 form), written here for both paths, Express and the fast
 * path, so that a cached answer carries the same ones as an uncached one; over the limit, the 429.
 */
function answerCount(req: IncomingMessage, res: ServerResponse, count: Count): boolean {
  res.setHeader('RateLimit-Policy', `"delivery"; q=${count.limit}; w=${WINDOW_MS / 1000}`)
  res.setHeader('RateLimit', `"delivery"; r=${Math.max(0, count.limit - count.used)}; t=${secondsToReset(count)}`)
  if (count.used <= count.limit) return false
  const retryAfter = secondsToReset(count)
  res.writeHead(429, { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(retryAfter) })
  res.end(tooMany(req.headers['accept-language'], retryAfter))
  return true
}

/**
 * `/v1` requests per minute per API client (or signed-in person; unauthenticated callers per
 * address, which also slows guessing keys). express-rate-limit counts in one store that both the
 * Express routes and the fast path (which answers cached reads before Express) increment, so a
 * client cannot go round the limit by asking for cached answers. Given an exchange (PostgreSQL),
 * the processes on one database share their counts (src/server/sharedHits.ts).
 */
export class DeliveryRateLimit {
  private readonly store: Store
  readonly middleware: RequestHandler

  constructor(
    private readonly limit: number,
    credentials: CredentialCache,
    exchange?: HitExchange,
  ) {
    this.store = exchange ? new SharedHitStore('delivery', exchange) : new MemoryStore()
    if (!limit) {
      this.middleware = (_req, _res, next) => next()
      return
    }
    const counted = rateLimit({
      windowMs: WINDOW_MS,
      limit,
      store: this.store,
      // Written by answerCount, like the fast path's.
      standardHeaders: false,
      legacyHeaders: false,
      keyGenerator: async (req) => keyOf(await credentials.principalOf(req.headers), req.ip),
      // keyOf does use ipKeyGenerator for addresses; the library's source check cannot see that.
      validate: { keyGeneratorIpFallback: false },
      handler: (req: Request, res: Response) => answerCount(req, res, (req as AugmentedRequest).rateLimit),
    })
    this.middleware = (req: Request, res: Response, next: NextFunction) =>
      counted(req, res, (error?: unknown) => {
        if (error) return next(error)
        answerCount(req, res, (req as AugmentedRequest).rateLimit)
        next()
      })
  }

  /** For the fast path: counts the request and answers 429 itself when over the limit. */
  async refuseIfOver(req: IncomingMessage, res: ServerResponse, principal: Principal): Promise<boolean> {
    if (!this.limit) return false
    const { totalHits, resetTime } = await this.store.increment(keyOf(principal, req.socket.remoteAddress))
    return answerCount(req, res, { limit: this.limit, used: totalHits, resetTime })
  }
}

/**
 * Failed sign-ins per IP address (successful ones are not counted), in front of Payload's own
 * lockout of an account after 5 failures: one address cannot try passwords across many accounts,
 * nor across the processes sharing an exchange.
 */
export function loginRateLimit(limit: number, exchange?: HitExchange): RequestHandler {
  if (!limit) return (_req, _res, next) => next()
  return rateLimit({
    ...(exchange ? { store: new SharedHitStore('sign-in', exchange) } : {}),
    windowMs: 15 * MINUTE,
    limit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => {
      const text = message('sign_in_rate_limited', messageLanguage(req.headers['accept-language']), { minutes: 15 })
      // `errors` is what the admin's sign-in form shows.
      res.status(429).json({ error: { code: 'rate_limited', message: text }, errors: [{ message: text }] })
    },
  })
}
