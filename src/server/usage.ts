import type { Payload } from 'payload'

export type PhraseUse = { key: string; locale: string; channel: string; clientKind: 'api-client' | 'user'; clientId: string; clientName: string | null }

/** How often reported uses are written (an agent's report never waits for the database). */
const FLUSH_MS = 1000

/**
 * Collects `POST /v1/usage` reports and writes them in the background, so reporting costs an
 * agent tool nothing. A crash loses at most the last second of reports (analytics, not records).
 */
export class UsageRecorder {
  private pending: (PhraseUse & { at: string })[] = []
  private flushing: Promise<void> = Promise.resolve()
  private readonly timer: NodeJS.Timeout

  constructor(private readonly payload: Payload) {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS)
    this.timer.unref()
  }

  record(use: PhraseUse): void {
    this.pending.push({ ...use, at: new Date().toISOString() })
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
