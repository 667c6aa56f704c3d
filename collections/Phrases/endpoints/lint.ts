import type { Endpoint } from 'payload'

import { isPerson } from '../../../src/access'
import { errorResponse } from '../../../src/errorResponse'
import { findingsOf } from './workflow'

/** `GET /api/phrases/:id/lint`: the forbidden terms in the phrase's latest version, for its reviewers. */
export const lintEndpoint: Endpoint = {
  path: '/:id/lint',
  method: 'get',
  handler: async (req) => {
    if (!isPerson(req.user)) return errorResponse(401, 'unauthorized', 'Sign in to check a phrase.')
    const id = String(req.routeParams?.id)
    const phrase = await req.payload.findByID({ collection: 'phrases', id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req })
    if (!phrase) return errorResponse(404, 'not_found', `No phrase ${id}.`)
    const findings = await findingsOf(req, phrase.id)
    return Response.json({ id: phrase.id, key: phrase.key, ok: !findings.some((f) => f.severity === 'block'), findings })
  },
}
