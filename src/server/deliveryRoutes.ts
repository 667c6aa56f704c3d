import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Request, Response, Router } from 'express'
import { LRUCache } from 'lru-cache'
import type { Payload } from 'payload'

import { scriptOf } from '../conversion/targets'
import { i18nBundle } from '../delivery/bundle'
import { DeliveryError, listedPhrases, one, phraseBody, readQuery } from '../delivery/request'
import { message, messageLanguage } from '../delivery/messages'
import { fallbacksOf, renderText } from '../delivery/render'
import { revisionsSince } from '../delivery/revisions'
import { PHRASE_PAGE, pageOf, readPage } from '../delivery/paging'
import { type PhraseSearch, readSearchQuery, searchPhrases } from '../delivery/search'
import { nextBoundary, resolvePhrase, servesLocale, type Snapshot } from '../delivery/snapshot'
import type { DeliveryStore } from '../delivery/store'
import { localDay } from '../domain/holidays'

export function sendDeliveryError(req: Request, res: Response, error: DeliveryError): void {
  const text = message(error.messageKey, messageLanguage(req.headers['accept-language']), error.values)
  res.status(error.status).json({ error: { code: error.code, message: text, ...error.details } })
}

type Cached = { revision: number; expiresAt: number; body: Buffer; etag: string }
/** What an entry costs beyond its body: its key (UTF-16), the entry object and the cache's own bookkeeping. */
const ENTRY_OVERHEAD_BYTES = 256

/**
 * Serialised answers by URL (and, when no `at` is given, by today's date), valid for one
 * revision and, for answers about "now", until the next validFrom/validUntil: a repeated read
 * costs a map lookup. Every answer carries an ETag, and `If-None-Match` with it gets a 304.
 * At most `maxBytes` of answers are kept (PHRASEBOOK_RESPONSE_CACHE_MB), the least recently
 * used going first, so distinct addresses (any `q`, unknown parameters) cannot grow memory.
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, Cached>

  constructor(
    private readonly timeZone: string,
    maxBytes: number,
  ) {
    // An answer larger than the whole budget (or any, with a budget of 0) is not kept.
    this.entries = new LRUCache({ maxSize: Math.max(1, maxBytes), sizeCalculation: (entry, key) => entry.body.byteLength + 2 * key.length + ENTRY_OVERHEAD_BYTES })
  }

  /** The bytes the cached answers take (bodies, keys and overhead), at most the budget. */
  get bytes(): number {
    return this.entries.calculatedSize
  }

  /** The cache key of a request URL: answers about "now" depend on today's date. */
  keyFor(url: string): string {
    return /[?&]at=/.test(url) ? url : `${url}#${localDay(new Date(), this.timeZone)}`
  }

  /** Whether the cache holds a current answer for this key. */
  holds(key: string, revision: number): boolean {
    const entry = this.entries.get(key)
    if (!entry) return false
    if (entry.revision === revision && entry.expiresAt > Date.now()) return true
    // Outdated for good: its room goes to current answers.
    this.entries.delete(key)
    return false
  }

  /** Answers from the cache if it holds a current answer for this request; false otherwise. */
  serveCached(req: IncomingMessage, res: ServerResponse, key: string, revision: number): boolean {
    if (!this.holds(key, revision)) return false
    this.write(req, res, this.entries.get(key)!)
    return true
  }

  send(req: Request, res: Response, revision: number, build: () => unknown, expiresAt = Infinity): void {
    const key = this.keyFor(req.originalUrl)
    if (this.serveCached(req, res, key, revision)) return
    const body = Buffer.from(JSON.stringify(build()))
    const entry = { revision, expiresAt, body, etag: `W/"${revision}-${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"` }
    this.entries.set(key, entry)
    this.write(req, res, entry)
  }

  private write(req: IncomingMessage, res: ServerResponse, entry: Cached): void {
    const match = req.headers['if-none-match']
    if (match && match.split(',').some((tag) => tag.trim() === entry.etag || tag.trim() === '*')) {
      res.writeHead(304, { ETag: entry.etag, 'Cache-Control': 'private, no-cache' })
      res.end()
      return
    }
    res.writeHead(200, { ETag: entry.etag, 'Cache-Control': 'private, no-cache', 'Content-Type': 'application/json; charset=utf-8' })
    res.end(entry.body)
  }
}

type Handler = (req: Request, res: Response) => void | Promise<void>

/** Runs a route, turning its refusals into localized JSON errors. */
export const guarded =
  (handler: Handler): Handler =>
  async (req, res) => {
    try {
      await handler(req, res)
    } catch (error) {
      if (error instanceof DeliveryError) sendDeliveryError(req, res, error)
      else throw error
    }
  }

/**
 * A client's delta-sync cursor (`?since=` of /v1/changes, the resume point of /v1/events): a
 * revision this process serves, or 400 `invalid_since`, or 410 `resync_required` above it.
 */
export async function checkedCursor(given: string, store: DeliveryStore): Promise<number> {
  if (!/^\d{1,15}$/.test(given)) throw new DeliveryError(400, 'invalid_since', 'invalid_since', { value: given })
  const since = Number(given)
  const { revision } = await store.snapshotReaching(since)
  // Above anything published (a restored database, a made-up cursor): an empty answer would
  // leave the client waiting for changes it will never be told of.
  if (since > revision) throw new DeliveryError(410, 'resync_required', 'resync_required', { since, revision }, { revision })
  return since
}

