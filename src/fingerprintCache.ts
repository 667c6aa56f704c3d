import type { CollectionSlug, Payload } from 'payload'

import { changeFeedOf } from './changes/announce'

type Cached<T> = { built?: { value: T; fingerprint: string }; current?: Promise<T>; checkAgain: boolean; checks: number }

/** Count and latest change of a collection: any edit, addition or deletion changes it. */
async function fingerprintOf(payload: Payload, collection: CollectionSlug): Promise<string> {
  const latest = await payload.find({ collection, sort: '-updatedAt', limit: 1, depth: 0, overrideAccess: true })
  return `${latest.totalDocs}@${(latest.docs[0] as { updatedAt?: string } | undefined)?.updatedAt ?? ''}`
}

/**
 * Something built from a whole collection (the converter from the glossary, the matcher from the
 * forbidden terms), trusted until the change feed says the collection (or anything) changed; the
 * next use then compares the collection's fingerprint and rebuilds only if it moved.
 */
export function builtFromCollection<T>(collection: CollectionSlug, build: (payload: Payload) => Promise<T>): (payload: Payload) => Promise<T> {
  const cache = new WeakMap<Payload, Cached<T>>()
  return async (payload) => {
    let cached = cache.get(payload)
    if (!cached) {
      const entry: Cached<T> = { checkAgain: true, checks: 0 }
      cache.set(payload, (cached = entry))
      changeFeedOf(payload).follow([collection], () => {
        entry.checkAgain = true
      })
    }
    if (cached.checkAgain || !cached.current) {
      // Cleared before reading: a change announced while this reads or builds asks for another check.
      cached.checkAgain = false
      const entry = cached
      const check = ++entry.checks
      entry.current = (async () => {
        const fingerprint = await fingerprintOf(payload, collection)
        if (entry.built?.fingerprint === fingerprint) return entry.built.value
        const value = await build(payload)
        // A later check may have begun meanwhile (a change came in): the newest one keeps its build.
        if (entry.checks === check) entry.built = { value, fingerprint }
        return value
      })()
      // A failed read or build is tried again by the next use.
      entry.current.catch(() => (entry.checkAgain = true))
    }
    return cached.current!
  }
}
