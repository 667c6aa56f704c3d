import { randomBytes } from 'node:crypto'

import { afterAll, describe, expect, it } from '@jest/globals'
import ExcelJS from 'exceljs'
import Database from 'libsql'
import { getPayload, type Payload } from 'payload'

import { readStandardLibrary } from '../seed/library'
import { verifyAuditLog } from '../src/audit/log'
import { createPayloadConfig } from '../src/createPayloadConfig'
import { resolveSettings } from '../src/settings'
import { freshSqliteUrl, TEST_TMP } from './helpers/databases'
import { killHard, type ServerProcess, spawnServer, spawnUntil } from './helpers/server'

type Json = Record<string, any>

const env = {
  DATABASE_URL: freshSqliteUrl('crash'),
  PHRASEBOOK_DATA_DIR: `${TEST_TMP}/crash-data`,
  PAYLOAD_SECRET: randomBytes(24).toString('hex'),
  PHRASEBOOK_AUDIT_KEY: randomBytes(24).toString('hex'),
  PHRASEBOOK_ADMIN_EMAIL: 'crash-admin@example.com',
  PHRASEBOOK_ADMIN_PASSWORD: 'crash admin password',
  PHRASEBOOK_SCHEDULER_INTERVAL: '0',
  PHRASEBOOK_RATE_LIMIT: '0',
  NODE_ENV: 'test',
}
const LIBRARY_SIZE = readStandardLibrary().phrases.length
let inspections = 0

/** Opens the database the killed server left behind, in this process, and checks it. */
async function inspect<T>(check: (payload: Payload) => Promise<T>): Promise<T> {
  const settings = resolveSettings({ ...env, PHRASEBOOK_SEED: 'false', PORT: '0' })
  const payload = await getPayload({ config: await createPayloadConfig(settings), key: `crash-inspect-${inspections++}` })
  try {
    expect(await verifyAuditLog(payload, settings.auditKey)).toMatchObject({ ok: true })
    return await check(payload)
  } finally {
    await payload.destroy()
  }
}

const auditEntries = async (payload: Payload) =>
  (await payload.find({ collection: 'audit-log', pagination: false, depth: 0, sort: 'sequence' })).docs as unknown as Json[]

/** Every workflow transition in a version has its audit entry, and every entry its version. */
async function transitionsMatchTheirEntries(payload: Payload, keys: string[]) {
  const entries = await auditEntries(payload)
  for (const key of keys) {
    const phrase = (await payload.find({ collection: 'phrases', where: { key: { equals: key } }, draft: true, depth: 0 })).docs[0]!
    const versions = (await payload.findVersions({ collection: 'phrases', where: { parent: { equals: phrase.id } }, pagination: false, depth: 0 })).docs
    for (const action of ['submit', 'approve', 'edit'] as const) {
      const recorded = versions.filter((v) => v.version.changeAction === action).length
      const audited = entries.filter((e) => e.documentKey === key && e.action === action).length
      expect({ key, action, audited }).toEqual({ key, action, audited: recorded })
    }
  }
}

/**
 * `kill -9` of a real server process in the middle of loading the library, of publishing under
 * load, and of an import: the database it leaves is consistent and the audit chain verifies.
 * SQLite, the default (each of these runs in transactions; PostgreSQL's are covered by its
 * transactional rollback test in the workflow suite).
 */
