import type { PayloadRequest } from 'payload'

/**
 * Runs nested Local API calls that share `req` (and so its transaction) without leaving the
 * request in another locale: Payload sets `req.locale` to each call's `locale`.
 */
export async function preservingLocale<T>(req: PayloadRequest | undefined, work: () => Promise<T>): Promise<T> {
  if (!req) return work()
  const { locale, fallbackLocale } = req
  try {
    return await work()
  } finally {
    req.locale = locale
    req.fallbackLocale = fallbackLocale
  }
}
