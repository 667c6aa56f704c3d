import { createWriteStream } from 'node:fs'
import { readFile, rename, rm, stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip, gunzipSync } from 'node:zlib'

/**
 * The backup file: one JSON document (gzip when the name ends in .gz), a header followed by every
 * document of the collections below, as the database adapter stores them (localized fields with
 * every locale, relations as ids), and every version of the versioned collections. No Payload
 * imports here: this is the file format and its checks only.
 */
export const BACKUP_FORMAT = 'phrasebook-backup'
export const BACKUP_VERSION = 1

/**
 * What a backup holds, in the order a restore writes it: what is referred to before what refers
 * to it (phrases → categories and holidays; scenarios and scheduled runs → phrases), and the
 * audit log last. Left out on purpose: Payload's own bookkeeping (preferences, document locks,
 * key-value store, migrations), which a fresh database rebuilds.
 */
export const BACKUP_COLLECTIONS = [
  'categories',
  'holidays',
  'glossary',
  'forbidden-terms',
  'users',
  'api-clients',
  'phrases',
  'scenarios',
  // Failed runs stay here for people to see, and the scheduler counts attempts from them.
  'scheduled-runs',
  // Agent tools sync with `/v1/changes?since=<revision>`: the counter must go on from where it
  // was, or a tool holding revision 500 would see no change until the new counter passed 500.
  'delivery-revisions',
  // One row per use an agent tool reports: telemetry that grows without bound and is not needed
  // to run or audit the library, so only with --with-usage.
  'phrase-usage',
  'audit-log',
] as const
export type BackupCollection = (typeof BACKUP_COLLECTIONS)[number]

/** A document as the adapter stores it (`payload.db.find`): relations as ids, localized fields `{locale: value}`. */
export type BackupDocument = Record<string, unknown> & { id: number | string }

/** A row of Payload's versions table (`payload.db.findVersions`). */
export type BackupVersion = {
  id: number | string
  parent: number | string
  version: Record<string, unknown>
  createdAt: string
  updatedAt: string
  latest?: boolean | null
  autosave?: boolean | null
  snapshot?: boolean | null
  publishedLocale?: string | null
}

export type BackupHeader = {
  format: typeof BACKUP_FORMAT
  version: typeof BACKUP_VERSION
  createdAt: string
  /** The adapter the backup was read from, and the kind of ids it uses (numbers on SQL, text on MongoDB). */
  source: { adapter: string; idType: 'number' | 'text' }
  /** What is in the file beyond the library itself. */
  contents: { passwords: boolean; apiKeys: boolean; usage: boolean }
  /** Documents per collection, and versions per versioned collection. */
  counts: Partial<Record<BackupCollection, number>>
  versionCounts: Partial<Record<BackupCollection, number>>
  /** The audit chain as checked with the source's key when the backup was made (the key itself is never in the file). */
  auditChain: { entries: number; verified: boolean }
}

export type BackupFile = BackupHeader & {
  collections: Partial<Record<BackupCollection, BackupDocument[]>>
  versions: Partial<Record<BackupCollection, BackupVersion[]>>
}

/** The file is not a backup this program can read; nothing has been written. */
export class NotABackupError extends Error {}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function checkDocuments(where: string, value: unknown, expected: number | undefined, isRow: (row: Record<string, unknown>) => boolean): void {
  if (!Array.isArray(value)) throw new NotABackupError(`${where} is not a list of documents.`)
  if (expected !== undefined && expected !== value.length) {
    throw new NotABackupError(`${where} holds ${value.length} documents but the header counts ${expected}: the file is damaged or was edited.`)
  }
  const bad = value.findIndex((row) => !isObject(row) || !isRow(row))
  if (bad >= 0) throw new NotABackupError(`${where}: entry ${bad + 1} is not a stored document (no id).`)
}

