import { createHmac, timingSafeEqual } from 'node:crypto'

/** Every kind of event the audit trail records (docs/contract.md, Workflow). */
export const AUDIT_ACTIONS = [
  'create', 'edit', 'submit', 'approve', 'reject', 'publish', 'retire', 'restore', 'expire',
  'import', 'glossary_change', 'forbidden_term_change', 'role_change', 'login_failure', 'api_client_created',
  'delete', 'cancel_schedule',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** What an entry says; the chain fields (sequence, hashes) are added by `sealEntry`. */
export type AuditEvent = {
  action: AuditAction
  summary?: string | null
  actorKind: 'user' | 'api-client' | 'system'
  actorId?: string | null
  actorLabel?: string | null
  actorRoles?: string[] | null
  targetCollection?: string | null
  documentId?: string | null
  documentKey?: string | null
  locale?: string | null
  before?: unknown
  after?: unknown
  approver?: string | null
  comment?: string | null
}

export type SealedAuditEntry = AuditEvent & {
  sequence: number
  at: string
  previousHash: string
  hash: string
}

export const GENESIS_HASH = '0'.repeat(64)

const HASHED_FIELDS = [
  'sequence', 'at', 'action', 'summary', 'actorKind', 'actorId', 'actorLabel', 'actorRoles',
  'targetCollection', 'documentId', 'documentKey', 'locale', 'before', 'after', 'approver', 'comment',
] as const

/** Absent, null, '' and [] are the same fact; databases disagree on which they return. */
function normalise(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(normalise)
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value as object).sort()) {
      out[key] = normalise((value as Record<string, unknown>)[key])
    }
    return out
  }
  return value
}

/** A byte-stable rendering of an entry's content: sorted keys, normalised empties, ISO dates. */
export function canonicalContent(entry: Record<string, unknown>): string {
  const content: Record<string, unknown> = {}
  for (const field of HASHED_FIELDS) content[field] = entry[field]
  content.at = new Date(String(entry.at)).toISOString()
  return JSON.stringify(normalise(content))
}

export function entryHash(key: string, previousHash: string, entry: Record<string, unknown>): string {
  return createHmac('sha256', key).update(previousHash).update('\n').update(canonicalContent(entry)).digest('hex')
}

export function sealEntry(
  key: string,
  event: AuditEvent,
  previous: { sequence: number; hash: string } | null,
  at: Date = new Date(),
): SealedAuditEntry {
  const unsealed = {
    // Sealed as it will be stored: JSON drops undefined members, which the hash must not see.
    ...(JSON.parse(JSON.stringify(event)) as AuditEvent),
    sequence: (previous?.sequence ?? 0) + 1,
    at: at.toISOString(),
    previousHash: previous?.hash ?? GENESIS_HASH,
  }
  return { ...unsealed, hash: entryHash(key, unsealed.previousHash, unsealed) }
}

export type ChainVerdict = { ok: boolean; entries: number; firstBadEntry?: { sequence: number; reason: string } }

/**
 * Checks entries in sequence order: each must follow the previous one (no gaps, no reordering),
 * link to its hash, and carry the HMAC of its own content.
 */
export function verifyChain(key: string, entries: Iterable<Record<string, unknown>>): ChainVerdict {
  let previous: { sequence: number; hash: string } = { sequence: 0, hash: GENESIS_HASH }
  let count = 0
  for (const entry of entries) {
    count++
    const sequence = Number(entry.sequence)
    const bad = (reason: string): ChainVerdict => ({ ok: false, entries: count, firstBadEntry: { sequence, reason } })
    if (sequence !== previous.sequence + 1) return bad(`expected entry ${previous.sequence + 1}, found ${sequence}`)
    if (entry.previousHash !== previous.hash) return bad('does not link to the previous entry')
    const expected = Buffer.from(entryHash(key, previous.hash, entry), 'hex')
    const actual = Buffer.from(String(entry.hash ?? ''), 'hex')
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
      return bad('content does not match its hash')
    }
    previous = { sequence, hash: String(entry.hash) }
  }
  return { ok: true, entries: count }
}
