import type { Payload } from 'payload'

import { WEBHOOK_QUEUE } from './deliveries'

/** How often the queue is looked at for deliveries whose retry has come due. */
const RETRY_CHECK_MS = 1000

/**
 * Runs the webhook queue of Payload's jobs: at once when told a change was committed (so a
 * receiver hears of a publish in well under a second), and every second for retries that have
 * come due. One run at a time; a call during a run runs again after it.
 */
export class WebhookRunner {
  private running?: Promise<void>
  private again = false
  private readonly timer: NodeJS.Timeout

  constructor(private readonly payload: Payload) {
    this.timer = setInterval(() => this.run(), RETRY_CHECK_MS).unref()
  }

  run(): Promise<void> {
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = (async () => {
      do {
        this.again = false
        try {
          await this.payload.jobs.run({ queue: WEBHOOK_QUEUE, limit: 50, silent: { info: true } })
        } catch (error) {
          this.payload.logger.error({ err: error }, 'Could not run the webhook deliveries')
        }
      } while (this.again)
    })().finally(() => (this.running = undefined))
    return this.running
  }

  async stop(): Promise<void> {
    clearInterval(this.timer)
    await this.running
  }
}
