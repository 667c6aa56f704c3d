import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { EventSource } from 'eventsource'

import { type RunningServer, startServer } from '../src/server/start'
import type { Settings } from '../src/settings'
import { freshDatabaseUrl, secondServerEnv, testSettings } from './helpers/databases'
import { type ServerProcess, spawnServer } from './helpers/server'

const API_KEY = 'delivery-pg-key-0123456789abcdef'
const BUSY_KEY = 'delivery-pg-busy-0123456789abcdef'
// Per client and minute, on both processes together: enough for the polling below (every 25 ms),
// small enough to reach in the last test.
const RATE_LIMIT = 300
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
type Json = Record<string, any>

/**
 * Two server processes on one PostgreSQL database, no sticky sessions: what one publishes, the
 * other serves within a second (tens of milliseconds: PostgreSQL notifies it), from its own snapshot.
 */
describe('two delivery processes on one PostgreSQL database', () => {
  let first: RunningServer
  let second: ServerProcess
  let settings: Settings
  const tokens: Record<string, string> = {}
  const agent = { authorization: `api-clients API-Key ${API_KEY}` }

  const asPerson = (who: string, path: string, method: string, body: unknown) =>
    fetch(first.url + path, { method, headers: { 'content-type': 'application/json', authorization: `JWT ${tokens[who]}` }, body: JSON.stringify(body) })

  beforeAll(async () => {
    const name = 'delivery_postgres'
    settings = testSettings(await freshDatabaseUrl('postgres', name), name, { PHRASEBOOK_RATE_LIMIT: String(RATE_LIMIT) })
    first = await startServer(settings, { admin: false })
    await first.payload.create({ collection: 'api-clients', data: { name: 'Agent desktop', enableAPIKey: true, apiKey: API_KEY } })
    await first.payload.create({ collection: 'categories', locale: 'zh-Hant', data: { slug: 'closing', name: '結束語' } })
    for (const [who, roles] of [['editor', ['editor']], ['reviewer', ['reviewer']]] as const) {
      await first.payload.create({ collection: 'users', data: { email: `${who}@example.com`, password: `${who}-pw`, roles: [...roles] } })
      const login = await fetch(first.url + '/api/users/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `${who}@example.com`, password: `${who}-pw` }),
      })
      tokens[who] = ((await login.json()) as Json).token
    }
    second = await spawnServer(secondServerEnv(settings, { PHRASEBOOK_RATE_LIMIT: String(RATE_LIMIT) }))
  })
  afterAll(async () => {
    await second?.stop()
    await first?.close()
  })

  it('serves a publish from the other process within a second', async () => {
    const categoryId = (await first.payload.find({ collection: 'categories' })).docs[0]!.id
    const propagation: number[] = []
    for (const [n, text] of ['感謝您的來電，再見！', '感謝您的來電，祝您生活愉快！', '謝謝您的耐心，再見！'].entries()) {
      const key = `closing.two_processes_${n}`
      const created = (await (await asPerson('editor', '/api/phrases?draft=true&locale=zh-Hant', 'POST', { key, category: categoryId, title: '結束語', text })).json()) as Json
      await asPerson('editor', `/api/phrases/${created.doc.id}/submit`, 'POST', {})
      expect((await fetch(`${second.url}/v1/phrases/${key}`, { headers: agent })).status).toBe(404)
      expect((await asPerson('reviewer', `/api/phrases/${created.doc.id}/approve`, 'POST', {})).status).toBe(200)
      const published = Date.now()
      let response: Response
      for (;;) {
        response = await fetch(`${second.url}/v1/phrases/${key}?locale=zh-TW`, { headers: agent })
        if (response.status === 200 || Date.now() - published > 5000) break
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
      propagation.push(Date.now() - published)
      expect(((await response.json()) as Json).text).toBe(text)
    }
    // The contract: every process sees a publish within 1 s. It hears of it by NOTIFY at once (the
    // safety-net check every 10 s could not have made this).
    expect(Math.max(...propagation)).toBeLessThan(1000)
  })

  it('pushes a publish to a desktop connected to the other process within a second, and that process then serves it', async () => {
    const categoryId = (await first.payload.find({ collection: 'categories' })).docs[0]!.id
    const heard: { at: number; key: string }[] = []
    const desktop = new EventSource(`${second.url}/v1/events`, { fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...agent } }) })
    try {
      desktop.addEventListener('published', (event) => heard.push({ at: Date.now(), key: JSON.parse(event.data).key }))
      await new Promise((resolve) => desktop.addEventListener('ready', resolve, { once: true }))
      const delays: number[] = []
      for (const n of [0, 1, 2]) {
        const key = `closing.pushed_${n}`
        const created = (await (await asPerson('editor', '/api/phrases?draft=true&locale=zh-Hant', 'POST', { key, category: categoryId, title: '結束語', text: '感謝您的來電，再會！' })).json()) as Json
        await asPerson('editor', `/api/phrases/${created.doc.id}/submit`, 'POST', {})
        expect((await asPerson('reviewer', `/api/phrases/${created.doc.id}/approve`, 'POST', {})).status).toBe(200)
        const approved = Date.now()
        const event = await (async () => {
          for (;;) {
            const found = heard.find((e) => e.key === key)
            if (found || Date.now() - approved > 5000) return found
            await sleep(5)
          }
        })()
        expect(event).toBeDefined()
        delays.push(event!.at - approved)
        // Told by that process once its snapshot had it: a read there, right away, serves it.
        expect((await fetch(`${second.url}/v1/phrases/${key}?locale=zh-TW`, { headers: agent })).status).toBe(200)
      }
      expect(Math.max(...delays)).toBeLessThan(1000)
    } finally {
      desktop.close()
    }
  })

  it('withdraws a retired phrase in the other process too, and both agree on the revision', async () => {
    const phrase = (await first.payload.find({ collection: 'phrases', where: { key: { equals: 'closing.two_processes_0' } } })).docs[0]!
    expect((await asPerson('reviewer', `/api/phrases/${phrase.id}/retire`, 'POST', {})).status).toBe(200)
    const retired = Date.now()
    let status = 200
    while (status !== 404 && Date.now() - retired < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 25))
      status = (await fetch(`${second.url}/v1/phrases/closing.two_processes_0`, { headers: agent })).status
    }
    expect(status).toBe(404)
    await first.store.refresh()
    const [one, two] = await Promise.all(
      [first.url, second.url].map(async (url) => ((await (await fetch(`${url}/v1/changes?since=0`, { headers: agent })).json()) as Json)),
    )
    expect(one).toEqual(two)
    expect(one.changes.find((c: Json) => c.key === 'closing.two_processes_0')).toMatchObject({ change: 'withdrawn' })
  })
  it('keeps a person signed in whichever process answers (no sticky sessions)', async () => {
    const phrase = (await first.payload.find({ collection: 'phrases', limit: 1 })).docs[0]!
    for (const url of [first.url, second.url]) {
      const response = await fetch(`${url}/api/phrases/${phrase.id}/workspace`, { headers: { authorization: `JWT ${tokens.reviewer}` } })
      expect(response.status).toBe(200)
    }
  })

  it('shares rate limits: a client the load balancer spreads over both processes gets the limit once, not twice', async () => {
    await first.payload.create({ collection: 'api-clients', data: { name: 'Busy tool', enableAPIKey: true, apiKey: BUSY_KEY } })
    const busy = { authorization: `api-clients API-Key ${BUSY_KEY}` }
    // Limits count per minute of the clock: keep the run inside one.
    if (Date.now() % 60_000 > 50_000) await sleep(60_000 - (Date.now() % 60_000) + 50)
    let status = 200
    let served = 0
    for (let n = 0; status === 200 && n < 2 * RATE_LIMIT; n++) {
      status = (await fetch(`${[first.url, second.url][n % 2]}/v1/phrases?category=closing`, { headers: busy })).status
      if (status === 200) served++
    }
    expect(status).toBe(429)
    // Each process hears of the other's hits within 200 ms, so the client gets the limit, plus at
    // most what it sent the other process in that time; per-process counts would have let 600 through.
    expect(served).toBeGreaterThanOrEqual(RATE_LIMIT)
    expect(served).toBeLessThan(RATE_LIMIT * 1.25)
    await sleep(500)
    for (const url of [first.url, second.url]) expect((await fetch(`${url}/v1/phrases?category=closing`, { headers: busy })).status).toBe(429)
    // Other clients are not affected.
    expect((await fetch(`${first.url}/v1/phrases?category=closing`, { headers: agent })).status).toBe(200)
  })
})
