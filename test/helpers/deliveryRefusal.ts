import { DeliveryError } from '../../src/delivery/request'

/** What a delivery read refused `work` with (its status, code and message key); fails if it was not refused. */
export function refusal(work: () => unknown): { status: number; code: string; messageKey: string } {
  try {
    work()
  } catch (error) {
    if (error instanceof DeliveryError) return { status: error.status, code: error.code, messageKey: error.messageKey }
    throw error
  }
  throw new Error('expected a refusal')
}
