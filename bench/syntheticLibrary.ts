import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import { CALL_CENTRE_OVERRIDES, PhraseConverter } from '../src/conversion'
import { proposedRegion } from '../src/conversion/regionalProposals'
import { REGIONS, type Script } from '../src/domain/locales'
import { placeholdersIn } from '../src/domain/phraseKey'
import { readStandardLibrary } from '../seed/library'

/**
 * A synthetic phrase library for the delivery benchmark: `count` published phrases
 * `bench.p000000`, `bench.p000001`, … in category `bench`, both scripts, channels phone and chat.
 *
 * Titles and texts are taken round-robin from the standard library (seed/data), keeping the
 * texts of 30–60 characters whose only variable is `{{customer_title}}`, so their length and
 * vocabulary are those of real phrases; about a third declare `{{customer_title}}`.
 *
 * On SQLite the rows are inserted with SQL (multi-row INSERTs, one transaction per chunk) into the
 * tables Payload reads published documents from: `phrases`, `phrases_locales` (one row per script),
 * `phrases_channels`, `phrases_variables` and `phrases_texts` (tags), with the values the Local API
 * would write (checked row by row against a phrase created through it).
 *
 * No version rows: Payload reads published documents (`find`, `count`, REST without `draft`, the
 * delivery snapshot) from the main tables only; reads with `draft: true` (the admin, history,
 * restore) would find nothing.
 * 100,000 phrases take seconds this way instead of ~2 hours through the Local API.
 * Other databases fall back to the Local API (slow: only for small counts).
 */

type Texts = { 'zh-Hant': string; 'zh-Hans': string; 'zh-TW': string; 'zh-HK': string; 'zh-CN': string }
export type SyntheticSample = {
  /** Both scripts, and each region's text as the converter proposes it (what agents are served). */
  title: Texts
  text: Texts
  /** The text uses {{customer_title}} (declared in `variables`). */
  customerTitle: boolean
}

export const BENCH_CATEGORY = 'bench'
const CHANNELS = ['phone', 'chat'] as const
const TAGS = ['bench'] as const
const CHANGED_BY = 'Benchmark (synthetic library)'
const CUSTOMER_TITLE = {
  name: 'customer_title',
  description: '客戶稱呼（姓氏加先生、女士等，或職務稱呼）',
  example: '王先生',
  fallback: { zhHant: '先生／女士', zhHans: '先生／女士' },
}
/** Phrases per SQL transaction (keeps every multi-row INSERT well under SQLite's 32,766 parameters). */
const CHUNK = 500

export function syntheticKey(n: number): string {
  return `bench.p${String(n).padStart(6, '0')}`
}

/** Characters of a text, counting a {{placeholder}} as the two characters a short value would take. */
const visibleLength = (text: string) => [...text.replace(/\{\{[^{}]*\}\}/g, '王先')].length

let samplesCache: SyntheticSample[] | undefined
const converter = new PhraseConverter(CALL_CENTRE_OVERRIDES)

/** A sample with each region's text proposed from its scripts, as a save would store it. */
function withRegions(sample: { title: Record<Script, string>; text: Record<Script, string>; customerTitle: boolean }): SyntheticSample {
  const scripts = { 'zh-Hant': { title: sample.title['zh-Hant'], text: sample.text['zh-Hant'] }, 'zh-Hans': { title: sample.title['zh-Hans'], text: sample.text['zh-Hans'] } }
  const title = { ...sample.title } as Texts
  const text = { ...sample.text } as Texts
  for (const region of REGIONS) {
    const proposal = proposedRegion(converter, scripts, 'zh-Hant', region)!
    title[region] = proposal.title ?? ''
    text[region] = proposal.text ?? ''
  }
  return { ...sample, title, text }
}

