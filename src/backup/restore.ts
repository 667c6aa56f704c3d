import { createHmac } from 'node:crypto'

import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type CollectionSlug,
  type FlattenedField,
  type Payload,
  type PayloadRequest,
} from 'payload'

import { type ChainVerdict, verifyChain } from '../audit/chain'
import { verifyAuditLog } from '../audit/log'
import { runtimeSettings } from '../runtimeSettings'
import { BACKUP_COLLECTIONS, type BackupCollection, type BackupDocument, type BackupFile, type BackupVersion } from './format'

export type RestoreOptions = {
  log?: (line: string) => void
  /**
   * `auto` (the default) keeps every id when the target stores the same kind of id as the source
   * (numbers on SQLite and PostgreSQL, text on MongoDB) and gives new ids otherwise, rewriting
   * every relation to them. `remap` forces new ids (tests use it to cover that path on SQL).
   */
  ids?: 'auto' | 'keep' | 'remap'
  /** Restore although the backup's audit chain does not verify with this database's key. */
  allowUnverifiedChain?: boolean
}

export type RestoreReport = {
  counts: Partial<Record<BackupCollection, number>>
  versionCounts: Partial<Record<BackupCollection, number>>
  ids: 'kept' | 'remapped'
  passwords: boolean
  apiKeys: boolean
  /** Relations to documents missing from the backup, left empty (named in the log). */
  danglingReferences: number
  /** The audit chain as read back from the target after the restore. */
  auditChain: ChainVerdict
}

/** The restore would not be safe; nothing has been written. */
export class RestoreRefused extends Error {
  constructor(
    readonly reason: 'not_empty' | 'audit_key' | 'ids',
    message: string,
  ) {
    super(message)
  }
}

/** Progress lines every so many documents. */
const PROGRESS_EVERY = 100

/** Ids of people kept inside JSON (the four-eyes rule's authors), which relations cannot describe. */
const USER_ID_LISTS: Partial<Record<BackupCollection, string[]>> = { phrases: ['pendingAuthors'] }

type Id = number | string

/** Source id → target id per collection; with kept ids, a record of what has been written so far. */
class IdMap {
  private readonly maps = new Map<string, Map<string, Id>>()
  constructor(readonly keep: boolean) {}
  set(collection: string, oldId: Id, newId: Id): void {
    if (!this.maps.has(collection)) this.maps.set(collection, new Map())
    this.maps.get(collection)!.set(String(oldId), newId)
  }
  get(collection: string, oldId: Id): Id | undefined {
    return this.maps.get(collection)?.get(String(oldId))
  }
}

type Writer = {
  payload: Payload
  req: PayloadRequest
  ids: IdMap
  log: (line: string) => void
  dangling: number
  /** What was written: documents per collection, versions per versioned collection. */
  written: { counts: Partial<Record<BackupCollection, number>>; versionCounts: Partial<Record<BackupCollection, number>> }
}

type Missing = { relationTo: string; id: Id; field: string }

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const mapValues = (value: Record<string, unknown>, fn: (v: unknown) => unknown) =>
  Object.fromEntries(Object.entries(value).map(([key, v]) => [key, fn(v)]))

/**
 * A copy of `data` with every relation (at any depth: arrays, groups, every locale) pointing at
 * the target's ids. A relation the map does not know yet becomes null and is reported in `missing`.
 */
function mapRelations(fields: readonly FlattenedField[], data: Record<string, unknown>, ids: IdMap, missing: Missing[]): Record<string, unknown> {
  const out = { ...data }
  for (const field of fields) {
    if (!('name' in field) || !(field.name in out) || out[field.name] === null || out[field.name] === undefined) continue
    const value = out[field.name]
    const perLocale = (fn: (v: unknown) => unknown) => ('localized' in field && field.localized && isObject(value) ? mapValues(value, fn) : fn(value))
    if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') {
      const relationTo = field.relationTo
      const one = (id: unknown) => {
        if (id === null || id === undefined) return id
        const mapped = ids.get(relationTo, id as Id)
        if (mapped === undefined) missing.push({ relationTo, id: id as Id, field: field.name })
        return mapped ?? null
      }
      out[field.name] = perLocale((v) => (Array.isArray(v) ? v.map(one).filter((id) => id !== null) : one(v)))
    } else if (field.type === 'array') {
      out[field.name] = perLocale((rows) => (Array.isArray(rows) ? rows.map((row) => (isObject(row) ? mapRelations(field.flattenedFields, row, ids, missing) : row)) : rows))
    } else if (field.type === 'group' || field.type === 'tab') {
      out[field.name] = perLocale((group) => (isObject(group) ? mapRelations(field.flattenedFields, group, ids, missing) : group))
    }
    // Polymorphic relations and blocks: none in these collections.
  }
  return out
}

