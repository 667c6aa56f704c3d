import type { RevisionEntry } from './revisions'

/** What a revision is to those told of it (`GET /v1/events`, webhooks): a phrase published or withdrawn, or reference data changed. */
export const CHANGE_EVENTS = ['published', 'withdrawn', 'reference'] as const
export type ChangeEvent = (typeof CHANGE_EVENTS)[number]

export const eventOf = (entry: Pick<RevisionEntry, 'kind' | 'change'>): ChangeEvent =>
  entry.kind === 'reference' ? 'reference' : (entry.change as 'published' | 'withdrawn')
