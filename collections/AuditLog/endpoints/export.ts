import { stringify } from 'csv-stringify/sync'
import type { Endpoint, PayloadRequest, Where } from 'payload'

import { AUDIT_ACTIONS } from '../../../src/audit/chain'
import { errorResponse } from '../../../src/errorResponse'
import { auditorsOnly } from './auditorsOnly'

const PAGE_SIZE = 500
const COLUMNS = [
  'sequence', 'at', 'action', 'summary', 'actorKind', 'actorId', 'actorLabel', 'actorRoles', 'targetCollection',
  'documentId', 'documentKey', 'locale', 'before', 'after', 'approver', 'comment', 'previousHash', 'hash',
] as const

type Filters = { where: Where } | { error: string }

/** The export's filters: user (id or e-mail), action, phrase (key or id), from/to (ISO dates). */
function filtersFrom(query: Record<string, unknown>): Filters {
  const and: Where[] = []
  const text = (name: string) => (typeof query[name] === 'string' && query[name] !== '' ? (query[name] as string) : undefined)
  const user = text('user')
  if (user) and.push({ or: [{ actorId: { equals: user } }, { actorLabel: { equals: user } }] })
  const action = text('action')
  if (action) {
    if (!(AUDIT_ACTIONS as readonly string[]).includes(action)) return { error: `Unknown action "${action}"; use one of ${AUDIT_ACTIONS.join(', ')}.` }
    and.push({ action: { equals: action } })
  }
  const phrase = text('phrase')
  if (phrase) and.push({ targetCollection: { equals: 'phrases' } }, { or: [{ documentKey: { equals: phrase } }, { documentId: { equals: phrase } }] })
  for (const [name, operator] of [['from', 'greater_than_equal'], ['to', 'less_than_equal']] as const) {
    const value = text(name)
    if (value === undefined) continue
    if (Number.isNaN(Date.parse(value))) return { error: `"${name}" must be a date such as 2026-11-24 or 2026-11-24T08:00:00Z.` }
    and.push({ at: { [operator]: new Date(value).toISOString() } })
  }
  return { where: and.length ? { and } : {} }
}

/** Reads the matching entries page by page, in chain order, as the stream is read. */
function pages(req: PayloadRequest, where: Where) {
  let page = 1
  let more = true
  return async function next() {
    if (!more) return null
    const result = await req.payload.find({ collection: 'audit-log', where, sort: 'sequence', limit: PAGE_SIZE, page, depth: 0, overrideAccess: true })
    more = result.hasNextPage
    page++
    return result.docs as unknown as Record<string, unknown>[]
  }
}

const cell = (value: unknown) =>
  value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)

/**
 * `GET /api/audit-log/export?format=csv|json&user=&action=&phrase=&from=&to=`: the matching
 * entries in chain order, streamed page by page so a large log never sits in memory.
 */
export const exportEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  handler: auditorsOnly(async (req) => {
    const query = (req.query ?? {}) as Record<string, unknown>
    const format = query.format ?? 'json'
    if (format !== 'csv' && format !== 'json') return errorResponse(400, 'unknown_format', 'format must be csv or json.')
    const filters = filtersFrom(query)
    if ('error' in filters) return errorResponse(400, 'invalid_filter', filters.error)

    const next = pages(req, filters.where)
    const encoder = new TextEncoder()
    let first = true // no JSON element written yet
    let headerWritten = false
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const docs = await next()
        let chunk: string
        if (docs === null) {
          if (format === 'csv') chunk = headerWritten ? '' : stringify([[...COLUMNS]])
          else chunk = first ? '[]\n' : '\n]\n'
        } else if (format === 'csv') {
          const rows = docs.map((doc) => COLUMNS.map((column) => cell(doc[column])))
          chunk = stringify(headerWritten ? rows : [[...COLUMNS], ...rows])
          headerWritten = true
        } else {
          chunk = docs
            .map((doc, i) => (first && i === 0 ? '[\n' : ',\n') + JSON.stringify(Object.fromEntries(COLUMNS.map((c) => [c, doc[c] ?? null]))))
            .join('')
        }
        if (docs?.length) first = false
        if (chunk) controller.enqueue(encoder.encode(chunk))
        if (docs === null) controller.close()
      },
    })
    const date = new Date().toISOString().slice(0, 10)
    return new Response(body, {
      headers: {
        'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="audit-log-${date}.${format}"`,
        'cache-control': 'no-store',
      },
    })
  }),
}
