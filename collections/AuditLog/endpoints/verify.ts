import type { Endpoint } from 'payload'

import { verifyAuditLog } from '../../../src/audit/log'
import { runtimeSettings } from '../../../src/runtimeSettings'
import { auditorsOnly } from './auditorsOnly'

/** `GET /api/audit-log/verify` → `{ok, entries, firstBadEntry?}`: recomputes the whole chain. */
export const verifyEndpoint: Endpoint = {
  path: '/verify',
  method: 'get',
  handler: auditorsOnly(async (req) =>
    Response.json(await verifyAuditLog(req.payload, runtimeSettings(req.payload).auditKey)),
  ),
}
