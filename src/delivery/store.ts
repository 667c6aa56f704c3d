import type { Payload, Where } from 'payload'

import { changeFeedOf } from '../changes/announce'
import type { Script } from '../domain/locales'
import { runtimeSettings } from '../runtimeSettings'
import { currentRevision, revisionsSince } from './revisions'
import {
  buildSnapshot,
  type Category,
  type Holiday,
  type Localized,
  patchSnapshot,
  type PublishedPhrase,
  type Scenario,
  type Snapshot,
} from './snapshot'

/** Past this many changed phrases a full rebuild is cheaper than patching. */
const PATCH_LIMIT = 500

type Id = number | string
type Names = { categories: Map<Id, string>; holidays: Map<Id, string>; phrases: Map<Id, string> }

const idOf = (value: unknown): Id | null =>
  value === null || value === undefined ? null : typeof value === 'object' ? ((value as { id: Id }).id ?? null) : (value as Id)

/** Only what agents may see: published, and not retired or expired by the workflow. */
const PUBLISHED: Where = { _status: { equals: 'published' }, workflowState: { equals: 'published' } }

async function readNames(payload: Payload): Promise<Names & { categoryDocs: Category[]; holidayDocs: Holiday[] }> {
  const all = { pagination: false, depth: 0, overrideAccess: true, locale: 'all' } as const
  const [categories, holidays, phrases] = await Promise.all([
    payload.find({ collection: 'categories', ...all }),
    payload.find({ collection: 'holidays', ...all }),
    payload.find({ collection: 'phrases', pagination: false, depth: 0, overrideAccess: true, select: { key: true } }),
  ])
  return {
    categories: new Map(categories.docs.map((c) => [c.id, c.slug])),
    holidays: new Map(holidays.docs.map((h) => [h.id, h.code])),
    phrases: new Map(phrases.docs.map((p) => [p.id, p.key])),
    categoryDocs: categories.docs.map((c) => ({ slug: c.slug, name: c.name as unknown as Localized, order: c.order ?? 0 })),
    holidayDocs: holidays.docs.map((h) => ({ code: h.code, name: h.name as unknown as Localized, dates: h.dates ?? [], regions: h.regions ?? [] })),
  }
}

function toPublished(doc: Record<string, any>, names: Names): PublishedPhrase {
  return {
    id: String(doc.id),
    key: doc.key,
    category: names.categories.get(idOf(doc.category)!) ?? '',
    sourceScript: (doc.sourceScript as Script) ?? 'zh-Hant',
    title: doc.title ?? {},
    text: doc.text ?? {},
    agentNotes: doc.agentNotes ?? {},
    tags: doc.tags ?? [],
    triggers: doc.triggers ?? [],
    channels: doc.channels ?? [],
    variables: (doc.variables ?? []).map(({ name, description, example, fallback }: Record<string, any>) => ({ name, description, example, fallback })),
    variantOf: names.phrases.get(idOf(doc.variantOf)!) ?? null,
    holiday: names.holidays.get(idOf(doc.holiday)!) ?? null,
    validFrom: doc.validFrom ?? null,
    validUntil: doc.validUntil ?? null,
    order: doc.order ?? 0,
    updatedAt: doc.updatedAt,
  }
}

