import type { CollectionAfterChangeHook } from 'payload'

import { recordAuditFor } from '../../../src/audit/log'
import type { User } from '../../../src/payload-types'

const sorted = (roles: unknown) => (Array.isArray(roles) ? [...(roles as string[])].sort() : [])

/** Every grant or removal of a role is in the audit trail (who, whose, before and after). */
export const auditRoleChange: CollectionAfterChangeHook<User> = async ({ doc, previousDoc, operation, req }) => {
  const before = operation === 'create' ? [] : sorted(previousDoc?.roles)
  const after = sorted(doc.roles)
  if (JSON.stringify(before) === JSON.stringify(after)) return doc
  await recordAuditFor(req, {
    action: 'role_change',
    summary: `Roles of ${doc.email}: ${before.join(', ') || '(none)'} → ${after.join(', ') || '(none)'}`,
    targetCollection: 'users',
    documentId: String(doc.id),
    documentKey: doc.email,
    before: { roles: before },
    after: { roles: after },
  })
  return doc
}