/** Real titles and texts of 30–60 characters: without variables, or with {{customer_title}} only. */
export function syntheticSamples(): SyntheticSample[] {
  if (samplesCache) return samplesCache
  const samples: SyntheticSample[] = []
  for (const phrase of readStandardLibrary().phrases) {
    const length = visibleLength(phrase.text['zh-Hant'])
    if (length < 30 || length > 60) continue
    const names = new Set([...placeholdersIn(phrase.text['zh-Hant']), ...placeholdersIn(phrase.text['zh-Hans'])])
    if ([...names].some((name) => name !== CUSTOMER_TITLE.name)) continue
    samples.push(
      withRegions({
        title: { 'zh-Hant': phrase.title['zh-Hant'], 'zh-Hans': phrase.title['zh-Hans'] },
        text: { 'zh-Hant': phrase.text['zh-Hant'], 'zh-Hans': phrase.text['zh-Hans'] },
        customerTitle: names.has(CUSTOMER_TITLE.name),
      }),
    )
  }
  const plain = samples.filter((s) => !s.customerTitle)
  const withTitle = samples.filter((s) => s.customerTitle)
  // A few built-in pairs in case the library has changed beyond recognition.
  if (plain.length === 0) {
    plain.push(withRegions({
      title: { 'zh-Hant': '客戶詢問辦理進度', 'zh-Hans': '客户询问办理进度' },
      text: {
        'zh-Hant': '您好，您的申請我們已經收到，目前正在處理中，預計三個工作天內會有結果，屆時會以簡訊通知您。',
        'zh-Hans': '您好，您的申请我们已经收到，目前正在处理中，预计三个工作天内会有结果，届时会以短信通知您。',
      },
      customerTitle: false,
    }))
  }
  if (withTitle.length === 0) {
    withTitle.push(withRegions({
      title: { 'zh-Hant': '通話結束前致謝', 'zh-Hans': '通话结束前致谢' },
      text: {
        'zh-Hant': '{{customer_title}}，非常感謝您的來電，如果還有其他問題，歡迎隨時與我們聯絡，祝您生活愉快，再見。',
        'zh-Hans': '{{customer_title}}，非常感谢您的来电，如果还有其他问题，欢迎随时与我们联系，祝您生活愉快，再见。',
      },
      customerTitle: true,
    }))
  }
  // Interleave so that every third phrase declares {{customer_title}}.
  const ordered: SyntheticSample[] = []
  const total = Math.max(plain.length, withTitle.length * 2) * 3
  for (let i = 0; ordered.length < total; i++) {
    ordered.push(plain[(2 * i) % plain.length]!, plain[(2 * i + 1) % plain.length]!, withTitle[i % withTitle.length]!)
  }
  samplesCache = ordered
  return ordered
}

/** The content of synthetic phrase number n (what the loader writes for `syntheticKey(n)`). */
export function syntheticPhrase(n: number): SyntheticSample & { key: string } {
  const samples = syntheticSamples()
  return { key: syntheticKey(n), ...samples[n % samples.length]! }
}

type Row = Record<string, string | number | null>
type Statement = { sql: string; args: (string | number | null)[] }
type LibsqlClient = {
  execute: (statement: string | Statement) => Promise<{ rows: Record<string, unknown>[] }>
  batch: (statements: Statement[], mode?: 'write' | 'read' | 'deferred') => Promise<unknown>
}

/** One multi-row INSERT for rows that all have the same columns. */
function insert(table: string, rows: Row[]): Statement[] {
  if (rows.length === 0) return []
  const columns = Object.keys(rows[0]!)
  const tuple = `(${columns.map(() => '?').join(', ')})`
  return [
    {
      sql: `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`,
      args: rows.flatMap((row) => columns.map((c) => row[c] ?? null)),
    },
  ]
}

