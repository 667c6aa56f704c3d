import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { inTransaction, postgresTransaction } from './transaction'

const queues = new Map<number, Promise<unknown>>()

/**
 * Appends the next row of a numbered sequence (the audit chain, the delivery revisions) so that
 * every server process lines up behind one tip.
 *
 * PostgreSQL: inside the caller's transaction (or its own) after a transaction-scoped advisory
 * lock, so the row commits or rolls back with the change it belongs to. Elsewhere: appends are
 * serialised in this process, and a unique sequence number makes a process that raced for the
 * same place retry on the new tip. Callers that take two sequences take them in one order
 * (audit, then revisions), so two transactions never wait on each other.
 */
export async function appendInSequence(
  payload: Payload,
  lock: number,
  append: (req?: Partial<PayloadRequest>) => Promise<void>,
  given?: Partial<PayloadRequest>,
): Promise<void> {
  if (payload.db.name === 'postgres') {
    const req = given?.payload ? (given as PayloadRequest) : await createLocalReq({}, payload)
    return inTransaction(req, async () => {
      await (await postgresTransaction(req)).execute(`SELECT pg_advisory_xact_lock(${lock})`)
      await append(req)
    })
  }
  const write = (queues.get(lock) ?? Promise.resolve()).then(async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await append(given)
      } catch (error) {
        if (attempt >= 5) throw error
      }
    }
  })
  queues.set(lock, write.catch(() => undefined))
  return write
}
