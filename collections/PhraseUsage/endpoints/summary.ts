import type { Endpoint, Where } from 'payload'

import { hasRole } from '../../../src/access'
import type { UsageOutcome } from '../../../src/domain/usageOutcomes'
import { errorResponse } from '../../../src/errorResponse'

/**
 * `GET /api/phrase-usage/summary?by=phrase|client&from=&to=`: how often each phrase (or each
 * client) was used, most used first, with the outcomes reported (shown, inserted, sent, edited,
 * discarded) and the edit rate: of the sends, the share edited first (admins).
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
      select: { key: true, clientName: true, clientId: true, outcome: true },
      req,
    })
    const counts = new Map<string, { uses: number; outcomes: Partial<Record<UsageOutcome, number>> }>()
    for (const use of docs) {
      const name = by === 'phrase' ? use.key : (use.clientName ?? use.clientId)
      const count = counts.get(name) ?? { uses: 0, outcomes: {} }
      count.uses++
      if (use.outcome) count.outcomes[use.outcome] = (count.outcomes[use.outcome] ?? 0) + 1
      counts.set(name, count)
    }
    const editRate = ({ sent = 0, edited = 0 }: Partial<Record<UsageOutcome, number>>) => (sent + edited ? Math.round((1000 * edited) / (sent + edited)) / 1000 : null)
    const items = [...counts].map(([name, { uses, outcomes }]) => ({ [by]: name, uses, outcomes, editRate: editRate(outcomes) })).sort((a, b) => b.uses - a.uses)
    return Response.json({ by, total: docs.length, items })
  },
}