/** The bench category (slug `bench`), created through the Local API if it is not there. */
async function benchCategory(payload: Payload): Promise<number | string> {
  const found = await payload.find({
    collection: 'categories',
    where: { slug: { equals: BENCH_CATEGORY } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  if (found.docs[0]) return found.docs[0].id
  const category = await payload.create({
    collection: 'categories',
    locale: 'zh-Hant',
    data: { slug: BENCH_CATEGORY, name: '基準測試', order: 999 },
    overrideAccess: true,
    depth: 0,
    context: { seed: true },
  })
  await payload.update({
    collection: 'categories',
    id: category.id,
    locale: 'zh-Hans',
    data: { name: '基准测试' },
    overrideAccess: true,
    depth: 0,
    context: { seed: true },
  })
  return category.id
}

/** Fails clearly if the schema no longer has the columns this loader writes. */
async function checkColumns(client: LibsqlClient, expected: Record<string, string[]>): Promise<void> {
  for (const [table, columns] of Object.entries(expected)) {
    const { rows } = await client.execute(`PRAGMA table_info("${table}")`)
    if (rows.length === 0) throw new Error(`Synthetic library: table ${table} does not exist (has the Phrases schema changed?)`)
    const present = new Set(rows.map((r) => String(r.name)))
    const missing = columns.filter((c) => !present.has(c))
    if (missing.length) throw new Error(`Synthetic library: ${table} has no column(s) ${missing.join(', ')} (has the Phrases schema changed?)`)
    // A new NOT NULL column without a default would make every insert fail: say which.
    const required = rows.filter((r) => Number(r.notnull) === 1 && r.dflt_value === null && Number(r.pk) === 0)
    const unset = required.map((r) => String(r.name)).filter((c) => !columns.includes(c))
    if (unset.length) throw new Error(`Synthetic library: ${table} has new required column(s) ${unset.join(', ')}; update bench/syntheticLibrary.ts`)
  }
}

const nextId = async (client: LibsqlClient, table: string) =>
  Number((await client.execute(`SELECT COALESCE(MAX(id), 0) + 1 AS next FROM "${table}"`)).rows[0]!.next)

/** A 24-hex id like the ObjectIds Payload gives array rows, unique within this load. */
function arrayRowIds() {
  const prefix = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0') + randomBytes(4).toString('hex')
  let counter = 0
  return () => prefix + (counter++).toString(16).padStart(8, '0')
}

async function loadWithSql(
  payload: Payload,
  categoryId: number | string,
  count: number,
  log: (line: string) => void,
): Promise<void> {
  const client = (payload.db as unknown as { client: LibsqlClient }).client
  const columns = {
    phrases: ['id', 'key', 'category_id', 'source_script', 'order', 'workflow_state', 'change_action', 'changed_by', 'updated_at', 'created_at', '_status'],
    phrases_locales: ['id', '_locale', '_parent_id', 'title', 'text', 'machine_converted'],
    phrases_channels: ['id', 'order', 'parent_id', 'value'],
    phrases_variables: ['id', '_order', '_parent_id', 'name', 'description', 'example', 'fallback_zh_hant', 'fallback_zh_hans'],
    phrases_texts: ['id', 'order', 'parent_id', 'path', 'text'],
  }
  type Table = keyof typeof columns
  const tables = Object.keys(columns) as Table[]
  await checkColumns(client, Object.fromEntries(tables.map((table) => [table, columns[table]])))
  const clash = await client.execute({ sql: `SELECT COUNT(*) AS n FROM "phrases" WHERE "key" LIKE ?`, args: ['bench.p%'] })
  if (Number(clash.rows[0]!.n) > 0) throw new Error('Synthetic library: the database already has bench.p… phrases (load into an empty database)')

  const ids = Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await nextId(client, table)]))) as Record<Table, number>
  const next = (table: Table) => ids[table]++
  const arrayRowId = arrayRowIds()
  const started = Date.now()
  let reported = started

  for (let from = 0; from < count; from += CHUNK) {
    const rows = Object.fromEntries(tables.map((table) => [table, [] as Row[]])) as Record<Table, Row[]>
    const now = new Date().toISOString()
    for (let n = from; n < Math.min(count, from + CHUNK); n++) {
      const phrase = syntheticPhrase(n)
      const id = next('phrases')
      rows.phrases.push({
        id,
        key: phrase.key,
        category_id: categoryId,
        source_script: 'zh-Hant',
        order: n,
        workflow_state: 'published',
        change_action: 'publish',
        changed_by: CHANGED_BY,
        updated_at: now,
        created_at: now,
        _status: 'published',
      })
      for (const locale of ['zh-Hant', 'zh-Hans', ...REGIONS] as const) {
        rows.phrases_locales.push({
          id: next('phrases_locales'),
          _locale: locale,
          _parent_id: id,
          title: phrase.title[locale],
          text: phrase.text[locale],
          machine_converted: 0,
        })
      }
      CHANNELS.forEach((value, i) => rows.phrases_channels.push({ id: next('phrases_channels'), order: i + 1, parent_id: id, value }))
      TAGS.forEach((text, i) => rows.phrases_texts.push({ id: next('phrases_texts'), order: i + 1, parent_id: id, path: 'tags', text }))
      const variable = phrase.customerTitle
        ? {
            _order: 1,
            name: CUSTOMER_TITLE.name,
            description: CUSTOMER_TITLE.description,
            example: CUSTOMER_TITLE.example,
            fallback_zh_hant: CUSTOMER_TITLE.fallback.zhHant,
            fallback_zh_hans: CUSTOMER_TITLE.fallback.zhHans,
          }
        : undefined
      const variableId = variable && arrayRowId()
      if (variable) rows.phrases_variables.push({ id: variableId!, _parent_id: id, ...variable })
    }
    // Parents first (the child tables have foreign keys to phrases).
    await client.batch(
      tables.flatMap((table) => insert(table, rows[table])),
      'write',
    )
    const done = Math.min(count, from + CHUNK)
    if (Date.now() - reported > 5000 || done === count) {
      reported = Date.now()
      log(`Synthetic library: ${done}/${count} phrases (${((Date.now() - started) / 1000).toFixed(1)} s)`)
    }
  }
  // Fresh statistics for the query planner after a bulk load.
  await client.execute('ANALYZE')
}