describe('a killed server never corrupts data (SQLite)', () => {
  let server: ServerProcess | undefined
  afterAll(async () => {
    if (server) await killHard(server)
  })

  it('loading the library: killed half-way, every loaded phrase has its entries, and the next start finishes the job', async () => {
    const seeding = await spawnUntil({ ...env, PHRASEBOOK_SEED: 'true' }, /Enabling WAL/)
    // The log runs behind the database: watch the file itself and kill once some phrases are in.
    const file = new Database(env.DATABASE_URL.slice('file:'.length))
    const count = () => {
      try {
        return (file.prepare('SELECT count(*) AS n FROM phrases').get() as { n: number }).n
      } catch {
        return 0 // the schema is not there yet
      }
    }
    try {
      while (count() < 40) await new Promise((resolve) => setTimeout(resolve, 20))
      await killHard(seeding)
    } finally {
      file.close()
    }
    const loaded = await inspect(async (payload) => {
      const phrases = (await payload.find({ collection: 'phrases', pagination: false, depth: 0, select: { key: true, workflowState: true } })).docs
      const entries = await auditEntries(payload)
      for (const phrase of phrases) {
        expect(phrase.workflowState).toBe('published')
        expect(entries.filter((e) => e.documentKey === phrase.key).map((e) => e.action)).toEqual(['import', 'publish'])
      }
      return phrases.length
    })
    expect(loaded).toBeGreaterThanOrEqual(40)
    expect(loaded).toBeLessThan(LIBRARY_SIZE)

    server = await spawnServer({ ...env, PHRASEBOOK_SEED: 'true' })
    expect(server.output()).toContain('phrases +' + (LIBRARY_SIZE - loaded))
    // A development start pushes the schema unless told its database is current (PHRASEBOOK_SCHEMA_PUSH).
    expect(server.output()).toContain('Pulling schema')
  })

  const tokens: Record<string, string> = {}
  const call = async (who: string, path: string, method = 'GET', body?: unknown) => {
    const response = await fetch(server!.url + path, {
      method,
      headers: { authorization: `JWT ${tokens[who]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, body: (await response.json().catch(() => ({}))) as Json }
  }
  const login = async (email: string, password: string) =>
    ((await (await fetch(`${server!.url}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })).json()) as Json).token as string

  const BUSY_KEYS = ['closing.standard', 'hold.please_wait', 'opening.standard', 'hold.mute_notice']
  it('publishing under load: killed mid-stream, each transition has its audit entry and nothing else changed', async () => {
    tokens.admin = await login(env.PHRASEBOOK_ADMIN_EMAIL, env.PHRASEBOOK_ADMIN_PASSWORD)
    for (const [who, role] of [['editor', 'editor'], ['reviewer', 'reviewer']]) {
      expect((await call('admin', '/api/users', 'POST', { email: `${who}@example.com`, password: `${who} password`, roles: [role] })).status).toBe(201)
      tokens[who] = await login(`${who}@example.com`, `${who} password`)
    }
    const ids = await Promise.all(BUSY_KEYS.map(async (key) => (await call('editor', `/api/phrases?where[key][equals]=${key}&depth=0`)).body.docs[0].id))
    let running = true
    let rounds = 0
    const publishLoop = async (id: number, n: number) => {
      for (let round = 0; running; round++) {
        try {
          await call('editor', `/api/phrases/${id}?locale=zh-Hant&draft=true`, 'PATCH', { agentNotes: `第 ${n}-${round} 輪` })
          await call('editor', `/api/phrases/${id}/submit`, 'POST', {})
          await call('reviewer', `/api/phrases/${id}/approve`, 'POST', { acknowledgeWarnings: true })
          rounds++
        } catch {
          return // the server is gone
        }
      }
    }
    const loops = ids.map((id, n) => publishLoop(id, n))
    while (rounds < 6) await new Promise((resolve) => setTimeout(resolve, 50))
    await killHard(server!)
    running = false
    await Promise.all(loops)
    await inspect((payload) => transitionsMatchTheirEntries(payload, BUSY_KEYS))
  })

  it('an import: killed before it finishes, none of its rows is written', async () => {
    server = await spawnServer({ ...env, PHRASEBOOK_SEED: 'false' })
    tokens.editor = await login('editor@example.com', 'editor password')
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('話術')
    sheet.addRow(['key', 'category', 'title_zh-Hant', 'text_zh-Hant'])
    const ROWS = 400
    for (let i = 0; i < ROWS; i++) sheet.addRow([`hold.crash_${i}`, 'hold', `請稍候 ${i}`, `請您稍候，我馬上為您查詢（${i}）。`])
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer)]), 'crash.xlsx')
    let answered = false
    const importing = fetch(`${server.url}/api/phrases/import?dryRun=false`, { method: 'POST', body: form, headers: { authorization: `JWT ${tokens.editor}` } }).then(
      (response) => {
        expect(response.status).toBe(200)
        answered = true
      },
      () => undefined,
    )
    // Killed once rows are being written (the import runs for several seconds).
    await new Promise((resolve) => setTimeout(resolve, 2500))
    await killHard(server)
    await importing
    const written = await inspect(async (payload) => (await payload.count({ collection: 'phrases', where: { key: { like: 'hold.crash_' } } })).totalDocs)
    expect({ answered, written }).toEqual(answered ? { answered, written: ROWS } : { answered, written: 0 })
    server = undefined
  })
})
