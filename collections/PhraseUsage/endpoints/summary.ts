import type { Endpoint, Where } from 'payload'

import { hasRole } from '../../../src/access'
import { errorResponse } from '../../../src/errorResponse'

/**
 * `GET /api/phrase-usage/summary?by=phrase|client&from=&to=`: how often each phrase (or each
 * client) was used, most used first (admins).
 */
export const usageSummaryEndpoint: Endpoint = {
  path: '/summary',
  method: 'get',
  handler: async (req) => {
    if (!hasRole(req.user, 'admin')) return errorResponse(403, 'forbidden', 'Only admins read usage figures.')
    const by = req.searchParams.get('by') ?? 'phrase'
    if (by !== 'phrase' && by !== 'client') return errorResponse(400, 'invalid_by', 'by is "phrase" or "client".')
    const and: Where[] = []
    for (const [name, operator] of [['from', 'greater_than_equal'], ['to', 'less_than']] as const) {
      const value = req.searchParams.get(name)
      if (!value) continue
      if (Number.isNaN(Date.parse(value))) return errorResponse(400, 'invalid_date', `${name} must be an ISO 8601 date or time.`)
      and.push({ at: { [operator]: new Date(value).toISOString() } })
    }
    const { docs } = await req.payload.find({
      collection: 'phrase-usage',
      where: and.length ? { and } : {},
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { key: true, clientName: true, clientId: true },
      req,
    })
    const counts = new Map<string, number>()
    for (const use of docs) {
      const name = by === 'phrase' ? use.key : (use.clientName ?? use.clientId)
      counts.set(name, (counts.get(name) ?? 0) + 1)
    }
    const items = [...counts].map(([name, uses]) => ({ [by]: name, uses })).sort((a, b) => b.uses - a.uses)
    return Response.json({ by, total: docs.length, items })
  },
}