/** Checks that a parsed file is a backup of this format and that its parts agree with its header. */
export function checkBackup(value: unknown): BackupFile {
  if (!isObject(value) || value.format !== BACKUP_FORMAT) {
    throw new NotABackupError(`This is not a Phrasebook backup (it has no "format": "${BACKUP_FORMAT}" header).`)
  }
  if (value.version !== BACKUP_VERSION) {
    throw new NotABackupError(
      typeof value.version === 'number' && value.version > BACKUP_VERSION
        ? `This backup has format version ${value.version}, written by a newer Phrasebook CMS; this one reads version ${BACKUP_VERSION}.`
        : `This backup has an unknown format version (${JSON.stringify(value.version)}).`,
    )
  }
  const { collections, versions, counts, versionCounts, source, contents, auditChain } = value
  if (!isObject(collections) || !isObject(versions) || !isObject(counts) || !isObject(versionCounts) || !isObject(source) || !isObject(contents) || !isObject(auditChain)) {
    throw new NotABackupError('This backup is incomplete: its header or its collections are missing.')
  }
  const known = new Set<string>(BACKUP_COLLECTIONS)
  for (const name of [...Object.keys(collections), ...Object.keys(versions)]) {
    if (!known.has(name)) throw new NotABackupError(`This backup holds an unknown collection "${name}".`)
  }
  for (const [name, docs] of Object.entries(collections)) {
    checkDocuments(`Collection ${name}`, docs, counts[name] as number | undefined, (row) => row.id !== undefined && row.id !== null)
  }
  for (const [name, rows] of Object.entries(versions)) {
    checkDocuments(`The versions of ${name}`, rows, versionCounts[name] as number | undefined, (row) => row.parent !== undefined && isObject(row.version))
  }
  return value as BackupFile
}

/** Reads a backup file (gzip or not, whatever its name) and checks it. */
export async function loadBackupFile(file: string): Promise<BackupFile> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (error) {
    throw new NotABackupError(`Cannot read ${file}: ${(error as Error).message}`)
  }
  // gzip's magic number, so a renamed file still reads.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes)
    } catch (error) {
      throw new NotABackupError(`${file} is a damaged gzip file: ${(error as Error).message}`)
    }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(bytes.toString('utf8'))
  } catch (error) {
    throw new NotABackupError(`${file} is not a Phrasebook backup (not JSON: ${(error as Error).message}).`)
  }
  return checkBackup(parsed)
}

/**
 * The backup as JSON text, piece by piece (a header, then one document at a time), so a large
 * library never has to become one string in memory.
 */
function* backupJson(backup: BackupFile): Generator<string> {
  const { collections, versions, ...header } = backup
  const headerJson = JSON.stringify(header, null, 1)
  yield headerJson.slice(0, -2) + ',\n'
  for (const [part, groups] of [['collections', collections], ['versions', versions]] as const) {
    yield ` "${part}": {`
    let firstGroup = true
    for (const [name, docs] of Object.entries(groups)) {
      yield `${firstGroup ? '' : ','}\n  ${JSON.stringify(name)}: [`
      firstGroup = false
      for (let i = 0; i < docs!.length; i++) yield `${i ? ',' : ''}\n   ${JSON.stringify(docs![i])}`
      yield docs!.length ? '\n  ]' : ']'
    }
    yield part === 'collections' ? '\n },\n' : '\n }\n}\n'
  }
}

/**
 * Writes the backup to `file` (gzip when it ends in .gz), readable by its owner only: it holds
 * e-mail addresses and the audit trail, and with secrets password hashes and API keys. Written
 * beside the target first, so a failure never leaves a half-written file under the target name.
 * Returns the size in bytes.
 */
export async function saveBackupFile(file: string, backup: BackupFile): Promise<number> {
  const partial = `${file}.partial`
  const chunks = Readable.from(backupJson(backup), { objectMode: false })
  const out = createWriteStream(partial, { mode: 0o600 })
  try {
    if (file.endsWith('.gz')) await pipeline(chunks, createGzip(), out)
    else await pipeline(chunks, out)
    await rename(partial, file)
  } catch (error) {
    await rm(partial, { force: true })
    throw error
  }
  return (await stat(file)).size
}