/** Person ids inside JSON lists (pendingAuthors) follow the people's new ids. */
function mapUserIdLists(collection: BackupCollection, data: Record<string, unknown>, ids: IdMap): void {
  for (const field of USER_ID_LISTS[collection] ?? []) {
    const list = data[field]
    if (Array.isArray(list)) data[field] = list.map((id) => String(ids.get('users', id as Id) ?? id))
  }
}

/**
 * What a stored document needs besides its relations: people start with no failed sign-ins;
 * an agent tool's key (only in a backup with secrets) is encrypted and indexed with this
 * database's PAYLOAD_SECRET, as Payload does on save.
 */
function withSecretsForTarget(payload: Payload, collection: BackupCollection, data: Record<string, unknown>): Record<string, unknown> {
  if (collection === 'users') return { ...data, loginAttempts: 0 }
  if (collection !== 'api-clients') return data
  const key = typeof data.apiKey === 'string' && data.apiKey ? data.apiKey : null
  return {
    ...data,
    apiKey: key ? payload.encrypt(key) : null,
    apiKeyIndex: key ? createHmac('sha256', payload.secret).update(key).digest('hex') : null,
  }
}

const fieldsOf = (payload: Payload, collection: BackupCollection) => payload.collections[collection as CollectionSlug].config.flattenedFields

/** Top-level relations of a collection to itself (a phrase's `variantOf`). */
function selfRelations(payload: Payload, collection: BackupCollection): string[] {
  return fieldsOf(payload, collection)
    .filter((field) => field.type === 'relationship' && field.relationTo === collection && !field.hasMany && !field.localized)
    .map((field) => field.name)
}

/** Documents another document of the same collection points at come first (base phrases before their variants). */
function referencedFirst(docs: BackupDocument[], selfFields: string[]): BackupDocument[] {
  if (selfFields.length === 0) return docs
  const ids = new Set(docs.map((doc) => String(doc.id)))
  const placed = new Set<string>()
  const ordered: BackupDocument[] = []
  let waiting = docs
  while (waiting.length) {
    const ready = waiting.filter((doc) =>
      selfFields.every((field) => doc[field] == null || !ids.has(String(doc[field])) || placed.has(String(doc[field]))),
    )
    // A cycle: write the rest as they come; their relations are set afterwards.
    const next = ready.length ? ready : waiting
    for (const doc of next) {
      ordered.push(doc)
      placed.add(String(doc.id))
    }
    waiting = waiting.filter((doc) => !placed.has(String(doc.id)))
  }
  return ordered
}

function reportDangling(writer: Writer, collection: string, id: Id, missing: Missing[]): void {
  for (const ref of missing) {
    writer.dangling++
    writer.log(`Warning: ${collection} ${id}: ${ref.field} points at ${ref.relationTo} ${ref.id}, which is not in the backup; left empty.`)
  }
}

const progress = (writer: Writer, label: string, done: number, total: number) => {
  if (done % PROGRESS_EVERY === 0 || done === total) writer.log(`Restoring ${label}: ${done}/${total}`)
}

/**
 * Writes one collection's documents through the database adapter: no hooks run (nothing is
 * converted, stamped, audited or counted again) and createdAt/updatedAt are the originals.
 */
async function restoreDocuments(writer: Writer, collection: BackupCollection, docs: BackupDocument[]): Promise<void> {
  const { payload, req, ids } = writer
  const fields = fieldsOf(payload, collection)
  const selfFields = selfRelations(payload, collection)
  const later: { id: Id; field: string; target: Id }[] = []
  let done = 0
  for (const doc of referencedFirst(docs, selfFields)) {
    const missing: Missing[] = []
    const mapped = withSecretsForTarget(payload, collection, mapRelations(fields, doc, ids, missing))
    mapUserIdLists(collection, mapped, ids)
    const { id: _id, ...data } = mapped
    const created = await payload.db.create({
      collection: collection as CollectionSlug,
      data,
      customID: ids.keep ? doc.id : undefined,
      req,
      returning: !ids.keep,
    })
    const newId = ids.keep ? doc.id : (created as { id: Id }).id
    ids.set(collection, doc.id, newId)
    const deferred = missing.filter((ref) => ref.relationTo === collection && selfFields.includes(ref.field))
    for (const ref of deferred) later.push({ id: newId, field: ref.field, target: ref.id })
    reportDangling(writer, collection, doc.id, missing.filter((ref) => !deferred.includes(ref)))
    progress(writer, collection, ++done, docs.length)
  }
  writer.written.counts[collection] = done
  // Relations within the collection that pointed forward (or in a cycle).
  for (const { id, field, target } of later) {
    const mapped = ids.get(collection, target)
    if (mapped === undefined) {
      reportDangling(writer, collection, id, [{ relationTo: collection, id: target, field }])
      continue
    }
    await payload.db.updateOne({ collection: collection as CollectionSlug, id, data: { [field]: mapped }, req, returning: false })
  }
}

