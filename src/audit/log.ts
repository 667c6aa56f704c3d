import type { Payload, PayloadRequest } from 'payload'

import { type AuditEvent, type ChainVerdict, sealEntry, verifyChain } from './chain'

let queue: Promise<unknown> = Promise.resolve()

/**
 * Appends one entry to the audit chain. Writes are serialised in this process, and the unique
 * `sequence` makes a second process that raced for the same place retry on the new tip.
 */
export function recordAudit(
  payload: Payload,
  auditKey: string,
  event: AuditEvent,
  req?: Partial<PayloadRequest>,
): Promise<void> {
  const write = queue.then(async () => {
    for (let attempt = 0; ; attempt++) {
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
      const entry = sealEntry(auditKey, event, last ?? null)
      try {
        await payload.create({ collection: 'audit-log', data: entry as never, req, depth: 0, overrideAccess: true })
        return
      } catch (error) {
        if (attempt >= 5) throw error
      }
    }
  })
  queue = write.catch(() => undefined)
  return write
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
