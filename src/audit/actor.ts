import type { AuditEvent } from './chain'

type RequestUser = { collection?: string; id?: string | number; email?: string | null; name?: string | null; roles?: unknown } | null | undefined

/** Who did it, as the audit trail names them: a person, an API client, or the system itself. */
export function actorOf(user: RequestUser, systemLabel = 'System'): Pick<AuditEvent, 'actorKind' | 'actorId' | 'actorLabel' | 'actorRoles'> {
  if (!user) return { actorKind: 'system', actorId: 'system', actorLabel: systemLabel, actorRoles: null }
  if (user.collection === 'api-clients') {
    return { actorKind: 'api-client', actorId: String(user.id), actorLabel: user.name ?? `API client ${user.id}`, actorRoles: null }
  }
  return {
    actorKind: 'user',
    actorId: String(user.id),
    actorLabel: user.email ?? String(user.id),
    actorRoles: Array.isArray(user.roles) ? (user.roles as string[]) : null,
  }
}
