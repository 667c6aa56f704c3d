import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The signature of a webhook delivery, sent as `Phrasebook-Signature: t=<unix seconds>,v1=<hex>`:
 * HMAC-SHA256 with the webhook's secret over `<t>.<body>`. The time is signed with the body, so a
 * captured delivery replayed later is refused by a receiver that checks `t` (five minutes, say).
 */
export function webhookSignature(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000)
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`
}

/** What a receiver does with the header: true if the body was signed with `secret` within `toleranceSeconds` of `now`. */
export function verifyWebhookSignature(secret: string, header: string, body: string, now = new Date(), toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.trim().split('=') as [string, string]))
  const t = Number(parts.t)
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'))
  const given = Buffer.from(parts.v1)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