/** The read routes of `/v1`: phrases, search, scenarios, i18next bundles and delta changes. */
export function addDeliveryRoutes(router: Router, payload: Payload, store: DeliveryStore, search: PhraseSearch, cache: ResponseCache, timeZone: string): void {
  // An answer about "now" holds until the next phrase starts or stops being valid.
  const expiry = (snapshot: Snapshot, query: { time: number; dayGiven: boolean }) => (query.dayGiven ? Infinity : nextBoundary(snapshot, query.time))

  router.get(
    '/phrases',
    guarded(async (req, res) => {
      const query = readQuery(req.query as Record<string, unknown>, store.snapshot, timeZone)
      const page = readPage(req.query as Record<string, unknown>, PHRASE_PAGE)
      const snapshot = await store.snapshotReaching(page.revision)
      cache.send(req, res, snapshot.revision, () => {
        const { items, nextCursor } = pageOf(listedPhrases(snapshot, query), page, snapshot.revision)
        return {
          revision: snapshot.revision,
          locale: query.locale,
          day: query.day,
          items: items.map(({ key, phrase, variant }) => phraseBody(snapshot, phrase, variant, query, key)),
          nextCursor,
        }
      }, expiry(snapshot, query))
    }),
  )

  router.get(
    '/phrases/:key',
    guarded((req, res) => {
      const snapshot = store.snapshot
      const query = readQuery(req.query as Record<string, unknown>, snapshot, timeZone)
      const key = String(req.params.key)
      cache.send(req, res, snapshot.revision, () => {
        const resolved = resolvePhrase(snapshot, key, query)
        if (!resolved) throw new DeliveryError(404, 'not_found', 'phrase_not_found', { key })
        return phraseBody(snapshot, resolved.phrase, resolved.variant, query, key)
      }, expiry(snapshot, query))
    }),
  )

  router.get(
    '/search',
    guarded(async (req, res) => {
      const query = readSearchQuery(req.query as Record<string, unknown>, store.snapshot, timeZone)
      const snapshot = await store.snapshotReaching(query.page.revision)
      cache.send(req, res, snapshot.revision, () => {
        const index = search.indexFor(snapshot)
        return searchPhrases(snapshot, index, query, search.boostsFor(index))
      }, expiry(snapshot, query))
    }),
  )

  router.get(
    '/scenarios',
    guarded((req, res) => {
      const snapshot = store.snapshot
      const query = readQuery(req.query as Record<string, unknown>, snapshot, timeZone)
      const script = scriptOf(query.locale)
      cache.send(req, res, snapshot.revision, () => ({
        revision: snapshot.revision,
        locale: query.locale,
        items: [...snapshot.scenarios.values()].map((s) => ({ key: s.key, title: s.title[script] ?? null })),
      }))
    }),
  )

  router.get(
    '/scenarios/:key',
    guarded((req, res) => {
      const snapshot = store.snapshot
      const query = readQuery(req.query as Record<string, unknown>, snapshot, timeZone)
      const key = String(req.params.key)
      const script = scriptOf(query.locale)
      cache.send(req, res, snapshot.revision, () => {
        const scenario = snapshot.scenarios.get(key)
        if (!scenario) throw new DeliveryError(404, 'not_found', 'scenario_not_found', { key })
        return {
          key,
          title: scenario.title[script] ?? null,
          locale: query.locale,
          revision: snapshot.revision,
          // A step whose phrase agents cannot be served (a draft, withdrawn, not in effect that day,
          // untranslated) is left out: its key would tell them of an unpublished phrase.
          steps: scenario.steps
            .flatMap((step) => {
              const resolved = resolvePhrase(snapshot, step.phrase, query)
              const texts = resolved?.phrase.texts[query.locale]
              if (!resolved || !texts) return []
              const text = renderText(texts.text, query.vars, fallbacksOf(resolved.phrase, script), query.locale)
              return [{ note: step.note[script] ?? null, phrase: { key: step.phrase, text, variant: resolved.variant } }]
            })
            .map((step, index) => ({ order: index + 1, ...step })),
        }
      }, expiry(snapshot, query))
    }),
  )

  router.get(
    '/i18n/:lng/:file',
    guarded((req, res) => {
      const snapshot = store.snapshot
      const lng = String(req.params.lng)
      const file = String(req.params.file)
      if (!servesLocale(snapshot, lng)) throw new DeliveryError(400, 'unknown_locale', 'unknown_locale', { value: lng, allowed: snapshot.locales.join(', ') })
      const ns = file.endsWith('.json') ? file.slice(0, -'.json'.length) : file
      if (!snapshot.categories.has(ns)) {
        throw new DeliveryError(400, 'unknown_category', 'unknown_category', { value: ns, allowed: [...snapshot.categories.keys()].join(', ') })
      }
      const time = Date.now()
      cache.send(req, res, snapshot.revision, () => i18nBundle(snapshot, lng, ns, time), nextBoundary(snapshot, time))
    }),
  )

  router.get(
    '/changes',
    guarded(async (req, res) => {
      const since = await checkedCursor(one((req.query as Record<string, unknown>).since) ?? '0', store)
      const snapshot = store.snapshot
      // Up to what this process serves, so a client that then reads gets exactly that state.
      const entries = since >= snapshot.revision ? [] : (await revisionsSince(payload, since)).filter((e) => e.revision <= snapshot.revision)
      const latest = new Map<string, { key: string; change: string; revision: number }>()
      for (const entry of entries) if (entry.kind === 'phrase') latest.set(entry.key, { key: entry.key, change: entry.change, revision: entry.revision })
      cache.send(req, res, snapshot.revision, () => ({
        revision: snapshot.revision,
        since,
        reference: entries.some((e) => e.kind === 'reference'),
        changes: [...latest.values()].sort((a, b) => a.revision - b.revision),
      }))
    }),
  )
}
