import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import { type ChangeEvent, eventOf } from '../delivery/changeEvents'
import type { RevisionEntry } from '../delivery/revisions'
import { webhookSignature } from './signature'

/** The body POSTed to a webhook: the change, the revision it is, and the delivery's id (to deduplicate). */
export type WebhookBody = { delivery: string; event: ChangeEvent; revision: number; key: string; at: string }

/** The jobs queue webhook deliveries run on (see `WebhookRunner`). */
export const WEBHOOK_QUEUE = 'webhooks'
/** A delivery is tried this many times in all, waiting 1, 2, 4, 8 s… between tries, then marked failed. */
export const WEBHOOK_ATTEMPTS = 6
const RETRY_BASE_DELAY_MS = 1000
/** A receiver that has not answered in this long has failed this try. */
const WEBHOOK_TIMEOUT_MS = 10_000

/**
 * Queues a delivery of a change to every enabled webhook that wants it, in the transaction that
 * records the change: the deliveries exist exactly when the change commits, once, whichever
 * process wrote it.
 */
export async function queueWebhookDeliveries(payload: Payload, entry: RevisionEntry, req?: Partial<PayloadRequest>): Promise<void> {
  const event = eventOf(entry)
  const { docs: webhooks } = await payload.find({
    collection: 'webhooks',
    where: { and: [{ enabled: { equals: true } }, { events: { in: [event] } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  for (const webhook of webhooks) {
    const delivery = await payload.create({
      collection: 'webhook-deliveries',
      data: { webhook: webhook.id, url: webhook.url, event, revision: entry.revision, key: entry.key, status: 'pending', attempts: 0 },
      depth: 0,
      overrideAccess: true,
      req,
    })
    await payload.jobs.queue({ task: 'deliverWebhook', input: { delivery: String(delivery.id) }, queue: WEBHOOK_QUEUE, req: req as PayloadRequest })
  }
}

/**
 * The job that POSTs one delivery, signed. A receiver that does not answer 2xx in time fails the
 * try: Payload's jobs queue tries again after an exponential backoff, and the delivery log says
 * how many tries there were and what went wrong. After the last, the delivery is marked failed.
 */
export const deliverWebhookTask: TaskConfig<{ input: { delivery: string }; output: { status: number } }> = {
  slug: 'deliverWebhook',
  label: 'Deliver a webhook',
  inputSchema: [{ name: 'delivery', type: 'text', required: true }],
  outputSchema: [{ name: 'status', type: 'number', required: true }],
  retries: { attempts: WEBHOOK_ATTEMPTS - 1, backoff: { type: 'exponential', delay: RETRY_BASE_DELAY_MS } },
  handler: async ({ input, job, req }) => {
    const { payload } = req
    const delivery = await payload.findByID({ collection: 'webhook-deliveries', id: input.delivery, depth: 1, overrideAccess: true, disableErrors: true })
    if (!delivery || delivery.status !== 'pending') return { output: { status: 0 } }
    const webhook = typeof delivery.webhook === 'object' ? delivery.webhook : null
    // Deleted or disabled since: nothing to deliver, and the log says why.
    if (!webhook?.enabled) {
      const lastError = webhook ? 'webhook disabled' : 'webhook deleted'
      await payload.update({ collection: 'webhook-deliveries', id: delivery.id, data: { status: 'failed', lastError }, depth: 0, overrideAccess: true })
      return { output: { status: 0 } }
    }
    const at = new Date()
    const body = JSON.stringify({ delivery: String(delivery.id), event: delivery.event, revision: delivery.revision, key: delivery.key, at: at.toISOString() } satisfies WebhookBody)
    // The queue's count of tries decides when to stop; the log's may lag it if a try died before
    // writing it (the database busy, the process killed).
    const attempts = Math.max(delivery.attempts ?? 0, job.totalTried ?? 0) + 1
    let statusCode: number | null = null
    let error: string | null = null
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Phrasebook-Webhooks/1',
          'phrasebook-event': delivery.event,
          'phrasebook-delivery': String(delivery.id),
          'phrasebook-signature': webhookSignature(webhook.secret, body, at),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      })
      statusCode = response.status
      await response.body?.cancel()
      if (!response.ok) error = `HTTP ${response.status}`
    } catch (failure) {
      error = (failure as Error).name === 'TimeoutError' ? `no answer in ${WEBHOOK_TIMEOUT_MS / 1000} s` : String((failure as Error).cause ?? (failure as Error).message).slice(0, 500)
    }
    const status = error === null ? 'delivered' : attempts >= WEBHOOK_ATTEMPTS ? 'failed' : 'pending'
    await payload.update({
      collection: 'webhook-deliveries',
      id: delivery.id,
      // The address as it was sent to (an admin may have corrected it since the change).
      data: { attempts, status, url: webhook.url, lastStatusCode: statusCode, lastError: error, ...(status === 'delivered' && { deliveredAt: new Date().toISOString() }) },
      depth: 0,
      overrideAccess: true,
    })
    if (status === 'pending') throw new Error(`Webhook delivery ${delivery.id} to ${webhook.url}: ${error}`)
    return { output: { status: statusCode ?? 0 } }
  },
}
