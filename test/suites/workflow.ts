import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { type RunningServer, startServer } from '../../src/server/start'
import { type DatabaseKind, freshDatabaseUrl, testSettings } from '../helpers/databases'

const PEOPLE = {
  editor: ['editor'],
  reviewer: ['reviewer'],
  second_reviewer: ['reviewer'],
} as const
const API_KEY = 'workflow-test-key-0123456789abcdef'

/** Submit, four-eyes approval and rejection through the REST API, as the people would do it. */
export function describeWorkflow(kind: DatabaseKind): void {
  describe(`the review workflow on ${kind}`, () => {
    let server: RunningServer
    const tokens: Record<string, string> = {}
    let categoryId: number | string

    const api = (path: string, who?: string, init: RequestInit = {}) =>
      fetch(server.url + path, {
        ...init,
        headers: {
          'content-type': 'application/json',
          ...(who === 'agent' ? { authorization: `api-clients API-Key ${API_KEY}` } : who ? { authorization: `JWT ${tokens[who]}` } : {}),
        },
      })
    const post = (path: string, who: string, body: unknown = {}) => api(path, who, { method: 'POST', body: JSON.stringify(body) })
    const latest = async (id: number | string) =>
      (await (await api(`/api/phrases/${id}?draft=true&depth=0&locale=zh-Hant`, 'reviewer')).json()) as Record<string, unknown>

    async function draftByEditor(key: string): Promise<number | string> {
      const response = await post('/api/phrases?draft=true&locale=zh-Hant', 'editor', {
        key,
        category: categoryId,
        title: '結束語',
        text: '感謝您的來電，祝您生活愉快！',
      })
      expect(response.status).toBe(201)
      return ((await response.json()) as { doc: { id: number | string } }).doc.id
    }

    beforeAll(async () => {
      const name = `workflow_${kind}`
      server = await startServer(testSettings(await freshDatabaseUrl(kind, name), name), { admin: false })
      for (const [person, roles] of Object.entries(PEOPLE)) {
        await server.payload.create({ collection: 'users', data: { email: `${person}@example.com`, password: `${person}-pw`, roles: [...roles] } })
        const login = await post('/api/users/login', '', { email: `${person}@example.com`, password: `${person}-pw` })
        tokens[person] = ((await login.json()) as { token: string }).token
      }
      await server.payload.create({ collection: 'api-clients', data: { name: 'Agent desktop', enableAPIKey: true, apiKey: API_KEY } })
      categoryId = (await server.payload.create({ collection: 'categories', locale: 'zh-Hant', data: { slug: 'closing', name: '結束語' } })).id
    })
    afterAll(async () => {
      await server?.close()
    })

    it('never lets a person publish by saving, admins and reviewers included', async () => {
      const refused = await post('/api/phrases?locale=zh-Hant', 'reviewer', {
        key: 'closing.direct',
        category: categoryId,
        title: '直接發布',
        text: '再見！',
        _status: 'published',
      })
      expect(refused.status).toBe(403)
      const id = await draftByEditor('closing.by_patch')
      const patched = await api(`/api/phrases/${id}?locale=zh-Hant`, 'editor', { method: 'PATCH', body: JSON.stringify({ _status: 'published' }) })
      expect(patched.status).toBe(403)
      expect((await latest(id))._status).toBe('draft')
      expect(((await (await api('/api/phrases?limit=0', 'agent')).json()) as { totalDocs: number }).totalDocs).toBe(0)
    })

    it('moves a draft through review to agents, with four-eyes approval', async () => {
      const id = await draftByEditor('closing.thanks')
      expect(await (await post(`/api/phrases/${id}/approve`, 'reviewer')).json()).toMatchObject({ error: { code: 'wrong_state' } })

      const submitted = await post(`/api/phrases/${id}/submit`, 'editor')
      expect(submitted.status).toBe(200)
      expect(await submitted.json()).toMatchObject({ workflowState: 'in_review' })
      expect((await post(`/api/phrases/${id}/approve`, 'editor')).status).toBe(403)

      // The reviewer improves the wording, and so becomes an author of this change.
      const edited = await api(`/api/phrases/${id}?draft=true&locale=zh-Hant`, 'reviewer', {
        method: 'PATCH',
        body: JSON.stringify({ text: '感謝您的來電，祝您生活愉快，再見！' }),
      })
      expect(edited.status).toBe(200)
      const ownApproval = await post(`/api/phrases/${id}/approve`, 'reviewer')
      expect(ownApproval.status).toBe(403)
      expect(await ownApproval.json()).toMatchObject({ error: { code: 'four_eyes' } })
      expect(((await (await api('/api/phrases?limit=0', 'agent')).json()) as { totalDocs: number }).totalDocs).toBe(0)

      const approved = await post(`/api/phrases/${id}/approve`, 'second_reviewer', { comment: 'Good wording.' })
      expect(approved.status).toBe(200)
      const published = (await (await api(`/api/phrases/${id}?locale=zh-Hant&depth=0`, 'agent')).json()) as Record<string, unknown>
      expect(published).toMatchObject({ _status: 'published', workflowState: 'published', text: '感謝您的來電，祝您生活愉快，再見！' })

      // A new edit is a new pending change; agents keep the approved text meanwhile.
      const next = await api(`/api/phrases/${id}?draft=true&locale=zh-Hant`, 'editor', {
        method: 'PATCH',
        body: JSON.stringify({ text: '感謝您的來電，再見！' }),
      })
      expect(next.status).toBe(200)
      expect(await latest(id)).toMatchObject({ _status: 'draft', workflowState: 'draft', pendingAuthors: [expect.any(String)] })
      expect(((await (await api(`/api/phrases/${id}?locale=zh-Hant&depth=0`, 'agent')).json()) as { text: string }).text).toBe(
        '感謝您的來電，祝您生活愉快，再見！',
      )

      const trail = (await server.payload.find({ collection: 'audit-log', where: { documentKey: { equals: 'closing.thanks' } }, sort: 'sequence' })).docs
      expect(trail.map((e) => [e.action, e.actorLabel, e.approver ?? null, e.comment ?? null])).toEqual([
        ['submit', 'editor@example.com', null, null],
        ['approve', 'second_reviewer@example.com', 'second_reviewer@example.com', 'Good wording.'],
      ])
    })

    it('sends a change back to its author with a required comment', async () => {
      const id = await draftByEditor('closing.rejected')
      await post(`/api/phrases/${id}/submit`, 'editor')
      const silent = await post(`/api/phrases/${id}/reject`, 'reviewer', { comment: '  ' })
      expect(silent.status).toBe(400)
      expect(await silent.json()).toMatchObject({ error: { code: 'comment_required' } })
      expect((await latest(id)).workflowState).toBe('in_review')
      const rejected = await post(`/api/phrases/${id}/reject`, 'reviewer', { comment: '請加上稱呼 {{customer_title}}。' })
      expect(rejected.status).toBe(200)
      expect((await latest(id)).workflowState).toBe('draft')
      const [entry] = (await server.payload.find({ collection: 'audit-log', where: { action: { equals: 'reject' } } })).docs
      expect(entry).toMatchObject({ documentKey: 'closing.rejected', comment: '請加上稱呼 {{customer_title}}。' })
    })

    it('answers 401 without a person and 404 for an unknown phrase', async () => {
      expect((await post('/api/phrases/1/submit', 'agent')).status).toBe(401)
      expect((await post('/api/phrases/999999/submit', 'editor')).status).toBe(404)
    })
  })
}
