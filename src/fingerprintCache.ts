import type { CollectionSlug, Payload } from 'payload'

/** How long a process trusts what it built before asking the database whether the source changed. */
export const FINGERPRINT_CHECK_INTERVAL_MS = 1000

type Cached<T> = { value: T; fingerprint: string; checkedAt: number }

/** Count and latest change of a collection: any edit, addition or deletion changes it. */
async function fingerprintOf(payload: Payload, collection: CollectionSlug): Promise<string> {
  const latest = await payload.find({ collection, sort: '-updatedAt', limit: 1, depth: 0, overrideAccess: true })
  return `${latest.totalDocs}@${(latest.docs[0] as { updatedAt?: string } | undefined)?.updatedAt ?? ''}`
}

/**
 * Something built from a whole collection (the converter from the glossary, the matcher from the
 * forbidden terms), rebuilt in every server process within a second of a change to it, with no
 * shared memory between processes.
 */
export function builtFromCollection<T>(collection: CollectionSlug, build: (payload: Payload) => Promise<T>): (payload: Payload) => Promise<T> {
  const cache = new WeakMap<Payload, Cached<T>>()
  return async (payload) => {
    const cached = cache.get(payload)
    const now = Date.now()
    if (cached && now - cached.checkedAt < FINGERPRINT_CHECK_INTERVAL_MS) return cached.value
    const fingerprint = await fingerprintOf(payload, collection)
    if (cached && cached.fingerprint === fingerprint) {
      cached.checkedAt = now
      return cached.value
    }
    const value = await build(payload)
    cache.set(payload, { value, fingerprint, checkedAt: now })
    return value
  }
}
