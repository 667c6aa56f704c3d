import type { CollectionAfterChangeHook } from 'payload'

import { actorOf } from '../../../src/audit/actor'
import { recordAudit } from '../../../src/audit/log'
import { runtimeSettings } from '../../../src/runtimeSettings'

const sorted = (roles: unknown) => (Array.isArray(roles) ? [...(roles as string[])].sort() : [])

/** Every grant or removal of a role is in the audit trail (who, whose, before and after). */
export const auditRoleChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const before = operation === 'create' ? [] : sorted(previousDoc?.roles)
  const after = sorted(doc.roles)
  if (JSON.stringify(before) === JSON.stringify(after)) return doc
  await recordAudit(
    req.payload,
    runtimeSettings(req.payload).auditKey,
    {
      action: 'role_change',
      ...actorOf(req.user),
      summary: `Roles of ${doc.email}: ${before.join(', ') || '(none)'} → ${after.join(', ') || '(none)'}`,
      targetCollection: 'users',
      documentId: String(doc.id),
      documentKey: doc.email,
      before: { roles: before },
      after: { roles: after },
    },
    req,
  )
  return doc
}
