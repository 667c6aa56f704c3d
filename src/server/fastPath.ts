import type { IncomingMessage, ServerResponse } from 'node:http'

import type { DeliveryParts } from './v1'

/**
 * Agent tools repeat the same reads all day. A GET under /v1 whose credential was checked in the
 * last second and whose answer is cached for the current revision is answered here, before
 * Express (which costs more than the answer itself); anything else goes on to the app, which
 * checks, builds and caches it. Both paths share one cache and one credential check.
 */
export function deliveryFastPath({ store, responses, credentials }: DeliveryParts): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (req.method !== 'GET' || !req.url?.startsWith('/v1/') || !credentials.trusted(req.headers)) return false
    return responses.serveCached(req, res, responses.keyFor(req.url), store.snapshot.revision)
  }
}
