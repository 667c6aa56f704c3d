import type { Access, FieldAccess } from 'payload'

import { hasRole, isApiClient, isPerson, type Role } from './roles'

/** Access for people holding any of the given roles. */
export const rolesAllowed =
  (...roles: Role[]): Access =>
  ({ req }) =>
    hasRole(req.user, ...roles)

export const isAdmin = rolesAllowed('admin')
export const isEditor = rolesAllowed('admin', 'editor')
export const isReviewer = rolesAllowed('admin', 'reviewer')
export const canEditPhrases = rolesAllowed('admin', 'editor', 'reviewer')
export const isAuditor = rolesAllowed('admin', 'auditor')

/** Any signed-in person, whatever their role. */
export const isSignedIn: Access = ({ req }) => isPerson(req.user)

/** People read everything; API clients (agent tools) read reference data too. */
export const isPersonOrApiClient: Access = ({ req }) => isPerson(req.user) || isApiClient(req.user)

/**
 * People see drafts; agent tools (API clients) see published documents only, so nothing
 * unapproved can reach an agent through the REST or GraphQL API.
 */
export const publishedUnlessPerson: Access = ({ req }) => {
  if (isPerson(req.user)) return true
  if (isApiClient(req.user)) return { _status: { equals: 'published' } }
  return false
}

/** A person reads their own user record; admins read all. */
export const isAdminOrSelf: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  if (isPerson(req.user)) return { id: { equals: req.user!.id } }
  return false
}

export const nobody: Access = () => false

/** For fields only the server (overrideAccess) may write, such as the workflow state. */
export const serverOnlyField: FieldAccess = () => false

export const adminFieldOnly: FieldAccess = ({ req }) => hasRole(req.user, 'admin')
