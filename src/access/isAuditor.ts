import { rolesAllowed } from './rolesAllowed'

/** Auditors (and admins): read the audit trail. */
export const isAuditor = rolesAllowed('admin', 'auditor')
