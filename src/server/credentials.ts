import type { IncomingHttpHeaders } from 'node:http'

import type { RequestHandler } from 'express'
import type { Payload } from 'payload'
import { parseCookies } from 'payload/shared'

import { changeFeedOf } from '../changes/announce'
import { message, messageLanguage } from '../delivery/messages'
import { sendError } from './errors'

export type Principal = { collection: string; id: string | number; name?: string }

/**
 * The longest a checked credential is trusted. A change to API clients or people (a client
 * disabled, a person signed out or removed) ends the trust of every credential at once, in every
 * process, through the change feed; so does a signed-in person's token expiring.
 */
const CREDENTIAL_TRUST_MS = 60_000

const credentialOf = (headers: IncomingHttpHeaders) => `${headers.authorization ?? ''}\n${headers.cookie ?? ''}`

/**
 * When a signed-in person's token expires, in ms: a JWT in the Authorization header, or in
 * Payload's token cookie (named after the config's cookie prefix).
 */
function tokenExpiry(headers: Headers, payload: Payload): number {
  const token = /^(?:JWT|Bearer) (\S+)/.exec(headers.get('authorization') ?? '')?.[1] ?? parseCookies(headers).get(`${payload.config.cookiePrefix}-token`)
  try {
    const { exp } = JSON.parse(Buffer.from(token!.split('.')[1]!, 'base64url').toString()) as { exp?: unknown }
    return typeof exp === 'number' ? exp * 1000 : Infinity
  } catch {
    return Infinity
  }
}

/**
 * Who a request's credentials belong to: an enabled API client (`Authorization: api-clients
 * API-Key <key>`) or a signed-in person. A credential is checked against the database once, then
 * trusted until API clients or people change (see `CREDENTIAL_TRUST_MS`), so a busy agent
 * desktop does not cost a query per read.
 */
export class CredentialCache {
  private checked = new Map<string, { principal: Principal | null; until: number }>()
  /** Bumped by each change: a check that began before one is not kept after it. */
  private generation = 0
  /** Stops following the change feed (when the server closes). */
  readonly stop: () => void

  constructor(private readonly payload: Payload) {
    this.stop = changeFeedOf(payload).follow(['api-clients', 'users'], () => {
      this.generation += 1
      this.checked.clear()
    })
  }

  private fresh(credential: string) {
    const entry = this.checked.get(credential)
    return entry && entry.until >= Date.now() ? entry : undefined
  }

  /** The principal if this credential is trusted now, without waiting. */
  trusted(headers: IncomingHttpHeaders): Principal | null {
    return this.fresh(credentialOf(headers))?.principal ?? null
  }

  async principalOf(headers: IncomingHttpHeaders): Promise<Principal | null> {
    const credential = credentialOf(headers)
    const entry = this.fresh(credential)
    if (entry) return entry.principal
    const generation = this.generation
    const forwarded = new Headers()
    for (const name of ['authorization', 'cookie']) {
      const value = headers[name]
      if (typeof value === 'string') forwarded.set(name, value)
    }
    // A disabled API client authenticates as nobody (src/access/apiClients.ts).
    const { user } = await this.payload.auth({ headers: forwarded })
    const principal = user ? { collection: user.collection, id: user.id, name: (user as { name?: string }).name ?? (user as { email?: string }).email } : null
    if (this.checked.size > 10_000) this.checked.clear()
    if (generation === this.generation) this.checked.set(credential, { principal, until: Math.min(Date.now() + CREDENTIAL_TRUST_MS, tokenExpiry(forwarded, this.payload)) })
    return principal
  }
}

const API_KEY_PREFIX = 'api-clients API-Key '

/**
 * An API key that names no enabled client is a 401 on Payload's REST and GraphQL API too, as on
 * /v1: Payload alone would serve its bearer as an anonymous caller.
 */
export function refuseUnknownApiKeys(credentials: CredentialCache): RequestHandler {
  return async (req, res, next) => {
    if (!req.headers.authorization?.startsWith(API_KEY_PREFIX) || (await credentials.principalOf(req.headers))) return next()
    sendError(res, 401, 'unauthorized', message('unauthorized', messageLanguage(req.headers['accept-language'])))
  }
}
