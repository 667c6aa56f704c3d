import type { CollectionSlug, Payload, PayloadRequest, Sort } from 'payload'

import { verifyChain } from '../audit/chain'
import { runtimeSettings } from '../runtimeSettings'
import {
  BACKUP_COLLECTIONS,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupCollection,
  type BackupDocument,
  type BackupFile,
  type BackupVersion,
} from './format'

export type BackupOptions = {
  /** Password hashes and salts of people, and the API keys of agent tools (`--with-secrets`). */
  withSecrets?: boolean
  /** The phrase-usage rows (`--with-usage`); see BACKUP_COLLECTIONS for why they are optional. */
  withUsage?: boolean
  log?: (line: string) => void
}

/** Documents read per query: big libraries page through, with progress after each page. */
const PAGE = 500

/** Sign-in state that belongs to one database and one PAYLOAD_SECRET: never in a backup. */
const SESSION_FIELDS = ['sessions', 'loginAttempts', 'lockUntil', 'resetPasswordToken', 'resetPasswordExpiration', 'resetPasswordRequestedAt']
const PASSWORD_FIELDS = ['hash', 'salt']

/** The chain's own order, so a restore appends entries exactly as they were appended. */
const SORT: Partial<Record<BackupCollection, string>> = { 'audit-log': 'sequence', 'delivery-revisions': 'revision' }

type Reader = { payload: Payload; req: Partial<PayloadRequest>; log: (line: string) => void }

/** Reads every row of a collection (or of its versions) page by page, as the adapter stores them. */
async function readAll<T>(reader: Reader, label: string, query: (page: number) => Promise<{ docs: T[]; totalDocs: number; hasNextPage: boolean }>): Promise<T[]> {
  const rows: T[] = []
  for (let page = 1; ; page++) {
    const result = await query(page)
    rows.push(...result.docs)
    if (result.totalDocs > PAGE || !result.hasNextPage) reader.log(`Reading ${label}: ${rows.length}/${result.totalDocs}`)
    if (!result.hasNextPage) return rows
  }
}

function readCollection(reader: Reader, collection: BackupCollection): Promise<BackupDocument[]> {
  const sort = (SORT[collection] ?? 'id') as Sort
  return readAll(reader, collection, (page) =>
    reader.payload.db.find<BackupDocument>({ collection: collection as CollectionSlug, where: {}, sort, limit: PAGE, page, pagination: true, req: reader.req }),
  )
}

function readVersions(reader: Reader, collection: BackupCollection): Promise<BackupVersion[]> {
  return readAll(reader, `${collection} versions`, (page) =>
    reader.payload.db.findVersions({ collection: collection as CollectionSlug, where: {}, sort: 'id', limit: PAGE, page, pagination: true, req: reader.req }),
  ) as unknown as Promise<BackupVersion[]>
}

const without = (doc: BackupDocument, fields: string[]): BackupDocument =>
  Object.fromEntries(Object.entries(doc).filter(([field]) => !fields.includes(field))) as BackupDocument

/** People: never their sessions; their password hashes only when asked for. */
function userForBackup(doc: BackupDocument, withSecrets: boolean): BackupDocument {
  return without(doc, withSecrets ? SESSION_FIELDS : [...SESSION_FIELDS, ...PASSWORD_FIELDS])
}

/**
 * Agent tools: the stored key is encrypted with PAYLOAD_SECRET and found through an HMAC with it,
 * so neither would work under another secret. With secrets the backup holds the key itself, and
 * the restore encrypts and indexes it again with the target's secret.
 */
function apiClientForBackup(payload: Payload, doc: BackupDocument, withSecrets: boolean): BackupDocument {
  const { apiKey, apiKeyIndex: _index, ...rest } = doc
  if (!withSecrets || typeof apiKey !== 'string' || !apiKey) return { ...rest, apiKey: null }
  return { ...rest, apiKey: payload.decrypt(apiKey) }
}

/**
 * On PostgreSQL every read of the backup runs in one read-only, repeatable-read transaction: one
 * consistent picture of the library and its audit trail even while people keep working. SQLite
 * (without transactions in Payload's adapter) and MongoDB read as they go.
 */
async function inSnapshot<T>(payload: Payload, read: (req: Partial<PayloadRequest>) => Promise<T>): Promise<T> {
  if (payload.db.name !== 'postgres') return read({})
  const transactionID = await payload.db.beginTransaction({ isolationLevel: 'repeatable read', accessMode: 'read only' })
  if (!transactionID) return read({})
  try {
    const result = await read({ transactionID })
    await payload.db.commitTransaction(transactionID)
    return result
  } catch (error) {
    await payload.db.rollbackTransaction(transactionID)
    throw error
  }
}

/** Which collections keep versions (the phrases: their approval history). */
const hasVersions = (payload: Payload, collection: BackupCollection) => Boolean(payload.collections[collection as CollectionSlug]?.config.versions)

/**
 * Reads the whole library into a backup: every document of BACKUP_COLLECTIONS and every version,
 * in every locale, with the original ids and times. The audit chain is checked with this
 * database's key and the verdict put in the header (never the key).
 */
export async function writeBackup(payload: Payload, options: BackupOptions = {}): Promise<BackupFile> {
  const log = options.log ?? (() => {})
  const withSecrets = Boolean(options.withSecrets)
  const included = BACKUP_COLLECTIONS.filter((collection) => collection !== 'phrase-usage' || options.withUsage)
  const { collections, versions } = await inSnapshot(payload, async (req) => {
    const reader: Reader = { payload, req, log }
    const collections: BackupFile['collections'] = {}
    const versions: BackupFile['versions'] = {}
    for (const collection of included) {
      let docs = await readCollection(reader, collection)
      if (collection === 'users') docs = docs.map((doc) => userForBackup(doc, withSecrets))
      if (collection === 'api-clients') docs = docs.map((doc) => apiClientForBackup(payload, doc, withSecrets))
      collections[collection] = docs
      if (hasVersions(payload, collection)) versions[collection] = await readVersions(reader, collection)
    }
    return { collections, versions }
  })
  const audit = collections['audit-log'] ?? []
  const verdict = verifyChain(runtimeSettings(payload).auditKey, audit)
  const count = <T>(parts: Partial<Record<BackupCollection, T[]>>) =>
    Object.fromEntries(Object.entries(parts).map(([name, docs]) => [name, docs!.length])) as Partial<Record<BackupCollection, number>>
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    source: { adapter: payload.db.name, idType: payload.db.defaultIDType },
    contents: { passwords: withSecrets, apiKeys: withSecrets, usage: Boolean(options.withUsage) },
    counts: count(collections),
    versionCounts: count(versions),
    auditChain: { entries: audit.length, verified: verdict.ok },
    collections,
    versions,
  }
}
