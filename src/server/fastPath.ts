import type { IncomingMessage, ServerResponse } from 'node:http'

import { deliveryHeaders } from './protection'
import type { DeliveryRateLimit } from './rateLimits'
import type { DeliveryParts } from './v1'

/**
 * Agent tools repeat the same reads all day. A GET under /v1 whose credential was checked in the
 * last second and whose answer is cached for the current revision is answered here, before
 * Express (which costs more than the answer itself); anything else goes on to the app, which
 * checks, builds and caches it. Both paths share one cache, one credential check and one rate
 * limit count, and the same headers. Browser calls (an Origin header) go to Express, which
 * answers CORS.
 */
export function deliveryFastPath(
  { store, responses, credentials }: DeliveryParts,
  rateLimit: DeliveryRateLimit,
  corsOrigins: string[],
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const setHeaders = deliveryHeaders(corsOrigins)
  return async (req, res) => {
    if (req.method !== 'GET' || !req.url?.startsWith('/v1/') || req.headers.origin) return false
    const principal = credentials.trusted(req.headers)
    if (!principal) return false
    const key = responses.keyFor(req.url)
    const revision = store.snapshot.revision
    if (!responses.holds(key, revision)) return false
    setHeaders(req, res)
    if (await rateLimit.refuseIfOver(req, res, principal)) return true
    return responses.serveCached(req, res, key, revision)
  }
}
