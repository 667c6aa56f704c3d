/**
 * What became of a phrase an agent tool offered, as `POST /v1/usage` reports it: shown to the
 * agent, inserted into the reply, sent as it is, edited before sending, or discarded. Editors read
 * them to fix phrases agents always edit and retire phrases they never send.
 */
export const USAGE_OUTCOMES = ['shown', 'inserted', 'sent', 'edited', 'discarded'] as const
export type UsageOutcome = (typeof USAGE_OUTCOMES)[number]

export const isUsageOutcome = (value: unknown): value is UsageOutcome => (USAGE_OUTCOMES as readonly unknown[]).includes(value)

/**
 * Whether a report counts as a use for ranking: the phrase was sent, as it is or edited (no
 * outcome: an older tool's plain use). Shown and inserted are steps before a send (a tool that
 * reports each step would count one use twice), discarded is no use.
 */
export const countsAsUse = (outcome: UsageOutcome | null | undefined) => outcome === 'sent' || outcome === 'edited' || outcome == null
