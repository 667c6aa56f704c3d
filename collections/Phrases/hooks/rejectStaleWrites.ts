import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { said } from '../refusals'

/** `If-Match: "2026-11-24T08:00:00.000Z"` (the updatedAt the writer read), quotes and W/ optional. */
export function ifMatchTime(header: string): number | null {
  const value = header.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1')
  const time = Date.parse(value)
  return Number.isNaN(time) ? null : time
}

/**
 * Optimistic concurrency for phrase writes: a writer that sends If-Match with the `updatedAt`
 * it read gets 409 if someone saved since, and nothing is written. Without the header the
 * write goes ahead (the admin UI has its own document locking).
 */
export const rejectStaleWrites: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const header = req.headers?.get('if-match')
  const id = (args as { id?: number | string }).id
  // Once per request: the conversion hook's own write of the other script shares this request.
  if (operation !== 'update' || !header || id === undefined || req.context.ifMatchChecked) return args
  req.context.ifMatchChecked = true
  const expected = ifMatchTime(header)
  if (expected === null) {
    throw new APIError(said(req, 'if_match_invalid'), 400)
  }
  const current = await req.payload.findByID({
    collection: 'phrases',
    id,
    draft: true,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  if (current && Date.parse(current.updatedAt) !== expected) {
    throw new APIError(said(req, 'stale_write', { time: current.updatedAt }), 409, { currentUpdatedAt: current.updatedAt })
  }
  return args
}
