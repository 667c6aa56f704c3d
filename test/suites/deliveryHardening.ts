import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import i18next from 'i18next'
import HttpBackend from 'i18next-http-backend'

import { localDay } from '../../src/domain/holidays'
import { type RunningServer, startServer } from '../../src/server/start'
import { seededSettings } from '../helpers/databases'
import { signInPeople } from '../helpers/people'

const API_KEY = 'delivery-hardening-key-0123456789abcdef'
const TIME_ZONE = 'Asia/Taipei'
/** A small response cache (PHRASEBOOK_RESPONSE_CACHE_MB), so that a few dozen whole-library answers overflow it. */
const CACHE_MB = 2
type Json = Record<string, any>

/**
 * The /v1 delivery API hardened (issue 15): the same security headers whether a cached answer is
 * served before Express or not, a response cache bounded in bytes, read-your-writes after an
 * approval, a plain day in `at`, a cursor above the current revision, declared fallbacks in
 * i18next bundles, scenario steps whose phrase agents cannot see. Through a real server on a
 * real database, the standard library loaded.
 */
export function describeDeliveryHardening(kind: 'sqlite' | 'postgres'): void {
  describe(`the delivery API hardened on ${kind}`, () => {
    let server: RunningServer
    const tokens: Record<string, string> = {}
    let categoryId: number | string

    const agent = { authorization: `api-clients API-Key ${API_KEY}` }
    const get = (path: string, headers: Record<string, string> = {}) => fetch(server.url + path, { headers: { ...agent, ...headers } })
    const json = async (response: Response | Promise<Response>) => (await (await response).json()) as Json
    const person = (who: string, path: string, method = 'GET', body?: unknown) =>
      fetch(server.url + path, {
        method,
        headers: { 'content-type': 'application/json', authorization: `JWT ${tokens[who]}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      })

    /** A phrase written and submitted by the editor, in review; returns its id. */
    async function inReview(key: string, data: Record<string, unknown> = {}): Promise<number | string> {
      const created = await person('editor', '/api/phrases?draft=true&locale=zh-Hant', 'POST', { key, category: categoryId, title: '測試', text: `${key} 的文字。`, ...data })
      expect(created.status).toBe(201)
      const id = (await json(created)).doc.id
      expect((await person('editor', `/api/phrases/${id}/submit`, 'POST', {})).status).toBe(200)
      return id
    }
    async function published(key: string, data: Record<string, unknown> = {}): Promise<number | string> {
      const id = await inReview(key, data)
      expect((await person('reviewer', `/api/phrases/${id}/approve`, 'POST', {})).status).toBe(200)
      return id
    }

    beforeAll(async () => {
      const name = `delivery_hardening_${kind}`
      const settings = await seededSettings(kind, name, {
        PHRASEBOOK_TIMEZONE: TIME_ZONE,
        PHRASEBOOK_RESPONSE_CACHE_MB: String(CACHE_MB),
        // With origins configured, CORS answers vary by Origin: the fast path must say so too.
        PHRASEBOOK_CORS_ORIGINS: 'https://agent.example.com',
      })
      server = await startServer(settings, { admin: false })
      await server.payload.create({ collection: 'api-clients', data: { name: 'Agent desktop', enableAPIKey: true, apiKey: API_KEY } })
      Object.assign(tokens, await signInPeople(server, { editor: ['editor'], reviewer: ['reviewer'] }))
      categoryId = (await server.payload.find({ collection: 'categories', where: { slug: { equals: 'closing' } } })).docs[0]!.id
      await server.store.refresh()
    }, 300_000)
    afterAll(async () => {
      await server?.close()
    })

    it('sends the same headers with a cached answer as with the first, uncached one (200, 304, 4xx)', async () => {
      const headerSet = (response: Response) => [...response.headers.keys()].filter((name) => !['date', 'connection', 'keep-alive', 'content-length'].includes(name)).sort()
      const security = ['x-content-type-options', 'x-frame-options', 'content-security-policy', 'ratelimit', 'ratelimit-policy', 'vary', 'cache-control', 'etag']
      const valuesOf = (response: Response) => Object.fromEntries(security.filter((name) => name !== 'ratelimit').map((name) => [name, response.headers.get(name)]))
      const bundle = await get('/v1/i18n/zh-TW/closing.json?headers=1')
      const cases: [string, Record<string, string>][] = [
        ['/v1/phrases?locale=zh-TW&category=closing&headers=1', {}],
        ['/v1/phrases/closing.standard?locale=zh-Hans&headers=1', {}],
        ['/v1/scenarios/silent_call?headers=1', {}],
        ['/v1/changes?since=0&headers=1', {}],
        ['/v1/phrases/closing.nothing_here?headers=1', {}],
        ['/v1/phrases?locale=xx&headers=1', { 'accept-language': 'zh-Hans' }],
        // The same answer as the bundle above under another address: its first 304 is built by Express.
        ['/v1/i18n/zh-TW/closing.json?headers=2', { 'if-none-match': bundle.headers.get('etag')! }],
      ]
      for (const [path, headers] of cases) {
        const first = await get(path, headers)
        const second = await get(path, headers)
        expect({ path, status: second.status }).toEqual({ path, status: first.status })
        expect({ path, headers: headerSet(second) }).toEqual({ path, headers: headerSet(first) })
        expect({ path, values: valuesOf(second) }).toEqual({ path, values: valuesOf(first) })
        for (const name of ['x-content-type-options', 'x-frame-options', 'content-security-policy', 'ratelimit', 'ratelimit-policy']) {
          expect({ path, name, present: second.headers.has(name) }).toEqual({ path, name, present: true })
        }
      }
      expect((await get('/v1/i18n/zh-TW/closing.json?headers=2', { 'if-none-match': bundle.headers.get('etag')! })).status).toBe(304)
    })

    it(`keeps the response cache within its byte budget (${CACHE_MB} MB) however many distinct addresses are asked`, async () => {
      const budget = CACHE_MB * 1024 * 1024
      let answered = 0
      for (let n = 0; n < 60; n++) {
        const response = await get(`/v1/phrases?locale=zh-Hant&n=${n}`)
        expect(response.status).toBe(200)
        answered += (await response.arrayBuffer()).byteLength
        expect(server.responses.bytes).toBeLessThanOrEqual(budget)
      }
      // The answers would have filled the budget several times over; it is full, not skipped.
      expect(answered).toBeGreaterThan(3 * budget)
      expect(server.responses.bytes).toBeGreaterThan(budget / 2)
      // What is still cached is served from the cache: the newest answers are kept.
      const newest = await get('/v1/phrases?locale=zh-Hant&n=59')
      expect((await get('/v1/phrases?locale=zh-Hant&n=59', { 'if-none-match': newest.headers.get('etag')! })).status).toBe(304)
    })

    it('serves a phrase as soon as the approval that publishes it returns, 10 phrases out of 10', async () => {
      for (let n = 0; n < 10; n++) {
        const key = `closing.read_your_write_${n}`
        const id = await inReview(key, { text: `第 ${n} 句新話術。` })
        // The list answer of this revision is cached, as an agent tool polling it would have it.
        await get('/v1/phrases?locale=zh-Hant&category=closing')
        expect((await person('reviewer', `/api/phrases/${id}/approve`, 'POST', {})).status).toBe(200)
        const phrase = await get(`/v1/phrases/${key}?locale=zh-Hant`)
        expect({ n, status: phrase.status }).toEqual({ n, status: 200 })
        expect((await json(phrase)).text).toBe(`第 ${n} 句新話術。`)
        const listed = (await json(get('/v1/phrases?locale=zh-Hant&category=closing'))).items.map((p: Json) => p.key)
        expect(listed).toContain(key)
      }
    })

    it(`reads a plain day in \`at\` as any time of that day in ${TIME_ZONE}`, async () => {
      const now = Date.now()
      // Valid right now, for a while: served today whatever the hour.
      await published('closing.plain_day_now', { validFrom: new Date(now - 60_000).toISOString(), validUntil: new Date(now + 30 * 60_000).toISOString() })
      // 01:00–02:00 Taipei time on 2027-03-15.
      await published('closing.plain_day_early', { validFrom: '2027-03-14T17:00:00Z', validUntil: '2027-03-14T18:00:00Z' })
      // 2027-03-15 20:00–21:00 UTC is already the 16th in Taipei.
      await published('closing.plain_day_late', { validFrom: '2027-03-15T20:00:00Z', validUntil: '2027-03-15T21:00:00Z' })
      const status = async (key: string, at: string) => (await get(`/v1/phrases/${key}?at=${at}`)).status
      const today = localDay(new Date(now), TIME_ZONE)
      expect(await status('closing.plain_day_now', today)).toBe(200)
      expect((await json(get(`/v1/phrases?category=closing&at=${today}`))).items.map((p: Json) => p.key)).toContain('closing.plain_day_now')
      expect([await status('closing.plain_day_early', '2027-03-14'), await status('closing.plain_day_early', '2027-03-15'), await status('closing.plain_day_early', '2027-03-16')]).toEqual([404, 200, 404])
      expect([await status('closing.plain_day_late', '2027-03-15'), await status('closing.plain_day_late', '2027-03-16')]).toEqual([404, 200])
      // An instant still means that instant.
      expect(await status('closing.plain_day_early', '2027-03-14T17:30:00Z')).toBe(200)
      expect(await status('closing.plain_day_early', '2027-03-14T18:30:00Z')).toBe(404)
    })

    it('answers a change cursor above the current revision 410 resync_required, in the caller\'s language', async () => {
      const { revision } = await json(get('/v1/changes?since=0'))
      expect(await json(get(`/v1/changes?since=${revision}`))).toMatchObject({ revision, changes: [] })
      const ahead = await get(`/v1/changes?since=${revision + 5}`, { 'accept-language': 'zh-Hans' })
      expect(ahead.status).toBe(410)
      const body = await json(ahead)
      expect(body).toEqual({ error: { code: 'resync_required', message: expect.stringContaining(String(revision)), revision } })
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/)
      const english = await json(get(`/v1/changes?since=${revision + 5}`, { 'accept-language': 'en' }))
      expect(english.error.message).toMatch(/since=0/)
    })

    it('gives a real i18next client the declared fallbacks, the same text as /v1/phrases', async () => {
      const client = i18next.createInstance()
      await client.use(HttpBackend).init({
        lng: 'zh-TW',
        fallbackLng: false,
        ns: ['opening'],
        defaultNS: 'opening',
        backend: { loadPath: `${server.url}/v1/i18n/{{lng}}/{{ns}}.json`, customHeaders: agent },
      })
      const served = async (locale: string, vars = '') => (await json(get(`/v1/phrases/opening.standard?locale=${locale}${vars}`))).text
      expect(client.t('standard')).toBe(await served('zh-TW'))
      expect(client.t('standard')).toContain('本公司')
      // Markup, quotes, brackets and i18next's separators pass through (not `\\` or `, {`: see src/delivery/bundle.ts).
      for (const company of ['歐飛', `<b>"歐飛"</b> (台北) {分店} it's`, 'a.b:c_d', 'closing:standard']) {
        expect(client.t('standard', { company })).toBe(await served('zh-TW', `&vars[company]=${encodeURIComponent(company)}`))
      }
      await client.changeLanguage('zh-CN')
      expect(client.t('standard')).toBe(await served('zh-CN'))
      expect(client.t('standard')).toContain('本公司')
    })

    it('leaves out of a scenario the steps whose phrase agents cannot see', async () => {
      const live = await published('closing.scenario_live')
      const draft = await inReview('closing.scenario_unpublished')
      await server.payload.create({
        collection: 'scenarios',
        locale: 'zh-Hant',
        data: { key: 'hardening_steps', title: '測試情境', steps: [{ phrase: draft as number, note: '未發布' }, { phrase: live as number, note: '已發布' }] },
        overrideAccess: true,
      })
      await server.store.refresh()
      const response = await get('/v1/scenarios/hardening_steps?locale=zh-Hant')
      const text = await response.text()
      expect(text).not.toContain('scenario_unpublished')
      expect(JSON.parse(text).steps).toEqual([{ order: 1, note: '已發布', phrase: { key: 'closing.scenario_live', text: 'closing.scenario_live 的文字。', variant: 'default' } }])
    })

    // Found by the fuzz suite: PostgreSQL failed (500) on a localized column in a locale it has no value for.
    it('refuses a list sorted or filtered by a localized field in a locale the library does not have (400), and answers the rest', async () => {
      const asEditor = { authorization: `JWT ${tokens.editor}`, 'accept-language': 'en' }
      for (const query of ['locale=zh-XX&sort=-title', 'locale=zh-XX&sort=text', 'locale=zh-XX&where[title][equals]=x', 'locale=zh-XX&where[or][0][text][like]=x']) {
        const response = await fetch(`${server.url}/api/phrases?${query}`, { headers: asEditor })
        expect([query, response.status]).toEqual([query, 400])
        expect((await json(response)).error.message).toContain('zh-XX')
      }
      for (const query of ['locale=zh-XX&sort=key', 'locale=zh-XX', 'locale=all&sort=-title', 'locale=zh-Hans&sort=-title']) {
        const response = await fetch(`${server.url}/api/phrases?${query}&limit=1`, { headers: asEditor })
        expect([query, response.status]).toEqual([query, 200])
      }
      // Writes still name one locale of the library (a fuzz run caught this rule lost in the change above).
      const terms = async () => (await server.payload.count({ collection: 'forbidden-terms' })).totalDocs
      const before = await terms()
      const written = await fetch(`${server.url}/api/forbidden-terms?locale=all`, {
        method: 'POST',
        headers: { authorization: `JWT ${tokens.reviewer}`, 'content-type': 'application/json' },
        body: JSON.stringify({ term: '全部語系', class: 'sarcasm', severity: 'warn' }),
      })
      expect(written.status).toBe(400)
      expect(await terms()).toBe(before)
    })
  })
}
