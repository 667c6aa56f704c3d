import type { PayloadRequest } from 'payload'

/**
 * Runs nested Local API calls that share `req` (and so its transaction) without leaving the
 * request changed for what follows: Payload sets `req.locale` to each call's `locale` and merges
 * each call's `context` into `req.context`, so a nested save's write intent (a glossary
 * re-proposal, say) would otherwise make every later write of the same request (e.g. the next row
 * of an import) look like one.
 */
export async function preservingRequest<T>(req: PayloadRequest | undefined, work: () => Promise<T>): Promise<T> {
  if (!req) return work()
  const { locale, fallbackLocale } = req
  const context = { ...req.context }
  try {
    return await work()
  } finally {
    req.locale = locale
    req.fallbackLocale = fallbackLocale
    // In place: hooks further up hold this very object.
    for (const key of Object.keys(req.context)) if (!(key in context)) delete req.context[key]
    Object.assign(req.context, context)
  }
}
