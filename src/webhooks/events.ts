import type { RevisionEntry } from '../delivery/revisions'

/** What a webhook can be told of: a phrase published or withdrawn, or reference data changed. */
export const WEBHOOK_EVENTS = ['published', 'withdrawn', 'reference'] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

/** The event a delivery revision is, as webhooks and `GET /v1/events` name it. */
export const eventOf = (entry: Pick<RevisionEntry, 'kind' | 'change'>): WebhookEvent =>
  entry.kind === 'reference' ? 'reference' : (entry.change as 'published' | 'withdrawn')

/** The body POSTed to a webhook: the change, the revision it is, and the delivery's id (to deduplicate). */
export type WebhookBody = { delivery: string; event: WebhookEvent; revision: number; key: string; at: string }