async function readPublished(payload: Payload, names: Names, keys?: string[]): Promise<PublishedPhrase[]> {
  const { docs } = await payload.find({
    collection: 'phrases',
    where: keys ? { and: [PUBLISHED, { key: { in: keys } }] } : PUBLISHED,
    locale: 'all',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  // A patch may bring a variant of a phrase this process has not seen: learn its key.
  const unknown = docs.map((doc) => idOf(doc.variantOf)).filter((id): id is Id => id !== null && !names.phrases.has(id))
  if (unknown.length) {
    const bases = await payload.find({ collection: 'phrases', where: { id: { in: unknown } }, pagination: false, depth: 0, overrideAccess: true, select: { key: true } })
    for (const base of bases.docs) names.phrases.set(base.id, base.key)
  }
  for (const doc of docs) names.phrases.set(doc.id, doc.key)
  return docs.map((doc) => toPublished(doc as unknown as Record<string, any>, names))
}

async function readScenarios(payload: Payload, names: Names): Promise<Scenario[]> {
  const { docs } = await payload.find({ collection: 'scenarios', locale: 'all', pagination: false, depth: 0, overrideAccess: true })
  return docs.map((doc) => ({
    key: doc.key,
    title: doc.title as unknown as Localized,
    steps: (doc.steps ?? []).map((step) => ({ phrase: names.phrases.get(idOf(step.phrase)!) ?? '', note: (step.note ?? {}) as unknown as Localized })),
  }))
}

/** The store serving each Payload instance of this process (a test file may start more than one). */
const running = new Map<Payload, DeliveryStore>()

export type DeliveryStats = { revision: number; phrases: number; lastBuildMs: number; lastBuildKind: 'full' | 'patch' | null; heapUsedBytes: number }

/**
 * The published library in memory, as every `/v1` read serves it. Each process follows the
 * change feed (a new delivery revision, committed here or announced by another process) and
 * catches up on its own: phrases that changed are re-read and patched in, anything else
 * (categories, holidays, scenarios) rebuilds it whole. No process needs another's memory, so
 * requests can go to any of them.
 */
export class DeliveryStore {
  private current: Snapshot | null = null
  private unfollow: (() => void) | null = null
  private retry: NodeJS.Timeout | undefined
  private readonly advanced = new Set<(revision: number) => void>()
  private refreshing: Promise<void> | null = null
  private lastBuildMs = 0
  private lastBuildKind: DeliveryStats['lastBuildKind'] = null
  private names: Names | null = null

  constructor(private readonly payload: Payload) {}

  get snapshot(): Snapshot {
    if (!this.current) throw new Error('The delivery snapshot is not loaded yet.')
    return this.current
  }

  async start(): Promise<void> {
    // Followed before the first load: a revision committed while it reads is caught up on after.
    this.unfollow = changeFeedOf(this.payload).follow(['delivery-revisions'], () => this.catchUpNow())
    await this.refresh()
    running.set(this.payload, this)
  }

  async stop(): Promise<void> {
    this.unfollow?.()
    this.unfollow = null
    clearTimeout(this.retry)
    if (running.get(this.payload) === this) running.delete(this.payload)
    await this.refreshing
  }

  /** Brings the snapshot up to the database's newest revision (one refresh at a time). */
  refresh(): Promise<void> {
    this.refreshing ??= this.catchUp().finally(() => {
      this.refreshing = null
    })
    return this.refreshing
  }

  /**
   * Brings the snapshot up to what is committed now: a refresh already under way may have read
   * the revision before the caller's change committed, so it is waited out and one more is run
   * (or joined, when another caller started it after that one).
   */
  async refreshNow(): Promise<void> {
    await this.refreshing?.catch(() => undefined)
    await this.refresh()
  }

  /**
   * The snapshot, brought up to what is committed first when `revision` is ahead of it: a cursor
   * another process gave a client may be ahead of this one's snapshot.
   */
  async snapshotReaching(revision: number | undefined): Promise<Snapshot> {
    if (revision !== undefined && revision > this.snapshot.revision) await this.refreshNow()
    return this.snapshot
  }

  /**
   * Calls `listener` each time the snapshot has moved to another revision (a newer one, or an
   * older one after a restore); returns the unsubscribe.
   */
  onAdvance(listener: (revision: number) => void): () => void {
    this.advanced.add(listener)
    return () => this.advanced.delete(listener)
  }

  /** A failed catch-up (the database away for a moment) is tried again each second until it succeeds. */
  private catchUpNow(): void {
    clearTimeout(this.retry)
    this.refreshNow().catch((error) => {
      this.payload.logger.error({ err: error }, 'Delivery snapshot refresh failed; trying again in a second')
      if (!this.unfollow) return
      this.retry = setTimeout(() => this.catchUpNow(), 1000)
      this.retry.unref()
    })
  }

  stats(): DeliveryStats {
    return {
      revision: this.current?.revision ?? 0,
      phrases: this.current?.phrases.size ?? 0,
      lastBuildMs: this.lastBuildMs,
      lastBuildKind: this.lastBuildKind,
      heapUsedBytes: process.memoryUsage().heapUsed,
    }
  }

  /**
   * The library as agents would get it if `doc` (a phrase as read with `locale: 'all'`, usually a
   * draft) were published now: for previews in the admin. The served snapshot is not touched.
   */
  async withPhrase(doc: Record<string, any>): Promise<Snapshot> {
    await this.refresh()
    const names = this.names ?? (this.names = await readNames(this.payload))
    // The draft's own key may differ from its published one: never teach the shared names a draft.
    const withDraft = { ...names, phrases: new Map(names.phrases).set(doc.id, doc.key) }
    return patchSnapshot(this.snapshot, this.snapshot.revision, [toPublished(doc, withDraft)], [])
  }

  private async catchUp(): Promise<void> {
    // The revision is read first: whatever commits while we read is picked up next time.
    const revision = await currentRevision(this.payload)
    const previous = this.current
    if (previous && previous.revision === revision) return
    const started = performance.now()
    const entries = previous ? await revisionsSince(this.payload, previous.revision) : []
    const keys = [...new Set(entries.filter((e) => e.kind === 'phrase').map((e) => e.key))]
    const patchable = previous && this.names && entries.length > 0 && entries.every((e) => e.kind === 'phrase') && keys.length <= PATCH_LIMIT
    if (patchable) {
      const changed = await readPublished(this.payload, this.names!, keys)
      const published = new Set(changed.map((p) => p.key))
      this.current = patchSnapshot(previous, revision, changed, keys.filter((key) => !published.has(key)))
      this.lastBuildKind = 'patch'
    } else {
      const names = await readNames(this.payload)
      const [phrases, scenarios] = await Promise.all([readPublished(this.payload, names), readScenarios(this.payload, names)])
      this.current = buildSnapshot({
        revision,
        phrases,
        categories: names.categoryDocs,
        holidays: names.holidayDocs,
        scenarios,
        defaultTraditional: runtimeSettings(this.payload).defaultTraditional,
        regions: runtimeSettings(this.payload).regions,
      })
      this.names = names
      this.lastBuildKind = 'full'
    }
    this.lastBuildMs = performance.now() - started
    if (this.current.revision !== previous?.revision) for (const listener of this.advanced) listener(this.current.revision)
  }
}

/** Figures for benchmarks and health checks: the store of this process's server, if it runs one. */
export function deliveryStats(): DeliveryStats | null {
  return running.values().next().value?.stats() ?? null
}

/** The store serving `/v1` for this Payload instance (null without one, e.g. in a script). */
export function deliveryStoreOf(payload: Payload): DeliveryStore | null {
  return running.get(payload) ?? null
}

/** Loads the snapshot and keeps it current (see `DeliveryStore`); stop it on shutdown. */
export async function startDeliveryStore(payload: Payload): Promise<DeliveryStore> {
  const store = new DeliveryStore(payload)
  await store.start()
  return store
}
