import type { IncomingHttpHeaders } from 'node:http'

import type { Payload } from 'payload'

export type Principal = { collection: string; id: string | number; name?: string }

/** How long a checked credential is trusted before it is checked again (a disabled client is out within this). */
const CREDENTIAL_TTL_MS = 1000

const credentialOf = (headers: IncomingHttpHeaders) => `${headers.authorization ?? ''}\n${headers.cookie ?? ''}`

/**
 * Who a request's credentials belong to: an enabled API client (`Authorization: api-clients
 * API-Key <key>`) or a signed-in person. Each credential is checked against the database at most
 * once a second, so a busy agent desktop does not cost a query per read.
 */
export class CredentialCache {
  private checked = new Map<string, { principal: Principal | null; until: number }>()

  constructor(private readonly payload: Payload) {}

  /** The principal if this credential was checked within the last second, without waiting. */
  trusted(headers: IncomingHttpHeaders): Principal | null {
    const entry = this.checked.get(credentialOf(headers))
    return entry && entry.until >= Date.now() ? entry.principal : null
  }

  async principalOf(headers: IncomingHttpHeaders): Promise<Principal | null> {
    const credential = credentialOf(headers)
    const entry = this.checked.get(credential)
    if (entry && entry.until >= Date.now()) return entry.principal
    const forwarded = new Headers()
    for (const name of ['authorization', 'cookie']) {
      const value = headers[name]
      if (typeof value === 'string') forwarded.set(name, value)
    }
    const { user } = await this.payload.auth({ headers: forwarded })
    const enabled = user && (user.collection !== 'api-clients' || (user as { enabled?: boolean }).enabled !== false)
    const principal = user && enabled ? { collection: user.collection, id: user.id, name: (user as { name?: string }).name ?? (user as { email?: string }).email } : null
    if (this.checked.size > 10_000) this.checked.clear()
    this.checked.set(credential, { principal, until: Date.now() + CREDENTIAL_TTL_MS })
    return principal
  }
}
