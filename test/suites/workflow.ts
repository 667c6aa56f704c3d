import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import { recordAudit, verifyAuditLog } from '../../src/audit/log'
import { runDueJobs } from '../../src/jobs/scheduler'
import { type RunningServer, startServer } from '../../src/server/start'
import type { Settings } from '../../src/settings'
import { type DatabaseKind, freshDatabaseUrl, runSql, secondServerEnv, startPayload, testSettings } from '../helpers/databases'
import { spawnServer } from '../helpers/server'

const PEOPLE = {
  editor: ['editor'],
  reviewer: ['reviewer'],
  second_reviewer: ['reviewer'],
  admin: ['admin'],
  auditor: ['auditor'],
} as const
const API_KEY = 'workflow-test-key-0123456789abcdef'
const HOUR = 3600_000

type Json = Record<string, any>

/** The review workflow, scheduling, history, diff and their audit trail, through the REST API. */
export function describeWorkflow(kind: Exclude<DatabaseKind, 'mongodb'>): void {
  describe(`the review workflow on ${kind}`, () => {
    let server: RunningServer
    let settings: Settings
    const tokens: Record<string, string> = {}
    let categoryId: number | string

    const api = (path: string, who?: string, init: RequestInit = {}) =>
      fetch(server.url + path, {
        ...init,
        headers: {
          'content-type': 'application/json',
          ...(who === 'agent' ? { authorization: `api-clients API-Key ${API_KEY}` } : who ? { authorization: `JWT ${tokens[who]}` } : {}),
          ...(init.headers as Record<string, string> | undefined),
        },
      })
    const post = (path: string, who: string, body: unknown = {}) => api(path, who, { method: 'POST', body: JSON.stringify(body) })
    const patch = (id: number | string, who: string, body: unknown) =>
      api(`/api/phrases/${id}?draft=true&locale=zh-Hant`, who, { method: 'PATCH', body: JSON.stringify(body) })
    const json = async (response: Response | Promise<Response>) => (await (await response).json()) as Json
    const latest = (id: number | string) => json(api(`/api/phrases/${id}?draft=true&depth=0&locale=zh-Hant`, 'reviewer'))
    const agentSees = async (id: number | string) => (await api(`/api/phrases/${id}?locale=zh-Hant&depth=0`, 'agent')).status === 200
    const trailOf = async (key: string) =>
      (await server.payload.find({ collection: 'audit-log', where: { documentKey: { equals: key } }, sort: 'sequence', pagination: false })).docs

    async function draftByEditor(key: string, text = '感謝您的來電，祝您生活愉快！'): Promise<number | string> {
      const response = await post('/api/phrases?draft=true&locale=zh-Hant', 'editor', { key, category: categoryId, title: '結束語', text })
      expect(response.status).toBe(201)
      return (await json(response)).doc.id
    }
    /** A phrase written by the editor, submitted, and approved by the reviewer (optionally for later). */
    /** `body` as a function is read at the approval itself (a `publishAt` a moment after it, however long the draft and submission took). */
    async function approved(key: string, body: Json | (() => Json) = {}): Promise<number | string> {
      const id = await draftByEditor(key)
      expect((await post(`/api/phrases/${id}/submit`, 'editor')).status).toBe(200)
      const approval = await post(`/api/phrases/${id}/approve`, 'reviewer', typeof body === 'function' ? body() : body)
      expect(approval.status).toBe(200)
      return id
    }

    beforeAll(async () => {
      const name = `workflow_${kind}`
      settings = testSettings(await freshDatabaseUrl(kind, name), name)
      server = await startServer(settings, { admin: false })
      for (const [person, roles] of Object.entries(PEOPLE)) {
        await server.payload.create({ collection: 'users', data: { email: `${person}@example.com`, password: `${person}-pw`, roles: [...roles] } })
        const login = await post('/api/users/login', '', { email: `${person}@example.com`, password: `${person}-pw` })
        tokens[person] = (await json(login)).token
      }
      await server.payload.create({ collection: 'api-clients', data: { name: 'Agent desktop', enableAPIKey: true, apiKey: API_KEY } })
      categoryId = (await server.payload.create({ collection: 'categories', locale: 'zh-Hant', data: { slug: 'closing', name: '結束語' } })).id
    })
    afterAll(async () => {
      await server?.close()
    })

    it('never lets a person publish by saving, admins and reviewers included, over REST or GraphQL', async () => {
      const refused = await post('/api/phrases?locale=zh-Hant', 'admin', {
        key: 'closing.direct',
        category: categoryId,
        title: '直接發布',
        text: '再見！',
        _status: 'published',
      })
      expect(refused.status).toBe(403)
      const id = await draftByEditor('closing.by_patch')
      expect((await api(`/api/phrases/${id}?locale=zh-Hant`, 'editor', { method: 'PATCH', body: JSON.stringify({ _status: 'published' }) })).status).toBe(403)

      // Refusals are in the caller's language (test/workflow-messages.test.ts): this one asks for English.
      const viaGraphQL = await json(
        api('/api/graphql', 'reviewer', {
          method: 'POST',
          headers: { 'accept-language': 'en' },
          body: JSON.stringify({ query: `mutation { updatePhrase(id: ${JSON.stringify(id)}, data: { _status: published, text: "經由 GraphQL" }) { id _status } }` }),
        }),
      )
      expect(viaGraphQL.errors?.[0]?.message).toMatch(/Publishing goes through review/)
      const workflowByGraphQL = await json(
        post('/api/graphql', 'reviewer', { query: `mutation { updatePhrase(id: ${JSON.stringify(id)}, draft: true, data: { workflowState: published }) { id workflowState } }` }),
      )
      // Server-only fields are ignored in a person's write, as over REST (test/privileges.test.ts).
      expect(workflowByGraphQL.data?.updatePhrase?.workflowState ?? 'refused').not.toBe('published')
      expect(await latest(id)).toMatchObject({ _status: 'draft', workflowState: 'draft', text: '感謝您的來電，祝您生活愉快！' })
      expect((await json(api('/api/phrases?limit=100', 'agent'))).totalDocs).toBe(0)
    })

    it('moves a draft through review to agents, with four-eyes approval, and keeps every version', async () => {
      const id = await draftByEditor('closing.thanks')
      expect(await json(post(`/api/phrases/${id}/approve`, 'reviewer'))).toMatchObject({ error: { code: 'wrong_state' } })

      const submitted = await post(`/api/phrases/${id}/submit`, 'editor')
      expect(submitted.status).toBe(200)
      expect(await json(submitted)).toMatchObject({ workflowState: 'in_review' })
      expect((await post(`/api/phrases/${id}/approve`, 'editor')).status).toBe(403)

      // The reviewer improves the wording, and so becomes an author of this change.
      expect((await patch(id, 'reviewer', { text: '感謝您的來電，祝您生活愉快，再見！' })).status).toBe(200)
      const ownApproval = await post(`/api/phrases/${id}/approve`, 'reviewer')
      expect(ownApproval.status).toBe(403)
      expect(await json(ownApproval)).toMatchObject({ error: { code: 'four_eyes' } })
      expect(await agentSees(id)).toBe(false)

      const approval = await post(`/api/phrases/${id}/approve`, 'second_reviewer', { comment: 'Good wording.' })
      expect(approval.status).toBe(200)
      const published = await json(api(`/api/phrases/${id}?locale=zh-Hant&depth=0`, 'agent'))
      expect(published).toMatchObject({ _status: 'published', workflowState: 'published', text: '感謝您的來電，祝您生活愉快，再見！' })

      // A new edit is a new pending change; agents keep the approved text meanwhile.
      expect((await patch(id, 'editor', { text: '感謝您的來電，再見！' })).status).toBe(200)
      expect(await latest(id)).toMatchObject({ _status: 'draft', workflowState: 'draft', pendingAuthors: [expect.any(String)] })
      expect((await json(api(`/api/phrases/${id}?locale=zh-Hant&depth=0`, 'agent'))).text).toBe('感謝您的來電，祝您生活愉快，再見！')

      expect((await trailOf('closing.thanks')).map((e) => [e.action, e.actorLabel, e.approver ?? null, e.comment ?? null])).toEqual([
        ['create', 'editor@example.com', null, null],
        ['submit', 'editor@example.com', null, null],
        ['edit', 'reviewer@example.com', null, null],
        ['approve', 'second_reviewer@example.com', 'second_reviewer@example.com', 'Good wording.'],
        ['edit', 'editor@example.com', null, null],
      ])
      const [, , edit] = await trailOf('closing.thanks')
      expect(edit).toMatchObject({
        locale: 'zh-Hant',
        before: { text: '感謝您的來電，祝您生活愉快！' },
        after: { text: '感謝您的來電，祝您生活愉快，再見！' },
      })

      // The history names every version: what made it, who, its state, approver and comment. The
      // machine's zh-Hans is written in the same save as the person's zh-Hant, not as a version of its own.
      const history = await json(api(`/api/phrases/${id}/history`, 'reviewer'))
      expect(history.versions.map((v: Json) => [v.action, v.author, v.state, v.status, v.approver, v.comment])).toEqual([
        ['edit', 'editor@example.com', 'draft', 'draft', null, null],
        ['approve', 'second_reviewer@example.com', 'published', 'published', 'second_reviewer@example.com', 'Good wording.'],
        ['edit', 'reviewer@example.com', 'in_review', 'draft', null, null],
        ['submit', 'editor@example.com', 'in_review', 'draft', null, null],
        ['create', 'editor@example.com', 'draft', 'draft', null, null],
      ])
      expect(history.versions[0]).toMatchObject({ latest: true, time: expect.any(String), version: expect.anything() })
      expect((await api(`/api/phrases/${id}/history`, 'agent')).status).toBe(401)
      expect((await api(`/api/phrases/999999/history`, 'reviewer')).status).toBe(404)
    })

    it('diffs two versions per locale, character by character', async () => {
      const id = (await server.payload.find({ collection: 'phrases', where: { key: { equals: 'closing.thanks' } }, draft: true })).docs[0]!.id
      const { versions } = await json(api(`/api/phrases/${id}/history`, 'auditor'))
      const created = versions[versions.length - 1].version
      const diff = await json(api(`/api/phrases/${id}/diff?from=${created}&to=${versions[0].version}`, 'reviewer'))
      const text = diff.changes.find((c: Json) => c.field === 'text' && c.locale === 'zh-Hant')
      expect(text).toMatchObject({ before: '感謝您的來電，祝您生活愉快！', after: '感謝您的來電，再見！' })
      const rebuilt = (ops: string[]) => text.segments.filter((s: Json) => ops.includes(s.op)).map((s: Json) => s.text).join('')
      expect(rebuilt(['equal', 'delete'])).toBe(text.before)
      expect(rebuilt(['equal', 'insert'])).toBe(text.after)
      expect(text.segments).toContainEqual({ op: 'delete', text: expect.stringContaining('祝您生活愉快') })
      // The converted Simplified text changed too, and is reported under its own locale.
      expect(diff.changes.find((c: Json) => c.field === 'text' && c.locale === 'zh-Hans')).toMatchObject({ after: '感谢您的来电，再见！' })
      expect(diff.changes.some((c: Json) => c.field === 'key')).toBe(false)

      // Without from/to: the latest version against the one before it.
      const lastStep = await json(api(`/api/phrases/${id}/diff`, 'reviewer'))
      expect(lastStep.to.version).toBe(versions[0].version)
      expect(lastStep.from.version).toBe(versions[1].version)
      expect((await api(`/api/phrases/${id}/diff?from=999999`, 'reviewer')).status).toBe(404)
    })

    it('sends a change back to its author with a required comment', async () => {
      const id = await draftByEditor('closing.rejected')
      await post(`/api/phrases/${id}/submit`, 'editor')
      const silent = await post(`/api/phrases/${id}/reject`, 'reviewer', { comment: '  ' })
      expect(silent.status).toBe(400)
      expect(await json(silent)).toMatchObject({ error: { code: 'comment_required' } })
      expect((await latest(id)).workflowState).toBe('in_review')
      const rejected = await post(`/api/phrases/${id}/reject`, 'reviewer', { comment: '請加上稱呼 {{customer_title}}。' })
      expect(rejected.status).toBe(200)
      expect(await latest(id)).toMatchObject({ workflowState: 'draft', changeComment: '請加上稱呼 {{customer_title}}。' })
      const entry = (await trailOf('closing.rejected')).find((e) => e.action === 'reject')
      expect(entry).toMatchObject({ actorLabel: 'reviewer@example.com', comment: '請加上稱呼 {{customer_title}}。' })
    })

    it('publishes an approval at publishAt, once, from the scheduler', async () => {
      const id = await draftByEditor('closing.scheduled')
      await post(`/api/phrases/${id}/submit`, 'editor')
      const badTime = await post(`/api/phrases/${id}/approve`, 'reviewer', { publishAt: 'next Tuesday' })
      expect(badTime.status).toBe(400)
      expect(await json(badTime)).toMatchObject({ error: { code: 'invalid_publish_at' } })
      expect((await latest(id)).workflowState).toBe('in_review')

      const publishAt = new Date(Date.now() + HOUR).toISOString()
      const scheduled = await json(post(`/api/phrases/${id}/approve`, 'reviewer', { publishAt, comment: '春節前上線' }))
      expect(scheduled).toMatchObject({ workflowState: 'approved', publishAt })
      expect(await agentSees(id)).toBe(false)

      expect(await runDueJobs(server.payload, new Date())).toEqual({ published: [], expired: [], failed: [] })
      expect(await agentSees(id)).toBe(false)
      const later = new Date(Date.now() + 2 * HOUR)
      expect((await runDueJobs(server.payload, later)).published).toEqual(['closing.scheduled'])
      expect(await runDueJobs(server.payload, later)).toEqual({ published: [], expired: [], failed: [] })
      expect(await agentSees(id)).toBe(true)

      const trail = await trailOf('closing.scheduled')
      expect(trail.filter((e) => e.action === 'publish')).toHaveLength(1)
      expect(trail.at(-1)).toMatchObject({ action: 'publish', actorKind: 'system', actorLabel: 'Scheduler', approver: 'reviewer@example.com' })
      const [top] = (await json(api(`/api/phrases/${id}/history`, 'reviewer'))).versions
      expect(top).toMatchObject({ action: 'publish', author: 'Scheduler', approver: 'reviewer@example.com', state: 'published', status: 'published' })
    })

    it('cancels a scheduled publication when the phrase is edited or rejected', async () => {
      const publishAt = new Date(Date.now() + HOUR).toISOString()
      const edited = await approved('closing.edited_after_approval', { publishAt })
      expect((await patch(edited, 'editor', { text: '謝謝您，再見！' })).status).toBe(200)
      expect(await latest(edited)).toMatchObject({ workflowState: 'draft', publishAt: null })

      const withdrawn = await approved('closing.withdrawn', { publishAt })
      expect((await post(`/api/phrases/${withdrawn}/reject`, 'second_reviewer', { comment: '節日改期' })).status).toBe(200)

      expect((await runDueJobs(server.payload, new Date(Date.now() + 2 * HOUR))).published).toEqual([])
      expect(await agentSees(edited)).toBe(false)
      expect(await agentSees(withdrawn)).toBe(false)
    })

    it('keeps a failed scheduled run, with its error, for admins and reviewers to see', async () => {
      const id = await approved('closing.broken', { publishAt: new Date(Date.now() + HOUR).toISOString() })
      // Someone with database access breaks the approved text: publishing must now fail validation.
      const table = kind === 'sqlite' ? '_phrases_v' : '"_phrases_v"'
      await runSql(server.payload, settings, [
        `UPDATE _phrases_v_locales SET version_text = '請稍候 {{ghost}}' WHERE _locale = 'zh-Hant' AND _parent_id IN (SELECT id FROM ${table} WHERE parent_id = ${id} AND latest = ${kind === 'sqlite' ? 1 : 'true'})`,
      ])
      const report = await runDueJobs(server.payload, new Date(Date.now() + 2 * HOUR))
      expect(report.failed).toEqual(['closing.broken'])
      expect(await agentSees(id)).toBe(false)
      expect((await latest(id)).workflowState).toBe('approved')

      const failed = await json(api('/api/scheduled-runs?where[status][equals]=failed&depth=0', 'admin'))
      expect(failed.docs).toEqual([expect.objectContaining({ job: 'publish', phraseKey: 'closing.broken', attempt: 1, error: expect.stringMatching(/ghost|Undeclared|invalid/i) })])
      expect((await json(api('/api/scheduled-runs', 'reviewer'))).totalDocs).toBeGreaterThan(0)
      expect((await api('/api/scheduled-runs', 'editor')).status).toBe(403)
      expect((await api('/api/scheduled-runs', 'agent')).status).toBe(403)
      expect((await trailOf('closing.broken')).some((e) => e.action === 'publish')).toBe(false)

      // Later passes retry, up to three attempts in all, then leave it to people.
      for (let pass = 0; pass < 3; pass++) await runDueJobs(server.payload, new Date(Date.now() + 3 * HOUR))
      expect((await server.payload.count({ collection: 'scheduled-runs', where: { phraseKey: { equals: 'closing.broken' } } })).totalDocs).toBe(3)
    })

    it('runs a due job once when two server processes run the scheduler together', async () => {
      const id = await approved('closing.race', { publishAt: new Date(Date.now() + HOUR).toISOString() })
      const second: Payload = await startPayload({ ...settings }, `workflow-second-${kind}`)
      try {
        const due = new Date(Date.now() + 2 * HOUR)
        const reports = await Promise.all([runDueJobs(server.payload, due), runDueJobs(second, due)])
        expect(reports.flatMap((r) => r.published).filter((key) => key === 'closing.race')).toEqual(['closing.race'])
      } finally {
        await second.destroy()
      }
      expect((await trailOf('closing.race')).filter((e) => e.action === 'publish')).toHaveLength(1)
      expect(await agentSees(id)).toBe(true)
    })

    it('retires a published phrase: reviewers only, agents stop getting it', async () => {
      const id = await approved('closing.retiring')
      expect(await agentSees(id)).toBe(true)
      expect((await post(`/api/phrases/${id}/retire`, 'editor')).status).toBe(403)
      const retired = await post(`/api/phrases/${id}/retire`, 'reviewer', { comment: '不再使用' })
      expect(retired.status).toBe(200)
      expect(await agentSees(id)).toBe(false)
      expect(await latest(id)).toMatchObject({ workflowState: 'retired', _status: 'draft' })
      expect(await json(post(`/api/phrases/${id}/retire`, 'reviewer'))).toMatchObject({ error: { code: 'wrong_state' } })
      expect((await trailOf('closing.retiring')).at(-1)).toMatchObject({ action: 'retire', actorLabel: 'reviewer@example.com', comment: '不再使用' })
    })

    it('expires a published phrase at validUntil', async () => {
      const id = await draftByEditor('closing.new_year')
      expect((await patch(id, 'editor', { validUntil: new Date(Date.now() + HOUR).toISOString() })).status).toBe(200)
      await post(`/api/phrases/${id}/submit`, 'editor')
      await post(`/api/phrases/${id}/approve`, 'reviewer')
      expect(await agentSees(id)).toBe(true)
      expect((await runDueJobs(server.payload, new Date())).expired).toEqual([])
      expect((await runDueJobs(server.payload, new Date(Date.now() + 2 * HOUR))).expired).toEqual(['closing.new_year'])
      expect(await agentSees(id)).toBe(false)
      expect((await trailOf('closing.new_year')).at(-1)).toMatchObject({ action: 'expire', actorLabel: 'Scheduler' })
    })

    it('restores an old version as a new draft of the restorer, never publishing it', async () => {
      const id = await approved('closing.restorable')
      expect((await patch(id, 'editor', { text: '感謝來電。' })).status).toBe(200)
      await post(`/api/phrases/${id}/submit`, 'editor')
      await post(`/api/phrases/${id}/approve`, 'reviewer')
      expect((await json(api(`/api/phrases/${id}?locale=zh-Hant&depth=0`, 'agent'))).text).toBe('感謝來電。')

      const { versions } = await json(api(`/api/phrases/${id}/history`, 'reviewer'))
      const original = versions.find((v: Json) => v.action === 'create').version
      expect((await post(`/api/phrases/${id}/restore`, 'reviewer', {})).status).toBe(400)
      expect((await post(`/api/phrases/${id}/restore`, 'reviewer', { version: 999999 })).status).toBe(404)
      const other = await draftByEditor('closing.other')
      const otherVersion = (await json(api(`/api/phrases/${other}/history`, 'reviewer'))).versions[0].version
      expect((await post(`/api/phrases/${id}/restore`, 'reviewer', { version: otherVersion })).status).toBe(404)
      expect((await post(`/api/phrases/${id}/restore`, 'agent', { version: original })).status).toBe(401)

      const restored = await post(`/api/phrases/${id}/restore`, 'reviewer', { version: original })
      expect(restored.status).toBe(200)
      expect(await latest(id)).toMatchObject({ text: '感謝您的來電，祝您生活愉快！', _status: 'draft', workflowState: 'draft', changeAction: 'restore' })
      expect((await json(api(`/api/phrases/${id}?locale=zh-Hant&depth=0`, 'agent'))).text).toBe('感謝來電。')
      const restoreEntry = (await trailOf('closing.restorable')).find((e) => e.action === 'restore')
      expect(restoreEntry).toMatchObject({ actorLabel: 'reviewer@example.com', after: expect.objectContaining({ restoredVersion: String(original) }) })

      // The restorer is an author of the restored change: a second reviewer must approve it.
      await post(`/api/phrases/${id}/submit`, 'reviewer')
      expect(await json(post(`/api/phrases/${id}/approve`, 'reviewer'))).toMatchObject({ error: { code: 'four_eyes' } })
      expect((await post(`/api/phrases/${id}/approve`, 'second_reviewer')).status).toBe(200)
      expect((await json(api(`/api/phrases/${id}?locale=zh-Hant&depth=0`, 'agent'))).text).toBe('感謝您的來電，祝您生活愉快！')
    })

    it('never prunes a version: every published one stays in the history', async () => {
      const id = (await server.payload.find({ collection: 'phrases', where: { key: { equals: 'closing.restorable' } }, draft: true })).docs[0]!.id
      const { versions } = await json(api(`/api/phrases/${id}/history`, 'reviewer'))
      expect(versions.filter((v: Json) => v.status === 'published').length).toBe(3)
      // Every save is one version (a conversion is part of the save that wrote the source).
      expect(versions.map((v: Json) => v.action)).toEqual(['approve', 'submit', 'restore', 'approve', 'submit', 'edit', 'approve', 'submit', 'create'])
    })

    it('audits a glossary change and the re-conversions it causes in one request', async () => {
      const created = await json(
        post('/api/phrases?draft=true&locale=zh-Hans', 'editor', { key: 'closing.brand', category: categoryId, title: '品牌', text: '欢迎致电江南云商。' }),
      )
      expect((await api(`/api/phrases/${created.doc.id}?draft=true&locale=zh-Hant`, 'reviewer').then((r) => r.json())) as Json).toMatchObject({ text: '歡迎致電江南雲商。' })
      const added = await post('/api/glossary', 'admin', { term: '江南云商', protect: true })
      expect(added.status).toBe(201)
      expect((await latest(created.doc.id)).text).toBe('歡迎致電江南云商。')
      const entries = (await trailOf('closing.brand')).map((e) => [e.action, e.actorLabel])
      expect(entries).toContainEqual(['edit', 'Glossary re-conversion'])
      expect(await verifyAuditLog(server.payload, settings.auditKey)).toMatchObject({ ok: true })
    })

    it('answers 401 without a person and 404 for an unknown phrase', async () => {
      expect((await post('/api/phrases/1/submit', 'agent')).status).toBe(401)
      expect((await post('/api/phrases/999999/submit', 'editor')).status).toBe(404)
    })

    it('lets an auditor export the history of a phrase as CSV, with the chain intact', async () => {
      const csv = await api('/api/audit-log/export?format=csv&phrase=closing.thanks', 'auditor')
      expect(csv.status).toBe(200)
      expect(csv.headers.get('content-type')).toMatch(/text\/csv/)
      const rows = (await csv.text()).trim().split('\n')
      expect(rows).toHaveLength(1 + 5)
      expect(rows.slice(1).map((row) => row.split(',')[2])).toEqual(['create', 'submit', 'edit', 'approve', 'edit'])
      expect(rows.join('\n')).toContain('Good wording.')
      expect(await json(api('/api/audit-log/verify', 'auditor'))).toMatchObject({ ok: true })
      expect(await verifyAuditLog(server.payload, settings.auditKey)).toMatchObject({ ok: true })
    })

    // Both databases: the transition and its audit entry are one transaction.
    const refuseAuditInserts =
      kind === 'postgres'
        ? [
            `CREATE FUNCTION phrasebook_test_refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit storage unavailable'; END $$ LANGUAGE plpgsql`,
            'CREATE TRIGGER phrasebook_test_refuse BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION phrasebook_test_refuse()',
          ]
        : [`CREATE TRIGGER phrasebook_test_refuse BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit storage unavailable'); END`]
    const allowAuditInserts =
      kind === 'postgres' ? ['DROP TRIGGER phrasebook_test_refuse ON audit_log', 'DROP FUNCTION phrasebook_test_refuse()'] : ['DROP TRIGGER phrasebook_test_refuse']
    it('rolls a transition back when its audit entry cannot be written', async () => {
      const id = await draftByEditor('closing.atomic')
      await runSql(server.payload, settings, refuseAuditInserts)
      try {
        expect((await post(`/api/phrases/${id}/submit`, 'editor')).status).toBeGreaterThanOrEqual(500)
      } finally {
        await runSql(server.payload, settings, allowAuditInserts)
      }
      expect((await latest(id)).workflowState).toBe('draft')
      expect((await trailOf('closing.atomic')).map((e) => e.action)).toEqual(['create'])
    })

    {
      it('keeps one chain when two server processes append at once', async () => {
        const second: Payload = await startPayload({ ...settings }, `workflow-chain-${kind}`)
        try {
          const event = (n: number) => ({ action: 'edit' as const, actorKind: 'system' as const, actorId: 'race', actorLabel: `race ${n}`, documentKey: 'race' })
          await Promise.all(
            Array.from({ length: 30 }, (_, n) => recordAudit(n % 2 ? second : server.payload, settings.auditKey, event(n))),
          )
        } finally {
          await second.destroy()
        }
        expect((await trailOf('race')).length).toBe(30)
        const verdict = await verifyAuditLog(server.payload, settings.auditKey)
        expect(verdict).toMatchObject({ ok: true })
      })
    }

    it('publishes on schedule from a server process started after the approval (the schedule lives in the database)', async () => {
      // Due 1.5 s after the approval: computed before the draft and the submission, it was already past
      // on a busy machine, and the approval published at once (no scheduler involved).
      const id = await approved('closing.after_restart', () => ({ publishAt: new Date(Date.now() + 1500).toISOString() }))
      expect((await trailOf('closing.after_restart')).at(-1)).toMatchObject({ action: 'approve', after: expect.objectContaining({ workflowState: 'approved' }) })
      const restarted = await spawnServer(secondServerEnv(settings, { PHRASEBOOK_SCHEDULER_INTERVAL: '0.25' }))
      try {
        const deadline = Date.now() + 15_000
        while (!(await agentSees(id)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250))
      } finally {
        await restarted.stop()
      }
      expect(await agentSees(id)).toBe(true)
      expect((await trailOf('closing.after_restart')).at(-1)).toMatchObject({ action: 'publish', actorLabel: 'Scheduler' })
    })
  })
}
