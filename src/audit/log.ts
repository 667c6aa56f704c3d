import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { inTransaction } from '../transaction'
import { type AuditEvent, type ChainVerdict, sealEntry, verifyChain } from './chain'

/** Any number, the same in every process: the PostgreSQL advisory lock that orders the chain. */
const CHAIN_LOCK = 7_411_2026

type PostgresSession = { db: { execute: (query: string) => Promise<unknown> } }

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
 * PostgreSQL: the entry joins the caller's transaction (or its own) after taking a transaction-
 * scoped advisory lock, so appends from every process queue up on the chain tip, and the entry
 * commits or rolls back with the change it records.
 */
async function appendInTransaction(payload: Payload, auditKey: string, event: AuditEvent, given?: Partial<PayloadRequest>) {
  const req = given?.payload ? (given as PayloadRequest) : await createLocalReq({}, payload)
  await inTransaction(req, async () => {
    const sessions = (payload.db as unknown as { sessions: Record<string, PostgresSession> }).sessions
    await sessions[String(await req.transactionID)]!.db.execute(`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`)
    await appendEntry(payload, auditKey, event, req)
  })
}

let queue: Promise<unknown> = Promise.resolve()

/**
 * Elsewhere writes are serialised in this process, and the unique `sequence` makes a second
 * process that raced for the same place retry on the new tip.
 */
function appendQueued(payload: Payload, auditKey: string, event: AuditEvent, req?: Partial<PayloadRequest>) {
  const write = queue.then(async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await appendEntry(payload, auditKey, event, req)
      } catch (error) {
        if (attempt >= 5) throw error
      }
    }
  })
  queue = write.catch(() => undefined)
  return write
}

/** Appends one entry to the audit chain, in the transaction of `req` where there is one. */
export async function recordAudit(
  payload: Payload,
  auditKey: string,
  event: AuditEvent,
  req?: Partial<PayloadRequest>,
): Promise<void> {
  if (payload.db.name === 'postgres') return appendInTransaction(payload, auditKey, event, req)
  return appendQueued(payload, auditKey, event, req)
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
