import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { readStandardLibrary } from '../seed/library'
import { seededServerEnv } from './helpers/databases'
import { type ServerProcess, spawnServer } from './helpers/server'

const ADMIN = { email: 'ops-admin@example.com', password: 'correct horse battery staple' }
const library = readStandardLibrary()

/** The product as `npm start` runs it: one process, one port, SQLite, the library loaded. */
describe('the running server (SQLite, seeded)', () => {
  let server: ServerProcess
  let adminToken: string

  const api = (path: string, init: RequestInit = {}) => fetch(server.url + path, init)
  const asAdmin = (init: RequestInit = {}): RequestInit => ({
    ...init,
    headers: { 'content-type': 'application/json', authorization: `JWT ${adminToken}`, ...(init.headers ?? {}) },
  })

  beforeAll(async () => {
    server = await spawnServer({
      ...(await seededServerEnv('sqlite', 'server')),
      PHRASEBOOK_ADMIN_EMAIL: ADMIN.email,
      PHRASEBOOK_ADMIN_PASSWORD: ADMIN.password,
    })
    const login = await api('/api/users/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    })
    expect(login.status).toBe(200)
    adminToken = ((await login.json()) as { token: string }).token
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('starts on a copy of a current database without pushing the schema (PHRASEBOOK_SCHEMA_PUSH=false)', () => {
    expect(server.output()).toContain('is ready at')
    expect(server.output()).not.toContain('Pulling schema')
  })

  it('answers /healthz and /readyz', async () => {
    const health = await api('/healthz')
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ status: 'ok' })
    const ready = await api('/readyz')
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready', database: 'sqlite' })
  })

  it('serves the admin UI at /admin (login page for a visitor)', async () => {
    const page = await api('/admin', { redirect: 'manual' })
    expect([200, 302, 307]).toContain(page.status)
    const login = await api('/admin/login')
    expect(login.status).toBe(200)
    const html = await login.text()
    expect(html).toContain('<html')
    expect(html).toContain('Phrasebook CMS')
    expect(html).toContain('lang="zh-TW"')
  })

  it('logs in the first admin from the configured credentials and rejects a wrong password', async () => {
    const me = await api('/api/users/me', asAdmin())
    expect(((await me.json()) as { user: { email: string; roles: string[] } }).user).toMatchObject({
      email: ADMIN.email,
      roles: ['admin'],
    })
    const wrong = await api('/api/users/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...ADMIN, password: 'wrong' }),
    })
    expect(wrong.status).toBe(401)
    expect(server.output()).not.toContain(ADMIN.password)
  })

  it('serves the seeded library over the REST API and GraphQL to a signed-in person', async () => {
    const phrases = await api('/api/phrases?limit=1&locale=zh-Hans', asAdmin())
    expect(phrases.status).toBe(200)
    const body = (await phrases.json()) as { totalDocs: number; docs: { text: string }[] }
    expect(body.totalDocs).toBe(library.phrases.length)
    const graphql = await api(
      '/api/graphql',
      asAdmin({ method: 'POST', body: JSON.stringify({ query: '{ Categories(limit: 20) { totalDocs docs { slug } } }' }) }),
    )
    expect(graphql.status).toBe(200)
    expect(((await graphql.json()) as { data: { Categories: { totalDocs: number } } }).data.Categories.totalDocs).toBe(10)
  })

  it('keeps everything closed to anonymous callers', async () => {
    expect((await api('/api/phrases')).status).toBe(403)
    expect((await api('/api/audit-log')).status).toBe(403)
    const v1 = await api('/v1')
    expect(v1.status).toBe(401)
    expect(await v1.json()).toMatchObject({ error: { code: 'unauthorized' } })
  })

  it('lets an API client in to /v1 and shows it published phrases only', async () => {
    const apiKey = 'agent-desk-test-key-0123456789abcdef'
    const created = await api(
      '/api/api-clients',
      asAdmin({ method: 'POST', body: JSON.stringify({ name: 'Agent desktop', enableAPIKey: true, apiKey }) }),
    )
    expect(created.status).toBe(201)
    const asClient = { headers: { authorization: `api-clients API-Key ${apiKey}` } }
    expect((await api('/v1', asClient)).status).toBe(200)

    const categories = (await (await api('/api/categories?limit=1', asClient)).json()) as { docs: { id: number }[] }
    const draft = await api(
      '/api/phrases?draft=true',
      asAdmin({
        method: 'POST',
        body: JSON.stringify({ key: 'opening.unpublished_draft', category: categories.docs[0].id, title: '草稿', text: '草稿內容' }),
      }),
    )
    expect(draft.status).toBe(201)
    const seen = (await (await api('/api/phrases?limit=500&depth=0', asClient)).json()) as { docs: { key: string }[] }
    expect(seen.docs.length).toBe(library.phrases.length)
    expect(seen.docs.map((d) => d.key)).not.toContain('opening.unpublished_draft')
    expect((await api('/api/audit-log', asClient)).status).toBe(403)
    expect((await api('/api/users', asClient)).status).toBe(403)
  })
})
