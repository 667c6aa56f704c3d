import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { type RunningServer, startServer } from '../../src/server/start'
import type { Settings } from '../../src/settings'
import { auditInsertsRefused, type DatabaseKind, freshDatabaseUrl, runSql, testSettings } from '../helpers/databases'
import { signInPeople } from '../helpers/people'

const PEOPLE = { editor: ['editor'], reviewer: ['reviewer'], auditor: ['auditor'] } as const
const API_KEY = 'deletion-audit-key-0123456789abcdef'
const HOUR = 3600_000

type Json = Record<string, any>

/**
 * Deletions that would break what agents are served are refused; every other delete, a schedule
 * cancelled by an edit and a glossary re-conversion are in the audit trail and the history,
 * named for what did them. Through the REST API of a real server.
 */
export function describeDeletionAudit(kind: Exclude<DatabaseKind, 'mongodb'>): void {
  describe(`deletions, cancelled schedules and re-conversions in the audit trail on ${kind}`, () => {
    let server: RunningServer
    let settings: Settings
    const tokens: Record<string, string> = {}
    let categoryId: number | string
    let holidayId: number | string

    const api = (path: string, who?: string, init: RequestInit & { language?: string } = {}) =>
      fetch(server.url + path, {
        ...init,
        headers: {
          'content-type': 'application/json',
          ...(init.language ? { 'accept-language': init.language } : {}),
          ...(who === 'agent' ? { authorization: `api-clients API-Key ${API_KEY}` } : who ? { authorization: `JWT ${tokens[who]}` } : {}),
        },
      })
    const post = (path: string, who: string, body: unknown = {}) => api(path, who, { method: 'POST', body: JSON.stringify(body) })
    const remove = (path: string, language?: string) => api(path, 'admin', { method: 'DELETE', language })
    const json = async (response: Response | Promise<Response>) => (await (await response).json()) as Json
    const latest = (id: number | string) => json(api(`/api/phrases/${id}?draft=true&depth=0&locale=zh-Hant`, 'admin'))
    const trail = async () => (await json(api('/api/audit-log?sort=sequence&limit=500&depth=0', 'auditor'))).docs as Json[]
    const verified = async () => json(api('/api/audit-log/verify', 'auditor'))
    /** Agents are served a publish within a second (delivery revisions); this waits that long. */
    async function agentStatus(key: string, expected: number): Promise<number> {
      let status = 0
      for (let tries = 0; tries < 30 && status !== expected; tries++) {
        if (tries) await new Promise((resolve) => setTimeout(resolve, 100))
        status = (await api(`/v1/phrases/${key}?locale=zh-TW`, 'agent')).status
      }
      return status
    }

    async function draft(key: string, extra: Json = {}, locale = 'zh-Hant', text = '感謝您的來電，再見！'): Promise<number | string> {
      const response = await post(`/api/phrases?draft=true&locale=${locale}`, 'editor', { key, category: categoryId, title: '結束語', text, ...extra })
      expect(response.status).toBe(201)
      return (await json(response)).doc.id
    }
    /** Written by the editor, approved by the reviewer: published, or scheduled with `approval.publishAt`. */
    async function approved(key: string, extra: Json = {}, approval: Json = {}, locale?: string, text?: string): Promise<number | string> {
      const id = await draft(key, extra, locale, text)
      expect((await post(`/api/phrases/${id}/submit`, 'editor')).status).toBe(200)
      expect((await post(`/api/phrases/${id}/approve`, 'reviewer', approval)).status).toBe(200)
      return id
    }

    beforeAll(async () => {
      const name = `deletion_audit_${kind}`
      settings = testSettings(await freshDatabaseUrl(kind, name), name)
      server = await startServer(settings, { admin: false })
      Object.assign(tokens, await signInPeople(server, PEOPLE))
      tokens.admin = (await json(post('/api/users/login', '', { email: settings.adminEmail, password: settings.adminPassword }))).token
      await server.payload.create({ collection: 'api-clients', data: { name: 'Agent desktop', enableAPIKey: true, apiKey: API_KEY } })
      categoryId = (await server.payload.create({ collection: 'categories', locale: 'zh-Hant', data: { slug: 'closing', name: '結束語' } })).id
      holidayId = (
        await server.payload.create({ collection: 'holidays', locale: 'zh-Hant', data: { code: 'spring_festival', name: '春節', calendar: 'lunar', month: 1, day: 1 } })
      ).id
    })
    afterAll(async () => {
      await server?.close()
    })

    it('refuses to delete a phrase a scenario uses: 409 in_use naming the scenario, in the caller language, nothing changed', async () => {
      const id = await approved('closing.in_scenario')
      const scenario = await post('/api/scenarios?locale=zh-Hant', 'admin', { key: 'silent_call', title: '無聲電話', steps: [{ phrase: id, note: '等待3秒' }] })
      expect(scenario.status).toBe(201)
      expect(await agentStatus('closing.in_scenario', 200)).toBe(200)
      const before = (await trail()).length

      const english = await remove(`/api/phrases/${id}`, 'en')
      expect(english.status).toBe(409)
      expect(english.headers.get('content-type')).toMatch(/json/)
      const refusal = await json(english)
      expect(refusal.error).toMatchObject({ code: 'in_use', scenarios: ['silent_call'], variants: [] })
      expect(refusal.error.message).toMatch(/closing\.in_scenario.*silent_call/)
      const simplified = await json(remove(`/api/phrases/${id}`, 'zh-CN'))
      expect(simplified.error.code).toBe('in_use')
      expect(simplified.error.message).toContain('通话脚本')
      expect(simplified.error.message).toContain('silent_call')
      expect((await json(remove(`/api/phrases/${id}`, 'zh-TW'))).error.message).toContain('通話腳本')
      const bulk = await remove('/api/phrases?where[key][equals]=closing.in_scenario', 'en')
      expect(bulk.status).toBe(400)
      expect(JSON.stringify(await json(bulk))).toContain('silent_call')

      expect(await latest(id)).toMatchObject({ key: 'closing.in_scenario', workflowState: 'published' })
      const kept = await json(api(`/api/scenarios/${(await json(scenario)).doc.id}?depth=0`, 'admin'))
      expect(kept.steps.map((step: Json) => step.phrase)).toEqual([id])
      expect(await agentStatus('closing.in_scenario', 200)).toBe(200)
      expect((await trail()).length).toBe(before)
      expect(await verified()).toMatchObject({ ok: true })
    })

    it('refuses to delete a base phrase that has holiday variants: 409 in_use naming them, the variant stays a variant', async () => {
      const base = await approved('closing.base')
      const variant = await approved('closing.base_spring', { variantOf: base, holiday: holidayId })
      const before = (await trail()).length

      const refused = await remove(`/api/phrases/${base}`, 'en')
      expect(refused.status).toBe(409)
      const { error } = await json(refused)
      expect(error).toMatchObject({ code: 'in_use', scenarios: [], variants: ['closing.base_spring'] })
      expect(error.message).toContain('closing.base_spring')

      expect(await latest(base)).toMatchObject({ key: 'closing.base', workflowState: 'published' })
      expect(await latest(variant)).toMatchObject({ variantOf: base, workflowState: 'published' })
      expect((await trail()).length).toBe(before)
      expect(await verified()).toMatchObject({ ok: true })

      // Without its variant, the base phrase may go.
      expect((await remove(`/api/phrases/${variant}`)).status).toBe(200)
      expect((await remove(`/api/phrases/${base}`)).status).toBe(200)
    })

    it('records every delete in the audit trail: who, the key and the last content', async () => {
      const id = await approved('closing.doomed', {}, {}, 'zh-Hant', '祝您順心，再見！')
      expect(await agentStatus('closing.doomed', 200)).toBe(200)
      const since = (await json(api('/v1/changes?since=0', 'agent'))).revision

      expect((await remove(`/api/phrases/${id}`)).status).toBe(200)
      const entries = await trail()
      expect(entries.at(-1)).toMatchObject({
        action: 'delete',
        actorLabel: settings.adminEmail,
        targetCollection: 'phrases',
        documentId: String(id),
        documentKey: 'closing.doomed',
        before: { key: 'closing.doomed', workflowState: 'published', text: { 'zh-Hant': '祝您順心，再見！', 'zh-Hans': '祝您顺心，再见！' } },
      })
      expect(await agentStatus('closing.doomed', 404)).toBe(404)
      expect((await json(api(`/v1/changes?since=${since}`, 'agent'))).changes).toContainEqual(expect.objectContaining({ key: 'closing.doomed', change: 'withdrawn' }))

      // Everyone's access and the other audited lists: users, API clients, the glossary, forbidden terms.
      const leaver = await server.payload.create({ collection: 'users', data: { email: 'leaver@example.com', password: 'leaver-pw', roles: ['editor'] } })
      expect((await remove(`/api/users/${leaver.id}`)).status).toBe(200)
      const client = await server.payload.create({ collection: 'api-clients', data: { name: 'Old bot', enableAPIKey: true, apiKey: 'old-bot-key-0123456789abcdef0123' } })
      expect((await remove(`/api/api-clients/${client.id}`)).status).toBe(200)
      const term = await json(post('/api/glossary', 'admin', { term: '雲商', protect: true }))
      expect((await remove(`/api/glossary/${term.doc.id}`)).status).toBe(200)
      const forbidden = await json(post('/api/forbidden-terms?locale=zh-Hant', 'admin', { term: '不知道', class: 'blame', severity: 'warn' }))
      expect((await remove(`/api/forbidden-terms/${forbidden.doc.id}`)).status).toBe(200)

      const removals = (await trail()).filter((e) => e.before && !e.after && e.actorLabel === settings.adminEmail)
      expect(removals.map((e) => [e.action, e.targetCollection, e.documentKey])).toEqual([
        ['delete', 'phrases', 'closing.base_spring'],
        ['delete', 'phrases', 'closing.base'],
        ['delete', 'phrases', 'closing.doomed'],
        ['delete', 'users', 'leaver@example.com'],
        ['delete', 'api-clients', 'Old bot'],
        ['glossary_change', 'glossary', '雲商'],
        ['forbidden_term_change', 'forbidden-terms', '不知道'],
      ])
      const [user, apiClient] = removals.slice(3, 5)
      expect(user!.before).toEqual({ email: 'leaver@example.com', name: null, roles: ['editor'] })
      expect(apiClient!.before).toEqual({ name: 'Old bot', description: null, enabled: true, apiKeyEnabled: true })
      expect(JSON.stringify(removals)).not.toContain('old-bot-key')
      expect(await verified()).toMatchObject({ ok: true })
    })

    it('rolls a delete back when its audit entry cannot be written', async () => {
      const id = await approved('closing.atomic_delete')
      expect(await agentStatus('closing.atomic_delete', 200)).toBe(200)
      const sql = auditInsertsRefused(kind)
      await runSql(server.payload, settings, sql.refuse)
      try {
        expect((await remove(`/api/phrases/${id}`)).status).toBeGreaterThanOrEqual(500)
      } finally {
        await runSql(server.payload, settings, sql.allow)
      }
      expect(await latest(id)).toMatchObject({ key: 'closing.atomic_delete', workflowState: 'published' })
      expect((await api(`/v1/phrases/closing.atomic_delete?locale=zh-TW`, 'agent')).status).toBe(200)
      expect((await trail()).filter((e) => e.documentKey === 'closing.atomic_delete' && e.action === 'delete')).toEqual([])
      expect(await verified()).toMatchObject({ ok: true })
    })

    it('records an edit that cancels a schedule: when it was due, who cancelled it', async () => {
      const publishAt = new Date(Date.now() + 24 * HOUR).toISOString()
      const id = await approved('closing.scheduled', {}, { publishAt })
      expect(await latest(id)).toMatchObject({ workflowState: 'approved', publishAt })

      const edited = await api(`/api/phrases/${id}?draft=true&locale=zh-Hant`, 'editor', { method: 'PATCH', body: JSON.stringify({ text: '感謝來電，再會！' }) })
      expect(edited.status).toBe(200)
      expect(await latest(id)).toMatchObject({ workflowState: 'draft', publishAt: null })
      const cancellation = (await trail()).filter((e) => e.documentKey === 'closing.scheduled' && e.action === 'cancel_schedule')
      expect(cancellation).toEqual([
        expect.objectContaining({
          actorLabel: 'editor@example.com',
          targetCollection: 'phrases',
          documentId: String(id),
          before: { workflowState: 'approved', publishAt },
          after: { workflowState: 'draft', publishAt: null },
        }),
      ])
      // A second edit of the draft cancels nothing.
      await api(`/api/phrases/${id}?draft=true&locale=zh-Hant`, 'editor', { method: 'PATCH', body: JSON.stringify({ text: '感謝來電，再見！' }) })
      expect((await trail()).filter((e) => e.action === 'cancel_schedule')).toHaveLength(1)
      expect(await verified()).toMatchObject({ ok: true })
    })

    it('credits a glossary re-conversion to the glossary change, not to the last approver', async () => {
      const id = await approved('closing.brand', {}, {}, 'zh-Hans', '欢迎致电江南云商。')
      expect(await latest(id)).toMatchObject({ approvedBy: 'reviewer@example.com', changeAction: 'approve' })
      const publishAt = new Date(Date.now() + 24 * HOUR).toISOString()
      const later = await approved('closing.brand_later', {}, { publishAt }, 'zh-Hans', '江南云商祝您新年快乐。')

      expect((await post('/api/glossary', 'admin', { term: '江南云商', protect: true })).status).toBe(201)
      expect(await latest(id)).toMatchObject({
        text: '歡迎致電江南云商。',
        workflowState: 'draft',
        changeAction: 'reconvert',
        changedBy: 'Glossary re-conversion',
        approvedBy: null,
        changeComment: `Glossary change by ${settings.adminEmail}: 江南云商`,
      })
      const history = await json(api(`/api/phrases/${id}/history`, 'reviewer'))
      expect(history.versions.find((v: Json) => v.latest)).toMatchObject({ action: 'reconvert', author: 'Glossary re-conversion', approver: null })
      const entry = (await trail()).filter((e) => e.documentKey === 'closing.brand').at(-1)
      expect(entry).toMatchObject({ action: 'edit', actorLabel: 'Glossary re-conversion', comment: `Glossary change by ${settings.adminEmail}: 江南云商` })
      // The scheduled one's approval covered the old wording: its schedule is cancelled, on the record.
      expect(await latest(later)).toMatchObject({ changeAction: 'reconvert', workflowState: 'draft', publishAt: null })
      expect((await trail()).filter((e) => e.documentKey === 'closing.brand_later' && e.action === 'cancel_schedule')).toEqual([
        expect.objectContaining({ actorLabel: settings.adminEmail, before: { workflowState: 'approved', publishAt }, after: { workflowState: 'draft', publishAt: null } }),
      ])
      expect(await verified()).toMatchObject({ ok: true })
    })
  })
}
