import type { FieldAccess } from 'payload'

import { hasRole } from './roles'

/** A field only admins may set, such as a person's roles. */
export const adminFieldOnly: FieldAccess = ({ req }) => hasRole(req.user, 'admin')
