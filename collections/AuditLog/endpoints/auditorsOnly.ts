import type { PayloadHandler, PayloadRequest } from 'payload'

import { hasRole } from '../../../src/access'
import { errorResponse } from '../../../src/errorResponse'


/** Wraps an endpoint handler so only auditors and admins reach it (401 signed out, 403 otherwise). */
export function auditorsOnly(handler: (req: PayloadRequest) => Promise<Response>): PayloadHandler {
  return async (req) => {
    if (!req.user) return errorResponse(401, 'unauthorized', 'Sign in as an auditor or admin to read the audit log.')
    if (!hasRole(req.user, 'admin', 'auditor')) return errorResponse(403, 'forbidden', 'Only auditors and admins read the audit log.')
    return handler(req)
  }
}
