import type { Payload, PayloadRequest } from 'payload'

import { announceChange } from '../changes/announce'
import { appendInSequence } from '../sequence'
import { queueWebhookDeliveries } from '../webhooks/deliveries'

/** Any number, the same in every process: the PostgreSQL advisory lock that orders revisions. */
const REVISION_LOCK = 7_411_2027

export type RevisionChange =
  | { kind: 'phrase'; key: string; change: 'published' | 'withdrawn' }
  | { kind: 'reference'; key: string; change: 'changed' }

/**
 * Records a change agents can see as the next delivery revision, in the transaction of `req`
 * where there is one, so the revision (and its webhook deliveries) appear exactly when the change
 * commits, and announces it to every process's delivery snapshot then.
 */
export async function bumpRevision(payload: Payload, change: RevisionChange, req?: Partial<PayloadRequest>): Promise<void> {
  let revision = 0
  await appendInSequence(
    payload,
    REVISION_LOCK,
    async (tx) => {
      const tip = await payload.find({ collection: 'delivery-revisions', sort: '-revision', limit: 1, depth: 0, pagination: false, overrideAccess: true, req: tx })
      revision = (tip.docs[0]?.revision ?? 0) + 1
      await payload.create({
        collection: 'delivery-revisions',
        data: { revision, ...change, at: new Date().toISOString() },
        depth: 0,
        overrideAccess: true,
        req: tx,
      })
      await announceChange(payload, { collection: 'delivery-revisions' }, tx)
    },
    req,
  )
  // After the append (which may be tried again on SQLite), so a delivery is queued once.
  await queueWebhookDeliveries(payload, { revision, ...change }, req)
}

/** The newest revision (0 for a library nobody has published to). */
export async function currentRevision(payload: Payload): Promise<number> {
  const tip = await payload.find({ collection: 'delivery-revisions', sort: '-revision', limit: 1, depth: 0, pagination: false, overrideAccess: true })
  return tip.docs[0]?.revision ?? 0
}

export type RevisionEntry = { revision: number; kind: 'phrase' | 'reference'; key: string; change: 'published' | 'withdrawn' | 'changed' }

/** The changes after `since`, oldest first. */
export async function revisionsSince(payload: Payload, since: number): Promise<RevisionEntry[]> {
  const { docs } = await payload.find({
    collection: 'delivery-revisions',
    where: { revision: { greater_than: since } },
    sort: 'revision',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs.map(({ revision, kind, key, change }) => ({ revision, kind, key, change }))
}
