import type { CollectionAfterErrorHook } from 'payload'

import { recordAudit } from '../../../src/audit/log'
import { runtimeSettings } from '../../../src/runtimeSettings'

const LOGIN_FAILURES: Record<string, string> = {
  AuthenticationError: 'wrong e-mail or password',
  LockedAuth: 'account locked after repeated failures',
}

/** A failed sign-in is in the audit trail with the e-mail that was tried (never the password). */
export const auditLoginFailure: CollectionAfterErrorHook = async ({ error, req }) => {
  const reason = LOGIN_FAILURES[error.name]
  if (!reason || !req.url?.includes('/login')) return
  const email = typeof req.data?.email === 'string' ? req.data.email.slice(0, 200) : null
  await recordAudit(req.payload, runtimeSettings(req.payload).auditKey, {
    action: 'login_failure',
    actorKind: 'user',
    actorId: null,
    actorLabel: email,
    summary: `Failed sign-in${email ? ` for ${email}` : ''}: ${reason}`,
    targetCollection: 'users',
    documentKey: email,
    after: { reason },
  })
}