/**
 * Writes the versions (the approval history) in their original order, with their original times,
 * so the history reads as before: newest by updatedAt, the id breaking ties.
 */
async function restoreVersions(writer: Writer, collection: BackupCollection, rows: BackupVersion[]): Promise<void> {
  const { payload, req, ids } = writer
  const fields = fieldsOf(payload, collection)
  const versionIds = new Map<string, Id>()
  let done = 0
  for (const row of rows) {
    const parent = ids.get(collection, row.parent)
    if (parent === undefined) {
      writer.dangling++
      writer.log(`Warning: a version of ${collection} ${row.parent}, which is not in the backup, was left out.`)
      continue
    }
    const missing: Missing[] = []
    const versionData = mapRelations(fields, row.version, ids, missing)
    mapUserIdLists(collection, versionData, ids)
    reportDangling(writer, `${collection} ${row.parent} version`, row.id, missing)
    const created = await payload.db.createVersion({
      collectionSlug: collection as CollectionSlug,
      parent,
      versionData,
      autosave: Boolean(row.autosave),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      publishedLocale: row.publishedLocale ?? undefined,
      snapshot: row.snapshot ? true : undefined,
      req,
    })
    versionIds.set(String(row.id), created.id)
    progress(writer, `${collection} versions`, ++done, rows.length)
  }
  writer.written.versionCounts[collection] = done
  await restoreLatestFlags(writer, collection, rows, versionIds)
}

/**
 * Payload marks the newest version `latest` as each is written, which reproduces the source's
 * flags in nearly every case; versions written in the same millisecond can differ, so the flags
 * are made to match the backup exactly.
 */
async function restoreLatestFlags(writer: Writer, collection: BackupCollection, rows: BackupVersion[], versionIds: Map<string, Id>): Promise<void> {
  const { payload, req } = writer
  const expected = new Set(rows.filter((row) => row.latest && versionIds.has(String(row.id))).map((row) => String(versionIds.get(String(row.id)))))
  const { docs } = await payload.db.findVersions({ collection: collection as CollectionSlug, where: { latest: { equals: true } }, pagination: false, limit: 0, req })
  const actual = new Set(docs.map((doc) => String(doc.id)))
  const fixes = [...[...actual].filter((id) => !expected.has(id)).map((id) => [id, false] as const), ...[...expected].filter((id) => !actual.has(id)).map((id) => [id, true] as const)]
  for (const [id, latest] of fixes) {
    await payload.db.updateVersion({ collection: collection as CollectionSlug, id, versionData: { latest } as never, req, returning: false })
  }
  if (fixes.length) writer.log(`Set the latest-version mark of ${fixes.length} ${collection} versions as in the backup.`)
}

/**
 * PostgreSQL hands out ids from a sequence that explicit ids do not move: set each to the highest
 * restored id, or the next document created would collide with a restored one.
 */
async function continueIdSequences(writer: Writer, collections: BackupCollection[]): Promise<void> {
  const { payload, req } = writer
  if (payload.db.name !== 'postgres' || !writer.ids.keep) return
  const db = payload.db as unknown as {
    tableNameMap: Map<string, string>
    sessions: Record<string, { db: { execute: (sql: string) => Promise<unknown> } }>
    pool: { query: (sql: string) => Promise<unknown> }
  }
  const session = req.transactionID ? db.sessions[String(await req.transactionID)] : undefined
  for (const collection of collections) {
    const table = db.tableNameMap.get(collection.replace(/-/g, '_')) ?? collection.replace(/-/g, '_')
    const statement = `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE((SELECT max(id) FROM "${table}"), 1), (SELECT max(id) FROM "${table}") IS NOT NULL)`
    await (session ? session.db.execute(statement) : db.pool.query(statement))
  }
}

