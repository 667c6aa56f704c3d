import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { CollectionSlug, Payload } from 'payload'

import { recordAudit, verifyAuditLog } from '../src/audit/log'
import { writeBackup } from '../src/backup/backup'
import { BACKUP_COLLECTIONS, type BackupFile, checkBackup, loadBackupFile, NotABackupError, saveBackupFile } from '../src/backup/format'
import { existingContent, restoreBackup, RestoreRefused } from '../src/backup/restore'
import { runDueJobs } from '../src/jobs/scheduler'
import { PROJECT_ROOT, type RunningServer, startServer } from '../src/server/start'
import type { Settings } from '../src/settings'
import { freshDatabaseUrl, freshPostgresUrl, freshSqliteUrl, seededSettings, startPayload, TEST_TMP, testSettings } from './helpers/databases'

type Json = Record<string, any>

const API_KEY = 'backup-test-key-0123456789abcdef'
const PEOPLE = { editor: ['editor'], reviewer: ['reviewer'] } as const
const HOUR = 3600_000
/** Seeding the library, restores and child processes: minutes on a busy 2-core machine. */
const SLOW = 600_000

/** Every document of a collection as the Local API reads it: every locale, relations as ids. */
const everything = async (payload: Payload, collection: string, draft = false) =>
  (await payload.find({ collection: collection as CollectionSlug, locale: 'all', depth: 0, draft, pagination: false, sort: 'id', overrideAccess: true })).docs as Json[]

/** Every phrase version, in the history's order, without the version's own id (renumbered by a restore). */
const versionsOf = async (payload: Payload) =>
  (
    await payload.findVersions({ collection: 'phrases', locale: 'all', depth: 0, pagination: false, sort: ['parent', 'updatedAt', 'id'], overrideAccess: true })
  ).docs.map(({ id: _id, ...rest }) => rest as Json)

const auditTrail = async (payload: Payload) =>
  (await payload.find({ collection: 'audit-log', sort: 'sequence', pagination: false, depth: 0, overrideAccess: true })).docs as Json[]

async function counts(payload: Payload): Promise<Record<string, number>> {
  const result: Record<string, number> = {}
  for (const collection of BACKUP_COLLECTIONS) {
    result[collection] = (await payload.count({ collection: collection as CollectionSlug, overrideAccess: true })).totalDocs
  }
  result['phrases versions'] = (await payload.db.countVersions({ collection: 'phrases', where: {} })).totalDocs
  return result
}

/** Phrase relations by what people know them by: category slug, base phrase key, holiday code, scenario step keys. */
async function relationsByKey(payload: Payload) {
  const phrases = (await payload.find({ collection: 'phrases', depth: 1, draft: true, pagination: false, sort: 'key', overrideAccess: true, locale: 'zh-Hant' })).docs
  const scenarios = (await payload.find({ collection: 'scenarios', depth: 1, pagination: false, sort: 'key', overrideAccess: true, locale: 'zh-Hant' })).docs
  const runs = (await payload.find({ collection: 'scheduled-runs', depth: 1, pagination: false, overrideAccess: true })).docs
  const key = (doc: unknown, field: string) => (doc && typeof doc === 'object' ? (doc as Json)[field] : doc)
  return {
    phrases: phrases.map((p) => [p.key, key(p.category, 'slug'), key(p.variantOf, 'key') ?? null, key(p.holiday, 'code') ?? null]),
    scenarios: scenarios.map((s) => [s.key, s.steps.map((step) => key(step.phrase, 'key'))]),
    runs: runs.map((run) => [run.job, key(run.phrase, 'key'), run.status]),
  }
}

/** The people a phrase's pending change is waiting on, by e-mail (ids differ when a restore renumbers). */
async function pendingAuthorsByEmail(payload: Payload) {
  const users = new Map((await everything(payload, 'users')).map((user) => [String(user.id), user.email]))
  return (await everything(payload, 'phrases', true))
    .filter((p) => Array.isArray(p.pendingAuthors) && p.pendingAuthors.length)
    .map((p) => [p.key, p.pendingAuthors.map((id: string) => users.get(id))])
}

const cannotSignIn = (payload: Payload, email: string, password: string) =>
  expect(payload.login({ collection: 'users', data: { email, password } })).rejects.toThrow()

