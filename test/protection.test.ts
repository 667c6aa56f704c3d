import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { type RunningServer, startServer } from '../src/server/start'
import { seededSettings } from './helpers/databases'

const LIMIT = 30
const AGENT_ORIGIN = 'https://agent.example.com'

/**
 * Abuse limits through real HTTP: per-client limits on /v1 (the fast path included), failed
 * sign-ins per address on top of Payload's account lockout, security headers, CORS for agent
 * tools, and bounds on REST queries.
 */
describe('abuse limits', () => {
  let server: RunningServer
  const keys = ['client-a', 'client-b', 'client-c'].map((name) => `${name}-key-0123456789abcdef`)
  const as = (key: string, headers: Record<string, string> = {}) => ({ authorization: `api-clients API-Key ${key}`, ...headers })

  beforeAll(async () => {
    const name = 'protection'
    server = await startServer(
      await seededSettings('sqlite', name, {
        PHRASEBOOK_RATE_LIMIT: String(LIMIT),
        PHRASEBOOK_LOGIN_RATE_LIMIT: '8',
        PHRASEBOOK_CORS_ORIGINS: AGENT_ORIGIN,
      }),
      { admin: false },
    )
    for (const [i, key] of keys.entries()) {
      await server.payload.create({ collection: 'api-clients', data: { name: `Client ${i}`, enableAPIKey: true, apiKey: key } })
    }
    await server.payload.create({ collection: 'users', data: { email: 'locked@example.com', password: 'right-password', roles: ['editor'] } })
    await server.payload.create({ collection: 'users', data: { email: 'other@example.com', password: 'other-password', roles: ['editor'] } })
  })
  afterAll(async () => {
    await server?.close()
  })

  it('limits each API client on /v1, cached answers (the fast path) included', async () => {
    const statuses: number[] = []
    for (let i = 0; i <= LIMIT; i++) statuses.push((await fetch(`${server.url}/v1/phrases/closing.standard`, { headers: as(keys[0]!) })).status)
    expect(statuses.slice(0, LIMIT).every((status) => status === 200)).toBe(true)
    const refused = await fetch(`${server.url}/v1/phrases/closing.standard`, { headers: as(keys[0]!, { 'accept-language': 'zh-TW' }) })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('秒後再試') })
    // Another client is not affected.
    expect((await fetch(`${server.url}/v1/phrases/closing.standard`, { headers: as(keys[1]!) })).status).toBe(200)
  })

  it('counts cached and uncached reads against one limit', async () => {
    const paths = Array.from({ length: LIMIT }, (_, i) => (i % 2 ? '/v1/phrases/closing.standard' : `/v1/phrases?category=closing&q=${i}`))
    for (const path of paths) expect((await fetch(server.url + path, { headers: as(keys[2]!) })).status).toBe(200)
    expect((await fetch(`${server.url}/v1/phrases?category=hold`, { headers: as(keys[2]!) })).status).toBe(429)
    expect((await fetch(`${server.url}/v1/phrases/closing.standard`, { headers: as(keys[2]!) })).status).toBe(429)
  })

  it('locks an account after 5 failed sign-ins and slows an address trying many', async () => {
    const login = (email: string, password: string) =>
      fetch(`${server.url}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })
    for (let i = 0; i < 5; i++) expect((await login('locked@example.com', 'wrong')).status).toBe(401)
    // Payload's lockout: even the right password is refused now.
    const locked = await login('locked@example.com', 'right-password')
    expect(locked.status).toBe(401)
    // A successful sign-in does not count against the address...
    expect((await login('other@example.com', 'other-password')).status).toBe(200)
    // ...but failures do: this address has 8.
    expect((await login('other@example.com', 'wrong')).status).toBe(401)
    expect((await login('other@example.com', 'wrong')).status).toBe(401)
    const limited = await login('other@example.com', 'other-password')
    expect(limited.status).toBe(429)
    // In the API's shape and in the one the admin's sign-in form shows, in the browser's language.
    expect(await limited.json()).toEqual({
      error: { code: 'rate_limited', message: '此位址登入失敗次數過多，請等 15 分鐘後再試。' },
      errors: [{ message: '此位址登入失敗次數過多，請等 15 分鐘後再試。' }],
    })
  })

  it('sends security headers', async () => {
    const response = await fetch(`${server.url}/healthz`)
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-powered-by')).toBeNull()
  })

  it('answers CORS for the configured agent-tool origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/v1/phrases/closing.standard`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      })
    const allowed = await preflight(AGENT_ORIGIN)
    expect(allowed.status).toBe(204)
    expect(allowed.headers.get('access-control-allow-origin')).toBe(AGENT_ORIGIN)
    expect(allowed.headers.get('access-control-allow-headers')).toContain('Authorization')
    expect((await preflight('https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull()
    const read = await fetch(`${server.url}/v1/phrases/closing.standard`, { headers: as(keys[1]!, { origin: AGENT_ORIGIN }) })
    expect(read.status).toBe(200)
    expect(read.headers.get('access-control-allow-origin')).toBe(AGENT_ORIGIN)
  })

  it('bounds REST queries: page size, everything at once, depth, where', async () => {
    const get = (query: string) => fetch(`${server.url}/api/phrases?${query}`, { headers: as(keys[1]!) })
    for (const query of ['limit=100000', 'limit=0', 'pagination=false', 'depth=9', Array.from({ length: 41 }, (_, i) => `where[or][${i}][key][equals]=k${i}`).join('&')]) {
      const refused = await get(query)
      expect(refused.status).toBe(400)
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('query_too_broad')
    }
    const fine = await get('limit=100&depth=1&where[key][like]=closing')
    expect(fine.status).toBe(200)
    expect(((await fine.json()) as { docs: unknown[] }).docs.length).toBeGreaterThan(0)
  })

  it('says why a query is refused in the caller\'s language', async () => {
    const refusal = async (query: string, language?: string) =>
      ((await (await fetch(`${server.url}/api/phrases?${query}`, { headers: as(keys[1]!, language ? { 'accept-language': language } : {}) })).json()) as { error: { message: string } }).error.message
    expect(await refusal('limit=0')).toBe('「limit」須為 1 到 500（較長的清單請分頁讀取）。')
    expect(await refusal('limit=0', 'zh-CN,zh;q=0.9')).toBe('“limit”须为 1 到 500（较长的列表请分页读取）。')
    expect(await refusal('limit=0', 'en')).toBe('"limit" must be 1 to 500 (page through longer lists).')
    expect(await refusal('limit=1&limit=2', 'en')).toBe('"limit" takes one value.')
    // The conditions of a where are checked by Payload's hooks, in Payload's language for the request.
    expect(await refusal('where[order][equals]=abc')).toBe('「abc」不是「order」可有的值')
    expect(await refusal('where[_status][like]=pub', 'en')).toBe('"_status" does not take "like"; it takes equals, not_equals, in, not_in, exists')
  })

  it('bounds GraphQL lists like REST ones: no limit 0, no pagination false, at most 500 a page', async () => {
    const graphQL = async (query: string) =>
      (await (await fetch(`${server.url}/api/graphql`, { method: 'POST', headers: as(keys[1]!, { 'content-type': 'application/json' }), body: JSON.stringify({ query }) })).json()) as {
        data?: { Phrases: { totalDocs: number; docs: unknown[] } | null }
        errors?: { message: string }[]
      }
    for (const args of ['limit: 0', 'pagination: false', 'limit: 501']) {
      const refused = await graphQL(`{ Phrases(${args}) { totalDocs } }`)
      expect(refused.data?.Phrases ?? null).toBeNull()
      expect(refused.errors?.[0]?.message).toBe('「limit」須為 1 到 500，且不接受「pagination: false」；較長的清單請分頁讀取')
    }
    const fine = await graphQL('{ Phrases(limit: 5) { totalDocs docs { key } } }')
    expect(fine.errors).toBeUndefined()
    expect(fine.data?.Phrases?.docs).toHaveLength(5)
  })

  it('bounds a query sent as the body of a POST read (the admin does that for long lists) as much as one in the address', async () => {
    const post = (query: string) =>
      fetch(`${server.url}/api/phrases`, {
        method: 'POST',
        headers: as(keys[1]!, { 'content-type': 'application/x-www-form-urlencoded', 'x-payload-http-method-override': 'GET' }),
        body: query,
      })
    const refused = await post('limit=0&depth=0')
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('query_too_broad')
    const fine = await post('limit=5&depth=0&where[key][like]=closing')
    expect(fine.status).toBe(200)
    expect(((await fine.json()) as { docs: unknown[] }).docs).toHaveLength(5)
    // The same form body without the override is no write: 415, nothing created.
    const before = (await server.payload.count({ collection: 'phrases' })).totalDocs
    const write = await fetch(`${server.url}/api/phrases`, { method: 'POST', headers: as(keys[1]!, { 'content-type': 'application/x-www-form-urlencoded' }), body: 'key=closing.x' })
    expect(write.status).toBe(415)
    expect((await server.payload.count({ collection: 'phrases' })).totalDocs).toBe(before)
  })
})
