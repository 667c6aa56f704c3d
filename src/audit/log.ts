import type { Payload, PayloadRequest } from 'payload'

import { runtimeSettings } from '../runtimeSettings'
import { appendInSequence } from '../sequence'
import { actorOf } from './actor'
import { type AuditEvent, type ChainVerdict, sealEntry, verifyChain } from './chain'

/** Any number, the same in every process: the PostgreSQL advisory lock that orders the chain. */
const CHAIN_LOCK = 7_411_2026

async function appendEntry(payload: Payload, auditKey: string, event: AuditEvent, req?: Partial<PayloadRequest>) {
  const tip = await payload.find({
    collection: 'audit-log',
    sort: '-sequence',
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const last = tip.docs[0] as { sequence: number; hash: string } | undefined
  await payload.create({ collection: 'audit-log', data: sealEntry(auditKey, event, last ?? null) as never, req, depth: 0, overrideAccess: true })
}

/**
 * Appends one entry to the audit chain; on PostgreSQL in the transaction of `req`, so it commits
 * with the change it records (see `appendInSequence`).
 */
export function recordAudit(payload: Payload, auditKey: string, event: AuditEvent, req?: Partial<PayloadRequest>): Promise<void> {
  return appendInSequence(payload, CHAIN_LOCK, (tx) => appendEntry(payload, auditKey, event, tx), req)
}

/**
 * Records what the user of a request did, in the request's transaction: the audit key from the
 * configuration, the actor from `req.user` (`systemLabel` names the server when there is none).
 */
export function recordAuditFor(
  req: PayloadRequest,
  event: Omit<AuditEvent, 'actorKind' | 'actorId' | 'actorLabel' | 'actorRoles'>,
  systemLabel?: string,
): Promise<void> {
  return recordAudit(req.payload, runtimeSettings(req.payload).auditKey, { ...actorOf(req.user, systemLabel), ...event }, req)
}

/** Reads the whole log in sequence order and checks the chain (see `verifyChain`). */
export async function verifyAuditLog(payload: Payload, auditKey: string): Promise<ChainVerdict> {
  const { docs } = await payload.find({
    collection: 'audit-log',
    sort: 'sequence',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return verifyChain(auditKey, docs as unknown as Record<string, unknown>[])
}