describe('backup and restore', () => {
  let source: RunningServer
  let settings: Settings
  let backup: BackupFile
  let file: string
  let target: Payload
  let targetSettings: Settings
  const others: Payload[] = []
  const tokens: Record<string, string> = {}
  const restoreLog: string[] = []

  const api = (route: string, who: string, init: RequestInit = {}) =>
    fetch(source.url + route, { ...init, headers: { 'content-type': 'application/json', authorization: `JWT ${tokens[who]}` } })
  const post = async (route: string, who: string, body: unknown = {}) => {
    const response = await api(route, who, { method: 'POST', body: JSON.stringify(body) })
    expect(response.status).toBeLessThan(300)
    return (await response.json()) as Json
  }
  const patch = async (id: number | string, who: string, locale: string, body: unknown) => {
    const response = await api(`/api/phrases/${id}?draft=true&locale=${locale}`, who, { method: 'PATCH', body: JSON.stringify(body) })
    expect(response.status).toBe(200)
  }
  const idOf = async (collection: 'phrases' | 'categories', field: string, value: string) =>
    (await source.payload.find({ collection, where: { [field]: { equals: value } }, draft: true, depth: 0, overrideAccess: true })).docs[0]!.id

  /** A second target, on its own Payload instance, with the source's audit key unless told otherwise. */
  async function freshTarget(name: string, url: string, env: Record<string, string> = {}): Promise<Payload> {
    const payload = await startPayload(testSettings(url, name, { PHRASEBOOK_AUDIT_KEY: settings.auditKey, ...env }), name)
    others.push(payload)
    return payload
  }

  beforeAll(async () => {
    // The small library: every kind of document and relation, a seventh of the rows to restore.
    settings = await seededSettings('sqlite', 'backup_source', {}, 'small')
    source = await startServer(settings, { admin: false })
    const { payload } = source

    // Someone who left: a gap in the user ids, so a restore that gives new ids really renumbers.
    const leaver = await payload.create({ collection: 'users', data: { email: 'leaver@example.com', password: 'leaver-pw', roles: ['editor'] } })
    for (const [person, roles] of Object.entries(PEOPLE)) {
      await payload.create({ collection: 'users', data: { email: `${person}@example.com`, password: `${person}-pw`, roles: [...roles] } })
      const login = await fetch(`${source.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `${person}@example.com`, password: `${person}-pw` }),
      })
      tokens[person] = ((await login.json()) as { token: string }).token
    }
    await payload.delete({ collection: 'users', id: leaver.id })

    // A seeded phrase edited, reviewed, published, and edited again (a pending change of the editor's).
    const closing = await idOf('phrases', 'key', 'closing.standard')
    await patch(closing, 'editor', 'zh-Hant', { text: '感謝您的來電，祝您順心，再見！' })
    await post(`/api/phrases/${closing}/submit`, 'editor')
    await post(`/api/phrases/${closing}/approve`, 'reviewer', { comment: 'Backup test approval.' })
    await patch(closing, 'editor', 'zh-Hant', { text: '感謝您的來電，祝您一切順心，再見！' })

    // A phrase an admin deleted: a gap in the phrase ids, and audit entries about it.
    const special = await idOf('categories', 'slug', 'special')
    const gone = await post('/api/phrases?draft=true&locale=zh-Hant', 'editor', { key: 'special.backup_gone', category: special, title: '刪除', text: '這則會被刪除。' })

    // A new phrase written in Simplified (Traditional machine-converted with a flag), approved for later, published by the scheduler.
    const created = await post('/api/phrases?draft=true&locale=zh-Hans', 'editor', { key: 'special.backup_relogin', category: special, title: '重新登录', text: '请重新登录账号后再试。' })
    await post(`/api/phrases/${created.doc.id}/submit`, 'editor')
    // Its Hong Kong proposal keeps Taiwan's 登入 flagged: approved as it stands, knowingly.
    await post(`/api/phrases/${created.doc.id}/approve`, 'reviewer', { publishAt: new Date(Date.now() + HOUR).toISOString(), acknowledgeWarnings: true })
    expect((await runDueJobs(payload, new Date(Date.now() + 2 * HOUR))).published).toEqual(['special.backup_relogin'])

    await payload.delete({ collection: 'phrases', id: gone.doc.id })

    await payload.create({ collection: 'api-clients', data: { name: 'Agent desktop', enableAPIKey: true, apiKey: API_KEY } })

    backup = await writeBackup(payload)
    file = path.join(TEST_TMP, 'backup_test.json.gz')
    await saveBackupFile(file, backup)
    targetSettings = testSettings(await freshDatabaseUrl('postgres', 'backup_target'), 'backup_target', { PHRASEBOOK_AUDIT_KEY: settings.auditKey })
    target = await startPayload(targetSettings, 'backup_target')
    await restoreBackup(target, await loadBackupFile(file), { log: (line) => restoreLog.push(line) })
  }, SLOW)

  afterAll(async () => {
    for (const payload of [target, ...others]) await payload?.destroy()
    await source?.close()
  }, SLOW)

  it('writes one gzip JSON file with the header and counts, and no secrets', async () => {
    const text = gunzipSync(readFileSync(file)).toString('utf8')
    const parsed = JSON.parse(text) as BackupFile
    expect(parsed).toMatchObject({
      format: 'phrasebook-backup',
      version: 1,
      source: { adapter: 'sqlite', idType: 'number' },
      contents: { passwords: false, apiKeys: false, usage: false },
      auditChain: { entries: backup.collections['audit-log']!.length, verified: true },
    })
    const { 'phrases versions': versions, ...documents } = await counts(source.payload)
    expect(parsed.counts).toEqual(Object.fromEntries(Object.entries(documents).filter(([name]) => name !== 'phrase-usage')))
    expect(parsed.versionCounts).toEqual({ phrases: versions })
    expect(parsed.collections['phrase-usage']).toBeUndefined()
    expect(text).not.toContain(settings.auditKey)
    expect(text).not.toContain(API_KEY)
    expect(text).not.toContain('pbkdf2')
    for (const user of parsed.collections.users!) {
      for (const field of ['hash', 'salt', 'sessions', 'resetPasswordToken']) expect(user).not.toHaveProperty(field)
    }
    for (const client of parsed.collections['api-clients']!) expect([client.apiKey, client.apiKeyIndex]).toEqual([null, undefined])
  })

  it('restores into PostgreSQL with the same counts per collection, reporting progress', async () => {
    expect(await counts(target)).toEqual(await counts(source.payload))
    // Progress every 100 documents, and at the end of each collection.
    expect(restoreLog).toContain(`Restoring forbidden-terms: 100/${backup.counts['forbidden-terms']}`)
    expect(restoreLog).toContain(`Restoring phrases: ${backup.counts.phrases}/${backup.counts.phrases}`)
    expect(restoreLog.at(-1)).toMatch(/^Restoring audit-log: (\d+)\/\1$/)
  })

  it('keeps every document exactly, in every locale, with its id and times', async () => {
    // Not carried over: sign-in sessions (the source's tokens and secret; people start signed out)
    // and, in a backup without secrets, the API keys.
    const notCarried: Record<string, string[]> = { users: ['sessions'], 'api-clients': ['hasAPIKey'] }
    const comparable = async (payload: Payload, collection: string) =>
      (await everything(payload, collection)).map((doc) => Object.fromEntries(Object.entries(doc).filter(([field]) => !notCarried[collection]?.includes(field))))
    for (const collection of BACKUP_COLLECTIONS) {
      expect({ collection, docs: await comparable(target, collection) }).toEqual({ collection, docs: await comparable(source.payload, collection) })
    }
    expect((await everything(target, 'users')).map((user) => user.sessions)).toEqual([[], [], []])
    expect((await everything(target, 'api-clients')).map((client) => client.hasAPIKey)).toEqual([false])
    // The latest drafts too (the pending edit of closing.standard is not the published document).
    expect(await everything(target, 'phrases', true)).toEqual(await everything(source.payload, 'phrases', true))
  })

  it('keeps both scripts, the machine-converted mark and its flags', async () => {
    const read = (payload: Payload, locale: 'zh-Hant' | 'zh-Hans') =>
      payload.find({ collection: 'phrases', where: { key: { equals: 'special.backup_relogin' } }, locale, depth: 0, overrideAccess: true }).then((r) => r.docs[0]!)
    const hant = await read(target, 'zh-Hant')
    const hans = await read(target, 'zh-Hans')
    const login = { char: '登錄', chosen: '登錄', candidates: ['登入', '登錄'], kind: 'wording' }
    expect([hant.text, hant.machineConverted, hant.ambiguities]).toEqual([
      '請重新登錄帳號後再試。',
      true,
      [{ field: 'title', index: 2, ...login }, { index: 3, ...login }, { index: 7, char: '后', chosen: '後', candidates: ['後', '后'] }],
    ])
    expect([hans.text, hans.machineConverted, hans.sourceScript]).toEqual(['请重新登录账号后再试。', false, 'zh-Hans'])
  })

  it('keeps every version of every phrase: order, times, action, author, approver, comment, state', async () => {
    const restored = await versionsOf(target)
    expect(restored).toEqual(await versionsOf(source.payload))
    const closing = await idOf('phrases', 'key', 'closing.standard')
    const history = restored
      .filter((v) => v.parent === closing)
      .map(({ version: v, latest }) => [v.changeAction, v.changedBy, v.approvedBy ?? null, v.changeComment ?? null, v.workflowState, Boolean(latest)])
    expect(history).toEqual([
      ['publish', 'Standard library import (seed/data)', null, null, 'published', false],
      ['edit', 'editor@example.com', null, null, 'draft', false],
      ['submit', 'editor@example.com', null, null, 'in_review', false],
      ['approve', 'reviewer@example.com', 'reviewer@example.com', 'Backup test approval.', 'published', false],
      ['edit', 'editor@example.com', null, null, 'draft', true],
    ])
  })

  it('keeps the relations: categories, base phrases, holidays, scenario steps, scheduled runs', async () => {
    const restored = await relationsByKey(target)
    expect(restored).toEqual(await relationsByKey(source.payload))
    expect(restored.phrases).toContainEqual(['closing.standard.spring_festival', 'closing', 'closing.standard', 'spring_festival'])
    expect(restored.runs).toEqual([['publish', 'special.backup_relogin', 'succeeded']])
  })

  it('restores the audit log entry for entry, and the chain verifies on the target', async () => {
    const trail = await auditTrail(target)
    expect(trail).toEqual(await auditTrail(source.payload))
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['import', 'publish', 'edit', 'submit', 'approve', 'role_change', 'api_client_created']))
    expect(await verifyAuditLog(target, targetSettings.auditKey)).toEqual({ ok: true, entries: trail.length })
  })

  it('restores people without passwords: nobody signs in until they reset it, and new entries extend the chain', async () => {
    await cannotSignIn(target, 'editor@example.com', 'editor-pw')
    const token = await target.forgotPassword({ collection: 'users', data: { email: 'editor@example.com' }, disableEmail: true })
    await target.resetPassword({ collection: 'users', data: { token: String(token), password: 'a new password' }, overrideAccess: true })
    await expect(target.login({ collection: 'users', data: { email: 'editor@example.com', password: 'a new password' } })).resolves.toMatchObject({ token: expect.any(String) })
    // API clients come without keys: the old key opens nothing.
    const agent = await target.auth({ headers: new Headers({ authorization: `api-clients API-Key ${API_KEY}` }) })
    expect(agent.user).toBeNull()
    // The restored chain goes on: a new entry links to the restored tip and the whole chain verifies.
    await recordAudit(target, targetSettings.auditKey, { action: 'edit', actorKind: 'system', actorId: 'test', summary: 'after the restore' })
    const verdict = await verifyAuditLog(target, targetSettings.auditKey)
    expect(verdict).toEqual({ ok: true, entries: backup.collections['audit-log']!.length + 1 })
  })

  it('lets the restored database go on: new documents get new ids after the restored ones', async () => {
    const maxId = Math.max(...(await everything(target, 'phrases')).map((p) => Number(p.id)))
    const category = (await everything(target, 'categories'))[0]!
    const doc = await target.create({
      collection: 'phrases',
      locale: 'zh-Hant',
      draft: true,
      data: { _status: 'draft', key: `${category.slug}.after_restore`, category: category.id, title: '還原之後', text: '還原之後的新話術。' },
    })
    expect(Number(doc.id)).toBe(maxId + 1)
  })

  it('refuses to restore into a database that is not empty, and writes nothing', async () => {
    const before = await counts(target)
    const refusal = restoreBackup(target, backup)
    await expect(refusal).rejects.toBeInstanceOf(RestoreRefused)
    await expect(refusal).rejects.toMatchObject({ reason: 'not_empty', message: expect.stringContaining('The target database is not empty (categories: 10') })
    expect(await counts(target)).toEqual(before)
  })

  it('refuses what is not a backup', async () => {
    expect(() => checkBackup({ hello: 'world' })).toThrow(NotABackupError)
    expect(() => checkBackup({ ...backup, version: 2 })).toThrow(/newer Phrasebook CMS/)
    expect(() => checkBackup({ ...backup, counts: { ...backup.counts, phrases: 1 } })).toThrow(/header counts 1/)
    const notJson = path.join(TEST_TMP, 'backup_not_json.json')
    writeFileSync(notJson, 'key,text\nclosing.standard,再見\n')
    await expect(loadBackupFile(notJson)).rejects.toThrow(/is not a Phrasebook backup \(not JSON/)
    await expect(loadBackupFile(path.join(TEST_TMP, 'backup_missing.json'))).rejects.toThrow(NotABackupError)
  })

  it('refuses a target whose audit key cannot verify the chain, before writing anything', async () => {
    const payload = await freshTarget('backup_other_key', await freshDatabaseUrl('sqlite', 'backup_other_key'), { PHRASEBOOK_AUDIT_KEY: 'another-key-0123456789' })
    await expect(restoreBackup(payload, backup)).rejects.toMatchObject({ reason: 'audit_key', message: expect.stringContaining('Set PHRASEBOOK_AUDIT_KEY') })
    expect(await existingContent(payload)).toEqual([])
  }, SLOW)

  it('with secrets, SQLite → SQLite: passwords sign in and API keys work under another PAYLOAD_SECRET', async () => {
    const withSecrets = await writeBackup(source.payload, { withSecrets: true, withUsage: true })
    expect(withSecrets.contents).toEqual({ passwords: true, apiKeys: true, usage: true })
    const payload = await freshTarget('backup_secrets', await freshDatabaseUrl('sqlite', 'backup_secrets'))
    expect(payload.secret).not.toBe(source.payload.secret)
    const report = await restoreBackup(payload, withSecrets)
    expect(report).toMatchObject({ ids: 'kept', passwords: true, apiKeys: true, danglingReferences: 0, auditChain: { ok: true } })
    expect(await counts(payload)).toEqual(await counts(source.payload))
    await expect(payload.login({ collection: 'users', data: { email: 'reviewer@example.com', password: 'reviewer-pw' } })).resolves.toMatchObject({ token: expect.any(String) })
    const agent = await payload.auth({ headers: new Headers({ authorization: `api-clients API-Key ${API_KEY}` }) })
    expect(agent.user).toMatchObject({ collection: 'api-clients', name: 'Agent desktop' })
  }, SLOW)

  it('with new ids (as into MongoDB): relations, versions and the four-eyes authors follow the new ids', async () => {
    const payload = await freshTarget('backup_remap', await freshDatabaseUrl('sqlite', 'backup_remap'))
    const report = await restoreBackup(payload, backup, { ids: 'remap' })
    expect(report).toMatchObject({ ids: 'remapped', danglingReferences: 0, auditChain: { ok: true } })
    expect(await counts(payload)).toEqual(await counts(source.payload))
    const editor = (await everything(payload, 'users')).find((user) => user.email === 'editor@example.com')!
    const sourceEditor = (await everything(source.payload, 'users')).find((user) => user.email === 'editor@example.com')!
    expect(editor.id).not.toBe(sourceEditor.id)
    const idOfKey = async (p: Payload, key: string) => (await everything(p, 'phrases')).find((phrase) => phrase.key === key)!.id
    expect(await idOfKey(payload, 'special.backup_relogin')).not.toBe(await idOfKey(source.payload, 'special.backup_relogin'))
    expect(await relationsByKey(payload)).toEqual(await relationsByKey(source.payload))
    expect(await pendingAuthorsByEmail(payload)).toEqual([['closing.standard', ['editor@example.com']]])
    expect(await pendingAuthorsByEmail(source.payload)).toEqual([['closing.standard', ['editor@example.com']]])
    const byKey = async (p: Payload) => {
      const keys = new Map((await everything(p, 'phrases')).map((phrase) => [phrase.id, phrase.key]))
      return (await versionsOf(p)).map(({ parent, version, updatedAt }) => [keys.get(parent), version.changeAction, version.text, updatedAt]).sort((a, b) => String(a).localeCompare(String(b)))
    }
    expect(await byKey(payload)).toEqual(await byKey(source.payload))
  }, SLOW)

  describe('npm run backup / npm run restore', () => {
    const cli = (script: 'backup' | 'restore', args: string[], env: Record<string, string>) => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, NODE_OPTIONS: '', ...env },
        encoding: 'utf8',
        timeout: SLOW,
      })
      return { code: run.status, output: run.stdout + run.stderr }
    }
    const cliFile = path.join(TEST_TMP, 'backup_cli.json.gz')
    const sourceEnv = () => ({ DATABASE_URL: settings.databaseUrl, PHRASEBOOK_DATA_DIR: settings.dataDir, NODE_ENV: 'test' })
    let productionEnv: Record<string, string>

    it('backs up the library to one file, saying what is (not) in it', () => {
      const { code, output } = cli('backup', [cliFile], sourceEnv())
      expect({ code, output }).toMatchObject({ code: 0, output: expect.stringContaining(`Wrote ${cliFile}`) })
      expect(output).toContain('Without secrets: no password hashes and no API keys (add --with-secrets to include them)')
      expect(output).toMatch(/Audit chain: \d+ entries, verified/)
      expect(cli('backup', ['--with-passwords'], sourceEnv()).code).toBe(2)
    }, SLOW)

    it('restores it into an empty PostgreSQL database in production mode (migrations), and verifies the chain', async () => {
      productionEnv = {
        NODE_ENV: 'production',
        DATABASE_URL: await freshPostgresUrl('backup_cli'),
        PHRASEBOOK_DATA_DIR: path.join(TEST_TMP, 'backup-cli-data'),
        PAYLOAD_SECRET: 'backup-cli-secret-0123456789',
        PHRASEBOOK_AUDIT_KEY: settings.auditKey,
      }
      const { code, output } = cli('restore', [cliFile], productionEnv)
      expect({ code, output }).toMatchObject({ code: 0, output: expect.stringMatching(/Audit chain after the restore: verified, \d+ entries/) })
      expect(output).toContain('same key')
      expect(output).toContain('People were restored WITHOUT passwords')
      expect(output).toContain('API clients were restored WITHOUT their keys')
    }, SLOW)

    it('refuses a database that is not empty and a file that is not a backup (exit 2); restores an unverifiable chain only when told (exit 3)', () => {
      const again = cli('restore', [cliFile], productionEnv)
      expect(again).toMatchObject({ code: 2, output: expect.stringContaining('Refused: The target database is not empty') })
      const notABackup = path.join(TEST_TMP, 'backup_not_a_backup.json')
      writeFileSync(notABackup, JSON.stringify({ phrases: [] }))
      expect(cli('restore', [notABackup], productionEnv)).toMatchObject({ code: 2, output: expect.stringContaining('This is not a Phrasebook backup') })
      // Another audit key is refused (see above); told to restore anyway, it does, and says the chain does not verify (exit 3).
      const otherKey = { DATABASE_URL: freshSqliteUrl('backup_cli_key'), PHRASEBOOK_DATA_DIR: path.join(TEST_TMP, 'backup-cli-key-data'), NODE_ENV: 'test', PHRASEBOOK_AUDIT_KEY: 'not-the-source-key' }
      const forced = cli('restore', [cliFile, '--allow-unverified-chain'], otherKey)
      expect(forced).toMatchObject({ code: 3, output: expect.stringContaining('Audit chain after the restore: DOES NOT VERIFY') })
    }, SLOW)
  })
})
