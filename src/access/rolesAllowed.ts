import type { Access } from 'payload'

import { hasRole, type Role } from './roles'

/** Access for people holding any of the given roles. */
export const rolesAllowed =
  (...roles: Role[]): Access =>
  ({ req }) =>
    hasRole(req.user, ...roles)