/** The collections (and versions) of the library that already hold something, with their counts. */
export async function existingContent(payload: Payload): Promise<string[]> {
  const found: string[] = []
  for (const collection of BACKUP_COLLECTIONS) {
    const slug = collection as CollectionSlug
    const { totalDocs } = await payload.db.count({ collection: slug, where: {} })
    if (totalDocs > 0) found.push(`${collection}: ${totalDocs}`)
    if (payload.collections[slug].config.versions) {
      const versions = await payload.db.countVersions({ collection: slug, where: {} })
      if (versions.totalDocs > 0) found.push(`${collection} versions: ${versions.totalDocs}`)
    }
  }
  return found
}

/** The refusals that come before any write: a database in use, an audit key that cannot verify the chain. */
async function refuseUnsafeRestore(payload: Payload, backup: BackupFile, options: RestoreOptions): Promise<boolean> {
  const existing = await existingContent(payload)
  if (existing.length) {
    throw new RestoreRefused(
      'not_empty',
      `The target database is not empty (${existing.join(', ')}). A backup is restored only into an empty database, ` +
        'so nothing already there can be overwritten or mixed with it. Point DATABASE_URL at a new, empty database.',
    )
  }
  const keep = options.ids === 'keep' || (options.ids !== 'remap' && backup.source.idType === payload.db.defaultIDType)
  if (options.ids === 'keep' && backup.source.idType !== payload.db.defaultIDType) {
    throw new RestoreRefused('ids', `This database stores ${payload.db.defaultIDType} ids and the backup ${backup.source.idType} ids: they cannot be kept.`)
  }
  const verdict = verifyChain(runtimeSettings(payload).auditKey, backup.collections['audit-log'] ?? [])
  if (!verdict.ok && !options.allowUnverifiedChain) {
    const where = `entry ${verdict.firstBadEntry!.sequence}: ${verdict.firstBadEntry!.reason}`
    throw new RestoreRefused(
      'audit_key',
      backup.auditChain.verified
        ? `The backup's audit chain does not verify with this database's PHRASEBOOK_AUDIT_KEY (${where}). It verified with the ` +
            "source's key when the backup was made, so this target runs with a different key. Set PHRASEBOOK_AUDIT_KEY to the " +
            "source's key (or copy the source's data/.audit-key over this data directory's) and restore again."
        : `The backup's audit chain does not verify (${where}), and it did not verify at the source either when the backup ` +
            'was made. Restore it anyway with --allow-unverified-chain to keep the trail exactly as it is.',
    )
  }
  return keep
}

/**
 * Loads a backup into an empty database, through the database adapter (no hooks, ids kept where
 * the adapter allows, original times), in one transaction where the adapter has them
 * (PostgreSQL: a failure leaves the database empty). The audit entries are written exactly as
 * they were, in sequence order, so the chain verifies with the same key; it is read back and
 * verified at the end.
 */
export async function restoreBackup(payload: Payload, backup: BackupFile, options: RestoreOptions = {}): Promise<RestoreReport> {
  const log = options.log ?? (() => {})
  const keep = await refuseUnsafeRestore(payload, backup, options)
  const req = await createLocalReq({}, payload)
  const writer: Writer = { payload, req, ids: new IdMap(keep), log, dangling: 0, written: { counts: {}, versionCounts: {} } }
  const present = BACKUP_COLLECTIONS.filter((collection) => backup.collections[collection])
  const transactional = await initTransaction(req)
  try {
    for (const collection of present) {
      await restoreDocuments(writer, collection, backup.collections[collection]!)
      const versions = backup.versions[collection]
      if (versions?.length) await restoreVersions(writer, collection, versions)
    }
    await continueIdSequences(writer, present)
    if (transactional) await commitTransaction(req)
  } catch (error) {
    if (transactional) await killTransaction(req)
    const state = transactional
      ? 'Nothing was kept: the transaction was rolled back.'
      : 'This adapter has no transactions, so part of the backup is in the database now: empty it before restoring again.'
    throw new Error(`The restore failed: ${(error as Error).message}. ${state}`, { cause: error })
  }
  const users = backup.collections.users ?? []
  return {
    ...writer.written,
    ids: keep ? 'kept' : 'remapped',
    passwords: users.some((user) => typeof user.hash === 'string'),
    apiKeys: (backup.collections['api-clients'] ?? []).some((client) => typeof client.apiKey === 'string' && client.apiKey !== ''),
    danglingReferences: writer.dangling,
    auditChain: await verifyAuditLog(payload, runtimeSettings(payload).auditKey),
  }
}
