import { rolesAllowed } from './rolesAllowed'

/** Admins only. */
export const isAdmin = rolesAllowed('admin')
