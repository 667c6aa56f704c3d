import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { ifMatchTime } from '../collections/Phrases/hooks/rejectStaleWrites'
import { type RunningServer, startServer } from '../src/server/start'
import { freshDatabaseUrl, testSettings } from './helpers/databases'

/** Optimistic concurrency on phrase writes over REST: a stale If-Match gets 409 and writes nothing. */
describe('If-Match on phrase writes', () => {
  let server: RunningServer
  let token: string
  let id: number | string

  const api = (path: string, init: RequestInit = {}, headers: Record<string, string> = {}) =>
    fetch(server.url + path, { ...init, headers: { 'content-type': 'application/json', authorization: `JWT ${token}`, ...headers } })
  const read = async () =>
    (await (await api(`/api/phrases/${id}?draft=true&locale=zh-Hant&depth=0`)).json()) as { text: string; updatedAt: string }
  const versions = async () =>
    ((await (await api(`/api/phrases/versions?where[parent][equals]=${id}&limit=500`)).json()) as { totalDocs: number }).totalDocs

  beforeAll(async () => {
    const settings = testSettings(await freshDatabaseUrl('sqlite', 'if_match'), 'if-match')
    server = await startServer(settings, { admin: false })
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: settings.adminEmail, password: settings.adminPassword }),
    })
    token = ((await login.json()) as { token: string }).token
    const category = await server.payload.create({ collection: 'categories', locale: 'zh-Hant', data: { slug: 'hold', name: '等待' } })
    const created = await api('/api/phrases?draft=true&locale=zh-Hant', {
      method: 'POST',
      body: JSON.stringify({ key: 'hold.please_wait', category: category.id, title: '請稍候', text: '請您稍候。' }),
    })
    id = ((await created.json()) as { doc: { id: number } }).doc.id
  })
  afterAll(async () => {
    await server?.close()
  })

  it('reads the quoted, weak or bare updatedAt', () => {
    expect(ifMatchTime('"2026-11-24T08:00:00.000Z"')).toBe(Date.parse('2026-11-24T08:00:00.000Z'))
    expect(ifMatchTime('W/"2026-11-24T08:00:00.000Z"')).toBe(Date.parse('2026-11-24T08:00:00.000Z'))
    expect(ifMatchTime('2026-11-24T08:00:00Z')).toBe(Date.parse('2026-11-24T08:00:00Z'))
    expect(ifMatchTime('"yesterday"')).toBeNull()
  })

  it('writes with a current If-Match, refuses the same stale one with 409, and writes nothing then', async () => {
    const before = await read()
    const first = await api(
      `/api/phrases/${id}?draft=true&locale=zh-Hant`,
      { method: 'PATCH', body: JSON.stringify({ text: '請您稍候，我馬上為您查詢。' }) },
      { 'if-match': `"${before.updatedAt}"` },
    )
    expect(first.status).toBe(200)
    const afterFirst = await read()
    const versionCount = await versions()

    const stale = await api(
      `/api/phrases/${id}?draft=true&locale=zh-Hant`,
      { method: 'PATCH', body: JSON.stringify({ text: '覆蓋別人的修改' }) },
      // In English: refusals are in the caller's language (test/workflow-messages.test.ts).
      { 'if-match': `"${before.updatedAt}"`, 'accept-language': 'en' },
    )
    expect(stale.status).toBe(409)
    expect(JSON.stringify(await stale.json())).toContain('changed at')
    expect(await read()).toEqual(afterFirst)
    expect(await versions()).toBe(versionCount)
  })

  it('answers 400 for an If-Match that is not a time, and writes without one', async () => {
    const bad = await api(`/api/phrases/${id}?draft=true&locale=zh-Hant`, { method: 'PATCH', body: JSON.stringify({ text: 'x' }) }, { 'if-match': '"v1"' })
    expect(bad.status).toBe(400)
    const plain = await api(`/api/phrases/${id}?draft=true&locale=zh-Hant`, { method: 'PATCH', body: JSON.stringify({ text: '請您稍候。' }) })
    expect(plain.status).toBe(200)
    expect((await read()).text).toBe('請您稍候。')
  })
})
