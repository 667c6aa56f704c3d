/** The roles a person can hold (a user may hold several). */
export const ROLES = ['admin', 'editor', 'reviewer', 'auditor'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = { collection?: string; roles?: unknown } | null | undefined

/** A signed-in person (not an API client). */
export function isPerson(user: MaybeUser): boolean {
  return Boolean(user) && user!.collection === 'users'
}

export function isApiClient(user: MaybeUser): boolean {
  return Boolean(user) && user!.collection === 'api-clients'
}

export function hasRole(user: MaybeUser, ...roles: Role[]): boolean {
  if (!isPerson(user) || !Array.isArray(user!.roles)) return false
  return roles.some((role) => (user!.roles as string[]).includes(role))
}
