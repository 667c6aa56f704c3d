import type { Payload } from 'payload'

import type { UsageTally } from '../delivery/search'
import { countsAsUse, type UsageOutcome } from '../domain/usageOutcomes'

export type PhraseUse = { key: string; locale: string; channel: string; outcome: UsageOutcome | null; clientKind: 'api-client' | 'user'; clientId: string; clientName: string | null }

/** How often reported uses are written (an agent's report never waits for the database). */
const FLUSH_MS = 1000
/** Search ranks by the uses of the last this many days (read at start), plus those reported since. */
const RECENT_DAYS = 30

/**
 * Collects `POST /v1/usage` reports and writes them in the background, so reporting costs an
 * agent tool nothing. A crash loses at most the last second of reports (analytics, not records).
 */
export class UsageRecorder implements UsageTally {
  private pending: (PhraseUse & { at: string })[] = []
  private readonly uses = new Map<string, number>()
  private readonly startedAt = new Date()
  private flushing: Promise<void> = Promise.resolve()
  private readonly timer: NodeJS.Timeout

  constructor(private readonly payload: Payload) {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS)
    this.timer.unref()
  }

  /**
   * Records a use of `use.key`, counted for search as a use of `base` (the phrase a variant is of)
   * unless it was only shown or was discarded.
   */
  record(use: PhraseUse, base = use.key): void {
    this.pending.push({ ...use, at: new Date().toISOString() })
    if (countsAsUse(use.outcome)) this.count(base, 1)
  }

  usesOf(key: string): number {
    return this.uses.get(key) ?? 0
  }

  /**
   * Counts the uses of the last 30 days written before this process started (the ones reported
   * to it since are counted as they come). Each process counts its own reports: a slow signal
   * for ranking, not a figure anyone reads.
   */
  async countRecentUses(): Promise<void> {
    const { docs } = await this.payload.find({
      collection: 'phrase-usage',
      where: { and: [{ at: { greater_than_equal: new Date(this.startedAt.getTime() - RECENT_DAYS * 86_400_000).toISOString() } }, { at: { less_than: this.startedAt.toISOString() } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { key: true, outcome: true },
    })
    for (const { key, outcome } of docs) if (countsAsUse(outcome)) this.count(key, 1)
  }

  private count(key: string, uses: number): void {
    this.uses.set(key, (this.uses.get(key) ?? 0) + uses)
  }

  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const batch = this.pending
      this.pending = []
      for (const use of batch) {
        await this.payload.create({ collection: 'phrase-usage', data: use, depth: 0, overrideAccess: true }).catch((error) => {
          this.payload.logger.error({ err: error }, `Could not record a use of ${use.key}`)
        })
      }
    })
    return this.flushing
  }

  async stop(): Promise<void> {
    clearInterval(this.timer)
    await this.flush()
  }
}
