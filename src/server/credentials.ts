import type { IncomingHttpHeaders } from 'node:http'

import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { apiClientsGeneration } from '../access'
import { message, messageLanguage } from '../delivery/messages'
import { sendError } from './errors'

export type Principal = { collection: string; id: string | number; name?: string }

/**
 * How long a checked credential is trusted before it is checked again: a client disabled by
 * another process is out within this; one disabled by this process at once.
 */
const CREDENTIAL_TTL_MS = 1000

const credentialOf = (headers: IncomingHttpHeaders) => `${headers.authorization ?? ''}\n${headers.cookie ?? ''}`

/**
 * Who a request's credentials belong to: an enabled API client (`Authorization: api-clients
 * API-Key <key>`) or a signed-in person. Each credential is checked against the database at most
 * once a second, so a busy agent desktop does not cost a query per read.
 */
export class CredentialCache {
  private checked = new Map<string, { principal: Principal | null; until: number; generation: number }>()

  constructor(private readonly payload: Payload) {}

  private fresh(credential: string) {
    const entry = this.checked.get(credential)
    return entry && entry.until >= Date.now() && entry.generation === apiClientsGeneration() ? entry : undefined
  }

  /** The principal if this credential was checked within the last second, without waiting. */
  trusted(headers: IncomingHttpHeaders): Principal | null {
    return this.fresh(credentialOf(headers))?.principal ?? null
  }

  async principalOf(headers: IncomingHttpHeaders): Promise<Principal | null> {
    const credential = credentialOf(headers)
    const entry = this.fresh(credential)
    if (entry) return entry.principal
    const generation = apiClientsGeneration()
    const forwarded = new Headers()
    for (const name of ['authorization', 'cookie']) {
      const value = headers[name]
      if (typeof value === 'string') forwarded.set(name, value)
    }
    // A disabled API client authenticates as nobody (src/access/apiClients.ts).
    const { user } = await this.payload.auth({ headers: forwarded })
    const principal = user ? { collection: user.collection, id: user.id, name: (user as { name?: string }).name ?? (user as { email?: string }).email } : null
    if (this.checked.size > 10_000) this.checked.clear()
    this.checked.set(credential, { principal, until: Date.now() + CREDENTIAL_TTL_MS, generation })
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