/** Slow path for databases other than SQLite: the Local API, one phrase at a time. */
async function loadWithLocalApi(
  payload: Payload,
  categoryId: number | string,
  count: number,
  log: (line: string) => void,
): Promise<void> {
  const options = {
    overrideAccess: true,
    depth: 0,
    context: { seed: true, change: { action: 'publish', by: CHANGED_BY, approvedBy: null } },
  } as const
  for (let n = 0; n < count; n++) {
    const phrase = syntheticPhrase(n)
    const doc = await payload.create({
      collection: 'phrases',
      locale: 'zh-Hant',
      data: {
        _status: 'published',
        workflowState: 'published',
        key: phrase.key,
        category: categoryId as number,
        title: phrase.title['zh-Hant'],
        text: phrase.text['zh-Hant'],
        machineConverted: false,
        sourceScript: 'zh-Hant',
        channels: [...CHANNELS],
        tags: [...TAGS],
        order: n,
        variables: phrase.customerTitle ? [CUSTOMER_TITLE] : [],
      },
      ...options,
    })
    await payload.update({
      collection: 'phrases',
      id: doc.id,
      locale: 'zh-Hans',
      data: { title: phrase.title['zh-Hans'], text: phrase.text['zh-Hans'], machineConverted: false },
      ...options,
    })
    if ((n + 1) % 100 === 0 || n + 1 === count) log(`Synthetic library (Local API): ${n + 1}/${count} phrases`)
  }
}

/**
 * Fills an empty database with `count` published phrases (see the top of this file).
 * Returns the keys in order (`syntheticKey(0)` … `syntheticKey(count - 1)`).
 */
export async function loadSyntheticLibrary(
  payload: Payload,
  count: number,
  log: (line: string) => void = () => {},
): Promise<{ keys: string[]; ms: number; method: 'sql' | 'local-api' }> {
  const started = Date.now()
  const categoryId = await benchCategory(payload)
  const method = payload.db.name === 'sqlite' ? 'sql' : 'local-api'
  if (method === 'sql') await loadWithSql(payload, categoryId, count, log)
  else await loadWithLocalApi(payload, categoryId, count, log)
  return { keys: Array.from({ length: count }, (_, n) => syntheticKey(n)), ms: Date.now() - started, method }
}
