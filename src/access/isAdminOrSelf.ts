import type { Access } from 'payload'

import { hasRole, isPerson } from './roles'

/** A person reads (and changes) their own user record; admins all of them. */
export const isAdminOrSelf: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  if (isPerson(req.user)) return { id: { equals: req.user!.id } }
  return false
}
