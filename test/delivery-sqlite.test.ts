import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import i18next from 'i18next'
import HttpBackend from 'i18next-http-backend'
import { EventSource } from 'eventsource'

import { DOCUMENTED_ROUTES } from '../src/delivery/openapi'
import { type RunningServer, startServer } from '../src/server/start'
import { seededServerEnv, seededSettings } from './helpers/databases'
import { accuracyOf, halfOf, LABELLED_UTTERANCES } from './helpers/suggestAccuracy'
import { spawnServer } from './helpers/server'
import { eventually } from './helpers/wait'

const API_KEY = 'delivery-test-key-0123456789abcdef'
/** Top-3 accuracy (%) of suggestions on the labelled utterances, below which this test fails (measured: docs/benchmarks.md). */
const SUGGEST_FLOOR = { all: 75, heldOut: 65 }
type Json = Record<string, any>

/**
 * The delivery API against the standard library on SQLite, through real HTTP: variants by day and
 * channel, every locale, variables, caching, leaks of unpublished states, a real i18next client.
 */
describe('the delivery API (/v1) on SQLite', () => {
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
  /** Waits until this server's snapshot has caught up with the database. */
  const caughtUp = () => server.store.refresh()

  beforeAll(async () => {
    const name = 'delivery_sqlite'
    server = await startServer(await seededSettings('sqlite', name, { PHRASEBOOK_TIMEZONE: 'Asia/Taipei' }), { admin: false })
    await server.payload.create({ collection: 'api-clients', data: { name: 'Agent desktop', enableAPIKey: true, apiKey: API_KEY } })
    for (const [who, roles] of [['editor', ['editor']], ['reviewer', ['reviewer']], ['admin2', ['admin']]] as const) {
      await server.payload.create({ collection: 'users', data: { email: `${who}@example.com`, password: `${who}-pw`, roles: [...roles] } })
      const login = await fetch(server.url + '/api/users/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `${who}@example.com`, password: `${who}-pw` }),
      })
      tokens[who] = (await json(login)).token
    }
    categoryId = (await server.payload.find({ collection: 'categories', where: { slug: { equals: 'closing' } } })).docs[0]!.id
    await caughtUp()
  })
  afterAll(async () => {
    await server?.close()
  })

  it('answers 401 without credentials, and serves its OpenAPI document to anyone', async () => {
    const refused = await fetch(server.url + '/v1/phrases/closing.standard')
    expect(refused.status).toBe(401)
    expect(await refused.json()).toMatchObject({ error: { code: 'unauthorized' } })
    const document = await json(fetch(server.url + '/v1/openapi.json'))
    expect(document.openapi).toBe('3.1.0')
  })

  it('answers every documented route with a 2xx for sensible input', async () => {
    const sample: Record<string, string> = { '{key}': 'closing.standard', '{lng}': 'zh-TW', '{ns}': 'closing' }
    for (const route of DOCUMENTED_ROUTES) {
      let path = route.path.replace(/\{(\w+)\}/g, (token) => sample[token] ?? token)
      if (route.path === '/v1/scenarios/{key}') path = '/v1/scenarios/silent_call'
      if (route.path === '/v1/search') path += `?q=${encodeURIComponent('稍等')}`
      const body = { '/v1/convert': { text: '挂断', to: 'zh-TW' }, '/v1/lint': { text: '您好' }, '/v1/usage': { key: 'closing.standard', locale: 'zh-TW', channel: 'phone' }, '/v1/suggest': { utterance: '我要投訴' } }[route.path]
      const response = await fetch(server.url + path, {
        method: route.method.toUpperCase(),
        headers: { ...agent, 'content-type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      })
      expect([route.path, response.status]).toEqual([route.path, expect.any(Number)])
      expect(response.status).toBeLessThan(300)
      // The event stream stays open: hang up.
      if (route.path === '/v1/events') await response.body?.cancel()
    }
  })

  it('serves a phrase in every locale, never the other script in its place', async () => {
    const texts: Record<string, string> = {}
    for (const locale of ['zh-Hant', 'zh-Hans', 'zh-TW', 'zh-HK', 'zh-CN']) {
      const phrase = await json(get(`/v1/phrases/hold.please_wait?locale=${locale}`))
      expect(phrase).toMatchObject({ key: 'hold.please_wait', locale, variant: 'default', category: 'hold' })
      texts[locale] = phrase.text
    }
    expect(texts).toEqual({
      'zh-Hant': '請您稍等，不要掛斷電話。',
      'zh-Hans': '请您稍等，不要挂断电话。',
      'zh-TW': '請您稍等，不要掛斷電話。',
      'zh-HK': '請您稍等，不要掛斷電話。',
      'zh-CN': '请您稍等，不要挂断电话。',
    })
    // Taiwan and mainland vocabulary.
    expect((await json(get('/v1/phrases/verification.contact_phone?locale=zh-TW'))).text).toBe('請您留下聯絡電話，好嗎？')
    expect((await json(get('/v1/phrases/verification.member_id_request?locale=zh-TW'))).text).toContain('儲值卡號')
    expect((await json(get('/v1/phrases/verification.member_id_request?locale=zh-CN'))).text).toContain('充值卡号')
  })

  it('chooses the holiday variant of the day across lunar years, and says which', async () => {
    const variantOn = async (at: string, locale = 'zh-TW') => {
      const phrase = await json(get(`/v1/phrases/closing.standard?locale=${locale}&at=${at}`))
      return [phrase.variant, phrase.variantKey]
    }
    // 春節 moves with the lunar calendar: 2027-02-06, 2028-01-26, 2030-02-03 (eve included).
    for (const day of ['2027-02-06', '2027-02-05', '2028-01-26', '2030-02-03']) {
      expect(await variantOn(day)).toEqual(['spring_festival', 'closing.standard.spring_festival'])
    }
    expect(await variantOn('2027-03-15')).toEqual(['default', 'closing.standard'])
    // 中秋 2028 falls in the 國慶 week: the shorter holiday wins.
    expect(await variantOn('2028-10-03')).toEqual(['mid_autumn', 'closing.standard.mid_autumn'])
    expect(await variantOn('2028-10-06', 'zh-CN')).toEqual(['national_day', 'closing.standard.national_day'])
    // A time is read in the configured zone (Asia/Taipei): 2026-12-31T17:00Z is already 元旦 there.
    expect(await variantOn('2026-12-31T17:00:00Z')).toEqual(['new_year', 'closing.standard.new_year'])
    const festive = await json(get('/v1/phrases/closing.standard?locale=zh-Hans&at=2027-02-06'))
    expect(festive.text).toBe('感谢您的来电，祝您春节愉快，再见！')
    // The holiday variants are phone-only: a chat agent gets nothing rather than the wrong text.
    expect((await get('/v1/phrases/closing.standard?at=2027-02-06&channel=chat')).status).toBe(404)
  })

  it("chooses holiday variants by the asker's region: the mainland's National Day on 1 October, Taiwan's 國慶日 on 10 October", async () => {
    const opening = async (locale: string, at: string) => {
      const phrase = await json(get(`/v1/phrases/opening.standard?locale=${locale}&at=${at}`))
      return [phrase.variant, phrase.text]
    }
    expect(await opening('zh-CN', '2027-10-01')).toEqual(['national_day', '国庆节快乐，本公司，很高兴为您服务！'])
    // Hong Kong's own text of the variant, as the library writes it (國慶日, where the mainland says 國慶節).
    expect(await opening('zh-HK', '2027-10-01')).toEqual(['national_day', '國慶日快樂，本公司，很高興為您服務！'])
    expect(await opening('zh-TW', '2027-10-01')).toEqual(['default', '您好，本公司，很高興為您服務！'])
    expect(await opening('zh-TW', '2027-10-10')).toEqual(['tw_national_day', '節日好，本公司，很高興為您服務！'])
    expect(await opening('zh-CN', '2027-10-10')).toEqual(['default', '您好，本公司，很高兴为您服务！'])
    // The scripts stand for their default regions: Traditional for Taiwan, Simplified for the mainland.
    expect(await opening('zh-Hant', '2027-10-01')).toEqual(['default', '您好，本公司，很高興為您服務！'])
    expect(await opening('zh-Hans', '2027-10-01')).toEqual(['national_day', '国庆节快乐，本公司，很高兴为您服务！'])
    // A Hong Kong deployment says so: zh-Hant then stands for Hong Kong and keeps its holidays.
    // (A server process of its own: two Payloads in one test file share Payload's state.)
    const admin = { email: 'hk-admin@example.com', password: 'hong kong admin password' }
    const hongKong = await spawnServer({
      ...(await seededServerEnv('sqlite', 'delivery_hong_kong')),
      PHRASEBOOK_DEFAULT_TRADITIONAL: 'zh-HK',
      PHRASEBOOK_ADMIN_EMAIL: admin.email,
      PHRASEBOOK_ADMIN_PASSWORD: admin.password,
    })
    try {
      const login = await fetch(`${hongKong.url}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) })
      const person = { authorization: `JWT ${(await json(login)).token}` }
      const inHongKong = async (path: string) => json(fetch(hongKong.url + path, { headers: person }))
      expect((await inHongKong('/v1/phrases/opening.standard?locale=zh-Hant&at=2027-10-01')).variant).toBe('national_day')
      expect((await inHongKong('/v1/phrases/opening.standard?locale=zh-TW&at=2027-10-01')).variant).toBe('default')
      expect((await inHongKong('/v1/i18n/zh-Hant/opening.json')).standard_national_day).toContain('國慶日快樂')
    } finally {
      await hongKong.stop()
    }
  })

  it('renders variables with i18next: values escaped, declared fallbacks, unknown ones kept', async () => {
    const template = await json(get('/v1/phrases/opening.standard?locale=zh-Hant'))
    expect(template.template).toBe('您好，{{company}}，很高興為您服務！')
    expect(template.text).toBe('您好，本公司，很高興為您服務！')
    expect(template.variables).toEqual([expect.objectContaining({ name: 'company', fallback: '本公司' })])
    const given = await json(get(`/v1/phrases/opening.standard?locale=zh-Hans&vars[company]=${encodeURIComponent('<b>欧飞</b>')}`))
    expect(given.text).toBe('您好，&lt;b&gt;欧飞&lt;&#x2F;b&gt;，很高兴为您服务！')
    expect(given.text).not.toContain('undefined')
    expect((await get('/v1/phrases/opening.standard?vars[Bad-Name]=x')).status).toBe(400)
  })

  it('sends ETags and answers If-None-Match with 304', async () => {
    const first = await get('/v1/phrases/closing.standard?locale=zh-TW&at=2027-03-15')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^W\/"\d+-/)
    expect(first.headers.get('cache-control')).toBe('private, no-cache')
    const again = await get('/v1/phrases/closing.standard?locale=zh-TW&at=2027-03-15', { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    for (const path of ['/v1/phrases?locale=zh-TW&category=closing', '/v1/i18n/zh-TW/closing.json', '/v1/scenarios/silent_call', '/v1/changes?since=0', '/v1/scenarios']) {
      const response = await get(path)
      expect((await get(path, { 'if-none-match': response.headers.get('etag')! })).status).toBe(304)
    }
  })

  it('refuses typos loudly, in the language the agent tool asks for', async () => {
    const cases: [string, string][] = [
      ['/v1/phrases?locale=zh-XX', 'unknown_locale'],
      ['/v1/phrases?category=closings', 'unknown_category'],
      ['/v1/phrases?channel=fax', 'unknown_channel'],
      ['/v1/phrases?at=tomorrow', 'invalid_at'],
      ['/v1/phrases/closing.standard?at=2027-02-30T', 'invalid_at'],
      ['/v1/changes?since=-1', 'invalid_since'],
      ['/v1/i18n/zh-XX/closing.json', 'unknown_locale'],
      ['/v1/i18n/zh-TW/nothing.json', 'unknown_category'],
    ]
    for (const [path, code] of cases) {
      const response = await get(path)
      expect([path, response.status]).toEqual([path, 400])
      expect((await response.json()).error.code).toBe(code)
    }
    const message = async (language: string) => (await json(get('/v1/phrases?locale=zh-XX', { 'accept-language': language }))).error.message
    expect(await message('en-US,en;q=0.9')).toBe('Unknown locale "zh-XX"; use one of zh-Hant, zh-Hans, zh-TW, zh-HK, zh-CN.')
    expect(await message('zh-CN')).toMatch(/^不认识的语言区域/)
    expect(await message('zh-TW')).toMatch(/^不認識的語系/)
    expect(await message('fr, zh-Hans;q=0.5')).toMatch(/^不认识/)
    expect(await message('')).toMatch(/^不認識/)
    expect((await json(get('/v1/phrases/no.such_phrase', { 'accept-language': 'en' }))).error).toEqual({
      code: 'not_found',
      message: 'No published phrase "no.such_phrase" is in effect for that day and channel.',
    })    // Every refusal is told in the caller's language, query checks too.
    const refusal = async (path: string, language: string) => (await json(get(path, { 'accept-language': language }))).error
    expect(await refusal(`/v1/phrases?q=${'您'.repeat(101)}`, 'zh-TW')).toEqual({ code: 'invalid_query', message: '「q」最多 100 個字元。' })
    expect(await refusal('/v1/phrases/closing.standard?vars[Name]=x', 'zh-CN')).toEqual({
      code: 'invalid_query',
      message: 'vars[Name] 须是变量名称（小写英文字母、数字、_），且只带一个最多 200 个字符的值。',
    })
    expect(await refusal('/v1/nothing', 'en')).toEqual({ code: 'not_found', message: 'No route GET /v1/nothing.' })
  })

  it('searches what agents are served, whatever script the query is in, and pages through it', async () => {
    const search = async (q: string, more = '') => json(get(`/v1/search?q=${encodeURIComponent(q)}&locale=zh-TW${more}`))
    const keys = async (q: string) => (await search(q, '&limit=50')).items.map((item: Json) => item.key as string)
    // Every phrase a Taiwan agent is served that says 請您稍等, found by the query in either script.
    const served = (await json(get('/v1/phrases?locale=zh-TW'))).items as Json[]
    const saying = served.filter((phrase) => phrase.text.includes('請您稍等')).map((phrase) => phrase.key)
    expect(saying.length).toBeGreaterThan(1)
    const traditional = await keys('請稍等')
    expect(await keys('请稍等')).toEqual(traditional)
    for (const found of [traditional, await keys('请您稍等')]) expect(found).toEqual(expect.arrayContaining(saying))
    // What it answers is the phrase as agents get it, its words marked.
    const top = (await search('请稍等')).items[0]
    expect(top).toEqual({ ...(await json(get(`/v1/phrases/${top.key}?locale=zh-TW`))), score: expect.any(Number), highlights: expect.anything() })
    const [start, end] = [...top.highlights.title, ...top.highlights.text][0]
    expect(`${top.title} ${top.text}`.length).toBeGreaterThanOrEqual(end)
    expect(start).toBeLessThan(end)

    // Pages: two at a time, none twice, until nextCursor is null.
    const paged: string[] = []
    for (let cursor = ''; ; ) {
      const page = await search('稍等', `&limit=2${cursor && `&cursor=${cursor}`}`)
      paged.push(...page.items.map((item: Json) => item.key))
      if (!page.nextCursor) break
      cursor = page.nextCursor
    }
    expect(paged).toEqual(await keys('稍等'))

    // Cached like every read: the same question again is a 304 with its ETag.
    const first = await get(`/v1/search?q=${encodeURIComponent('稍等')}`)
    expect((await get(`/v1/search?q=${encodeURIComponent('稍等')}`, { 'if-none-match': first.headers.get('etag')! })).status).toBe(304)

    // Refused in the caller's language, and without credentials.
    const noQuery = await get('/v1/search?locale=zh-TW', { 'accept-language': 'zh-CN' })
    expect(noQuery.status).toBe(400)
    expect((await noQuery.json()).error).toEqual({ code: 'invalid_query', message: expect.stringContaining('请说要搜索什么') })
    expect((await get(`/v1/search?q=a&cursor=${encodeURIComponent('!!')}`)).status).toBe(400)
    expect((await fetch(`${server.url}/v1/search?q=a`)).status).toBe(401)
  })

  it('suggests approved phrases for what a customer says, in any script and with typos, and says why', async () => {
    const suggest = (body: Json, headers: Record<string, string> = {}) =>
      fetch(server.url + '/v1/suggest', { method: 'POST', headers: { ...agent, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
    const answer = await json(suggest({ utterance: '喂，我要投素你們那個送貨員，態度很差', locale: 'zh-TW', limit: 3 }))
    expect(answer).toMatchObject({ locale: 'zh-TW', utterance: '喂，我要投素你們那個送貨員，態度很差', revision: expect.any(Number) })
    const [top] = answer.items
    // Each suggestion is the phrase as agents are served it, with its score and reasons.
    expect(top).toEqual({ ...(await json(get(`/v1/phrases/${top.key}?locale=zh-TW`))), score: expect.any(Number), reasons: expect.any(Array), highlights: expect.anything() })
    expect(answer.items.map((item: Json) => item.key)).toContain('complaint.staff_attitude')
    expect(answer.items.flatMap((item: Json) => item.reasons)).toContainEqual(expect.objectContaining({ kind: 'trigger', by: 'sound' }))

    // The labelled utterances: what customers say, with the phrases a lead would pick. Half was
    // looked at when the library's triggers were written; the other half never was.
    const answers = await Promise.all(
      LABELLED_UTTERANCES.map(async ({ utterance, locale, expected }, index) => {
        const { items } = await json(suggest({ utterance, locale, limit: 3 }))
        return { half: halfOf(index), expected, suggested: items.map((item: Json) => item.key as string) }
      }),
    )
    expect(accuracyOf(answers).top3).toBeGreaterThanOrEqual(SUGGEST_FLOOR.all)
    expect(accuracyOf(answers.filter(({ half }) => half === 'held-out')).top3).toBeGreaterThanOrEqual(SUGGEST_FLOOR.heldOut)

    // Refused in the caller's language, and without credentials.
    const empty = await suggest({ locale: 'zh-TW' }, { 'accept-language': 'zh-CN' })
    expect(empty.status).toBe(400)
    expect((await empty.json()).error).toEqual({ code: 'invalid_body', message: expect.stringContaining('请发送客户说的话') })
    expect((await suggest({ utterance: '投訴', scenario: 'nope' })).status).toBe(400)
    expect((await fetch(server.url + '/v1/suggest', { method: 'POST', body: '{"utterance":"投訴"}', headers: { 'content-type': 'application/json' } })).status).toBe(401)
  })

  it('pages /v1/phrases, 500 a page unless asked otherwise', async () => {
    const whole = await json(get('/v1/phrases?locale=zh-TW'))
    expect(whole.nextCursor).toBeNull()
    expect(whole.items.length).toBeGreaterThan(100)
    const paged: Json[] = []
    let pages = 0
    for (let cursor = ''; ; pages++) {
      const page = await json(get(`/v1/phrases?locale=zh-TW&limit=50${cursor && `&cursor=${cursor}`}`))
      expect(page.items.length).toBeLessThanOrEqual(50)
      paged.push(...page.items)
      if (!page.nextCursor) break
      cursor = page.nextCursor
    }
    expect(pages).toBe(Math.ceil(whole.items.length / 50) - 1)
    expect(paged).toEqual(whole.items)
    expect((await json(get('/v1/phrases?locale=zh-TW&limit=2000'))).items).toEqual(whole.items)
    for (const limit of ['0', '2001', 'all']) {
      const refused = await get(`/v1/phrases?limit=${limit}`, { 'accept-language': 'en' })
      expect(refused.status).toBe(400)
      expect((await refused.json()).error).toEqual({ code: 'invalid_query', message: '"limit" must be 1 to 2000; page on with "cursor".' })
    }
  })

  it('serves scenarios with each step resolved for the day', async () => {
    const list = await json(get('/v1/scenarios?locale=zh-Hant'))
    expect(list.items.map((s: Json) => s.key)).toEqual(expect.arrayContaining(['silent_call', 'supervisor_request', 'abusive_caller']))
    const scenario = await json(get('/v1/scenarios/silent_call?locale=zh-Hans'))
    expect(scenario.title).toBe('无声来电')
    expect(scenario.steps[0]).toMatchObject({ order: 1, phrase: { key: 'opening.standard', variant: 'default' } })
    expect(scenario.steps.every((step: Json) => typeof step.phrase.text === 'string')).toBe(true)
    expect((await get('/v1/scenarios/nothing')).status).toBe(404)
  })

  it('is the translation backend of a real i18next client, with no glue code', async () => {
    const client = i18next.createInstance()
    await client.use(HttpBackend).init({
      lng: 'zh-TW',
      fallbackLng: false,
      ns: ['closing', 'opening'],
      defaultNS: 'closing',
      backend: { loadPath: `${server.url}/v1/i18n/{{lng}}/{{ns}}.json`, customHeaders: agent },
    })
    expect(client.t('standard')).toBe('感謝您的來電，再見！')
    expect(client.t('standard', { context: 'spring_festival' })).toBe('感謝您的來電，祝您春節愉快，再見！')
    expect(client.t('anything_else.other')).toBe('請問還有其他問題嗎？')
    expect(client.t('opening:standard', { company: '歐飛' })).toBe('您好，歐飛，很高興為您服務！')
    await client.changeLanguage('zh-CN')
    expect(client.t('standard', { context: 'spring_festival' })).toBe('感谢您的来电，祝您春节愉快，再见！')
  })

  it('never leaks a draft, a change in review, a scheduled, retired or expired phrase', async () => {
    const key = 'closing.leak_check'
    const suggestedFor = async (utterance: string) =>
      ((await json(fetch(server.url + '/v1/suggest', { method: 'POST', headers: { ...agent, 'content-type': 'application/json' }, body: JSON.stringify({ utterance, locale: 'zh-Hant', category: 'closing' }) }))).items as Json[]).map((p) => p.key)
    const visible = async () => {
      await caughtUp()
      const byKey = (await get(`/v1/phrases/${key}?locale=zh-Hant`)).status === 200
      const listed = (await json(get('/v1/phrases?category=closing'))).items.some((p: Json) => p.key === key)
      const bundled = 'leak_check' in (await json(get('/v1/i18n/zh-Hant/closing.json')))
      const searched = (await json(get(`/v1/search?q=${encodeURIComponent('草稿文字')}&category=closing`))).items.some((p: Json) => p.key === key)
      const suggested = (await suggestedFor('洩漏檢查觸發語')).includes(key)
      expect([byKey, listed, bundled, searched, suggested]).toEqual([byKey, byKey, byKey, byKey, byKey])
      return byKey
    }
    const created = await json(person('editor', '/api/phrases?draft=true&locale=zh-Hant', 'POST', { key, category: categoryId, title: '測試', text: '草稿文字。', triggers: ['洩漏檢查觸發語'] }))
    const id = created.doc.id
    expect(await visible()).toBe(false)
    expect((await person('editor', `/api/phrases/${id}/submit`, 'POST', {})).status).toBe(200)
    expect(await visible()).toBe(false)
    await person('reviewer', `/api/phrases/${id}/approve`, 'POST', { publishAt: new Date(Date.now() + 3600_000).toISOString() })
    expect(await visible()).toBe(false)
    await person('reviewer', `/api/phrases/${id}/reject`, 'POST', { comment: '現在就發布' })
    expect((await person('editor', `/api/phrases/${id}/submit`, 'POST', {})).status).toBe(200)
    const since = (await json(get('/v1/changes?since=0'))).revision
    expect((await person('reviewer', `/api/phrases/${id}/approve`, 'POST', {})).status).toBe(200)
    expect(await visible()).toBe(true)
    const changes = await json(get(`/v1/changes?since=${since}`))
    expect(changes).toMatchObject({ since, reference: false, changes: [{ key, change: 'published' }] })
    expect(changes.revision).toBeGreaterThan(since)

    // A pending edit of a published phrase: agents keep the approved text.
    await person('editor', `/api/phrases/${id}?draft=true&locale=zh-Hant`, 'PATCH', { text: '未審核的新文字。', triggers: ['未審核的觸發語'] })
    await caughtUp()
    expect((await json(get(`/v1/phrases/${key}?locale=zh-Hant`))).text).toBe('草稿文字。')
    expect((await json(get(`/v1/search?q=${encodeURIComponent('未審核')}`))).items).toEqual([])
    // Triggers are reviewed like the text: the pending one is not heard, the approved one still is.
    expect(await suggestedFor('未審核的觸發語')).not.toContain(key)
    expect(await suggestedFor('洩漏檢查觸發語')).toContain(key)

    await person('reviewer', `/api/phrases/${id}/retire`, 'POST', {})
    expect(await visible()).toBe(false)
    expect((await json(get(`/v1/changes?since=${since}`))).changes).toEqual([expect.objectContaining({ key, change: 'withdrawn' })])

    // Expired: past validUntil, gone at once (before the scheduler retires it).
    const expiring = await json(
      person('editor', '/api/phrases?draft=true&locale=zh-Hant', 'POST', {
        key: 'closing.expiring',
        category: categoryId,
        title: '限時',
        text: '限時文字。',
        validUntil: new Date(Date.now() + 2000).toISOString(),
      }),
    )
    await person('editor', `/api/phrases/${expiring.doc.id}/submit`, 'POST', {})
    await person('reviewer', `/api/phrases/${expiring.doc.id}/approve`, 'POST', {})
    await caughtUp()
    expect((await get('/v1/phrases/closing.expiring')).status).toBe(200)
    // Gone once validUntil has passed: polled from then on, for at most a second more.
    await new Promise((resolve) => setTimeout(resolve, Date.parse(expiring.doc.validUntil) - Date.now()))
    await eventually(async () => expect((await get('/v1/phrases/closing.expiring')).status).toBe(404), { withinMs: 1000 })
  })

  it('lints a reply for agent tools: both terms, their positions and classes, in any script', async () => {
    const lint = (body: unknown) =>
      fetch(server.url + '/v1/lint', { method: 'POST', headers: { ...agent, 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const text = '你先听我说，我忙着呢！'
    const result = await json(lint({ text, locale: 'zh-CN' }))
    expect(result.ok).toBe(false)
    expect(result.findings.map((f: Json) => [f.term, f.class, f.classLabel, f.severity, f.index, f.length, text.slice(f.index, f.index + f.length)])).toEqual([
      ['你先聽我說', 'command', '命令', expect.any(String), 0, 5, '你先听我说'],
      ['我忙著呢', 'deflect', '推卸', expect.any(String), 6, 4, '我忙着呢'],
    ])
    const punctuated = await json(lint({ text: '抱歉，這是規定,我有什麼辦法' }))
    expect(punctuated.findings.map((f: Json) => f.term)).toContain('這是規定，我有什麼辦法')
    expect(await json(lint({ text: '您好，很高興為您服務！' }))).toEqual({ ok: true, findings: [] })
    expect((await lint({ text: 42 })).status).toBe(400)
    expect((await lint({ text: 'x'.repeat(20_001) })).status).toBe(413)
  })

  it('refuses to submit a phrase with a blocked term, naming each and where', async () => {
    const created = await json(
      person('editor', '/api/phrases?draft=true&locale=zh-Hans', 'POST', { key: 'complaint.rule_excuse', category: categoryId, title: '规定', text: '对不起，这是规定，我有什么办法' }),
    )
    const refused = await person('editor', `/api/phrases/${created.doc.id}/submit`, 'POST', {})
    expect(refused.status).toBe(422)
    const { error } = await json(refused)
    expect(error.code).toBe('forbidden_terms')
    expect(error.message).toContain('這是規定，我有什麼辦法')
    expect(error.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ term: '這是規定，我有什麼辦法', locale: 'zh-Hans', field: 'text', index: 4, severity: 'block' })]),
    )
    // The converted Traditional text is checked too.
    expect(error.findings.some((f: Json) => f.locale === 'zh-Hant')).toBe(true)
    const latest = await json(person('editor', `/api/phrases/${created.doc.id}?draft=true&depth=0`, 'GET'))
    expect(latest.workflowState).toBe('draft')
    expect((await json(person('reviewer', `/api/phrases/${created.doc.id}/lint`, 'GET'))).ok).toBe(false)
  })

  it('makes the reviewer acknowledge warned terms to approve, and audits it', async () => {
    const warned = (await server.payload.find({ collection: 'forbidden-terms', where: { severity: { equals: 'warn' } }, limit: 1, locale: 'zh-Hant' })).docs[0]!
    const created = await json(
      person('editor', '/api/phrases?draft=true&locale=zh-Hant', 'POST', { key: 'closing.warned', category: categoryId, title: '提醒', text: `好的，${warned.term}，再見。` }),
    )
    const id = created.doc.id
    expect((await person('editor', `/api/phrases/${id}/submit`, 'POST', {})).status).toBe(200)
    const unacknowledged = await person('reviewer', `/api/phrases/${id}/approve`, 'POST', {})
    expect(unacknowledged.status).toBe(409)
    const { error } = await json(unacknowledged)
    expect(error.code).toBe('warnings_unacknowledged')
    expect(error.findings.map((f: Json) => [f.term, f.severity, f.locale])).toEqual([[warned.term, 'warn', 'zh-Hant'], [warned.term, 'warn', 'zh-Hans']])
    expect((await person('reviewer', `/api/phrases/${id}/approve`, 'POST', { acknowledgeWarnings: true })).status).toBe(200)
    const [approval] = (await server.payload.find({ collection: 'audit-log', where: { documentKey: { equals: 'closing.warned' }, action: { equals: 'approve' } } })).docs
    expect(approval!.after).toMatchObject({ acknowledgedWarnings: [warned.term] })
  })

  it('picks up a new forbidden term in the next check, audited', async () => {
    const lint = async (text: string) =>
      json(fetch(server.url + '/v1/lint', { method: 'POST', headers: { ...agent, 'content-type': 'application/json' }, body: JSON.stringify({ text }) }))
    expect((await lint('您自己看著辦吧')).findings).toEqual([])
    const added = await person('reviewer', '/api/forbidden-terms?locale=zh-Hant', 'POST', { term: '自己看著辦', class: 'indifference', severity: 'block', suggestion: '我來協助您處理' })
    expect(added.status).toBe(201)
    // No wait: the change was announced to this process's matcher when it committed.
    expect((await lint('您自己看着办吧')).findings).toEqual([expect.objectContaining({ term: '自己看著辦', index: 1, length: 5, suggestion: '我來協助您處理' })])
    const [entry] = (await server.payload.find({ collection: 'audit-log', where: { action: { equals: 'forbidden_term_change' } } })).docs
    expect(entry).toMatchObject({ actorLabel: 'reviewer@example.com', after: expect.objectContaining({ term: '自己看著辦', severity: 'block' }) })
  })

  it('records usage per phrase and per client for admins', async () => {
    const use = (body: unknown) =>
      fetch(server.url + '/v1/usage', { method: 'POST', headers: { ...agent, 'content-type': 'application/json' }, body: JSON.stringify(body) })
    for (let n = 0; n < 3; n++) expect((await use({ key: 'closing.standard', locale: 'zh-TW', channel: 'phone' })).status).toBe(202)
    expect((await use({ key: 'hold.please_wait', locale: 'zh-CN', channel: 'chat' })).status).toBe(202)
    const badLocale = await use({ key: 'closing.standard', locale: 'zh-XX', channel: 'phone' })
    expect(badLocale.status).toBe(400)
    expect((await badLocale.json()).error).toEqual({ code: 'invalid_body', message: '「locale」須為 zh-Hant, zh-Hans, zh-TW, zh-HK, zh-CN 之一。' })
    expect((await use({ key: 'no.such', locale: 'zh-TW', channel: 'phone' })).status).toBe(404)
    const malformed = await fetch(server.url + '/v1/usage', { method: 'POST', headers: { ...agent, 'content-type': 'application/json' }, body: '{"key": ' })
    expect(malformed.status).toBe(400)
    expect((await malformed.json()).error.code).toBe('malformed_json')
    // What the recorder writes each second, written now.
    await server.usage.flush()
    const byPhrase = await json(person('admin2', '/api/phrase-usage/summary?by=phrase'))
    expect(byPhrase.items.slice(0, 2)).toEqual([
      { phrase: 'closing.standard', uses: expect.any(Number), outcomes: {}, editRate: null },
      { phrase: 'hold.please_wait', uses: 1, outcomes: {}, editRate: null },
    ])
    expect(byPhrase.items[0].uses).toBeGreaterThanOrEqual(3)
    const byClient = await json(person('admin2', '/api/phrase-usage/summary?by=client'))
    expect(byClient.items).toEqual([{ client: 'Agent desktop', uses: byPhrase.total, outcomes: {}, editRate: null }])
    expect((await person('editor', '/api/phrase-usage/summary')).status).toBe(403)

    // Outcomes: what became of a phrase, per phrase, with the share of sends that were edited first.
    for (const outcome of ['shown', 'inserted', 'sent', 'edited', 'edited', 'edited', 'discarded']) {
      expect((await use({ key: 'hold.please_wait_checking', locale: 'zh-TW', channel: 'chat', outcome })).status).toBe(202)
    }
    const badOutcome = await use({ key: 'hold.please_wait_checking', locale: 'zh-TW', channel: 'chat', outcome: 'copied' })
    expect(badOutcome.status).toBe(400)
    expect((await badOutcome.json()).error).toEqual({ code: 'invalid_body', message: '「outcome」須為 shown, inserted, sent, edited, discarded 之一（或不填）。' })
    await server.usage.flush()
    const outcomes = (await json(person('admin2', '/api/phrase-usage/summary?by=phrase'))).items.find((item: Json) => item.phrase === 'hold.please_wait_checking')
    expect(outcomes).toEqual({ phrase: 'hold.please_wait_checking', uses: 7, outcomes: { shown: 1, inserted: 1, sent: 1, edited: 3, discarded: 1 }, editRate: 0.75 })
    // Only sends are uses for ranking (as they are or edited): 4 of the 7 count.
    expect(server.usage.usesOf('hold.please_wait_checking')).toBe(4)

    // Search ranks by relevance, then usage: the uses count from the next revision (the order holds
    // for a revision, so a cursor keeps its place).
    const search = async (limit: number) => (await json(get(`/v1/search?q=${encodeURIComponent('轉接')}&locale=zh-TW&limit=${limit}`))).items as Json[]
    const before = (await search(10))[1]!
    for (let n = 0; n < 3; n++) expect((await use({ key: before.key, locale: 'zh-TW', channel: 'phone' })).status).toBe(202)
    expect((await search(11)).find((item) => item.key === before.key)!.score).toBe(before.score)
    await server.payload.create({ collection: 'categories', data: { slug: 'usage_check', name: '用量' } })
    await caughtUp()
    const after = (await search(12)).find((item) => item.key === before.key)!
    // Unused before (boost 1), used 3 times now.
    expect(after.score).toBeCloseTo(before.score * (1 + 0.1 * Math.log10(4)), 2)
  })

  describe('pushes changes to agent desktops (GET /v1/events)', () => {
    type Heard = { type: string; id: string; data: Json }
    const sources: EventSource[] = []
    afterAll(() => {
      for (const source of sources) source.close()
    })

    /** A real EventSource client (the `eventsource` package), authenticated as `headers` say. */
    const listen = (query = '', headers: Record<string, string> = agent) => {
      const heard: Heard[] = []
      const source = new EventSource(`${server.url}/v1/events${query}`, {
        fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...headers } }),
      })
      sources.push(source)
      for (const type of ['ready', 'published', 'withdrawn', 'reference']) {
        source.addEventListener(type, (event) => heard.push({ type, id: event.lastEventId, data: JSON.parse(event.data) }))
      }
      const ready = () => eventually(() => expect(heard.some((event) => event.type === 'ready')).toBe(true))
      return { source, heard, ready }
    }
    const revision = async () => (await json(get('/v1/changes?since=0'))).revision as number
    const publish = async (key: string, text: string) => {
      const created = await json(person('editor', '/api/phrases?draft=true&locale=zh-Hant', 'POST', { key, category: categoryId, title: '推送', text }))
      expect((await person('editor', `/api/phrases/${created.doc.id}/submit`, 'POST', {})).status).toBe(200)
      expect((await person('reviewer', `/api/phrases/${created.doc.id}/approve`, 'POST', {})).status).toBe(200)
      return created.doc.id as number
    }

    it('refuses what a cursor cannot be, and callers without credentials, in JSON', async () => {
      expect((await fetch(server.url + '/v1/events')).status).toBe(401)
      const malformed = await get('/v1/events?since=abc', { 'accept-language': 'en' })
      expect(malformed.status).toBe(400)
      expect((await malformed.json()).error.code).toBe('invalid_since')
      const ahead = await get('/v1/events', { 'last-event-id': String((await revision()) + 10) })
      expect(ahead.status).toBe(410)
      expect((await ahead.json()).error).toMatchObject({ code: 'resync_required' })
    })

    it('tells a connected desktop of each publish, withdrawal and reference change, each with its revision as id', async () => {
      const desktop = listen()
      await desktop.ready()
      const start = await revision()
      expect(desktop.heard).toEqual([{ type: 'ready', id: String(start), data: { revision: start } }])
      const id = await publish('closing.pushed', '感謝您的來電，祝您順心！')
      await person('reviewer', `/api/phrases/${id}/retire`, 'POST', {})
      await server.payload.create({ collection: 'categories', locale: 'zh-Hant', data: { slug: 'pushed', name: '推送' } })
      const end = await revision()
      await eventually(() => expect(desktop.heard.at(-1)?.id).toBe(String(end)))
      expect(desktop.heard.slice(1).map(({ type, data }) => [type, data.key, data.change])).toEqual([
        ['published', 'closing.pushed', 'published'],
        ['withdrawn', 'closing.pushed', 'withdrawn'],
        ['reference', 'categories', 'changed'],
      ])
      // Ids are the revisions, in order, and the data says the same.
      const ids = desktop.heard.slice(1).map((event) => Number(event.id))
      expect(ids).toEqual([...ids].sort((a, b) => a - b))
      expect(desktop.heard.slice(1).every((event) => Number(event.id) === event.data.revision)).toBe(true)
    })

    it('resumes after a cursor with nothing missed; Last-Event-ID (a reconnect) wins over ?since=', async () => {
      const before = await revision()
      await publish('closing.resumed', '謝謝您的耐心等候，再見！')
      const after = await revision()
      const resumed = listen(`?since=${before}`)
      await resumed.ready()
      expect(resumed.heard.map((event) => [event.type, event.data.key ?? null, event.id])).toEqual([
        ['published', 'closing.resumed', String(after)],
        ['ready', null, String(after)],
      ])
      const reconnected = listen('?since=0', { ...agent, 'last-event-id': String(after) })
      await reconnected.ready()
      expect(reconnected.heard.map((event) => event.type)).toEqual(['ready'])
    })

    it('ends the stream of a client disabled meanwhile, at the next change', async () => {
      const client = await server.payload.create({ collection: 'api-clients', data: { name: 'Soon disabled desktop', enableAPIKey: true, apiKey: 'events-soon-disabled-0123456789abcdef' } })
      const desktop = listen('', { authorization: 'api-clients API-Key events-soon-disabled-0123456789abcdef' })
      await desktop.ready()
      await server.payload.update({ collection: 'api-clients', id: client.id, data: { enabled: false } })
      await publish('closing.after_disable', '感謝來電，再見！')
      // The stream ends; the EventSource reconnects, is refused with 401, and gives up.
      await eventually(() => expect(desktop.source.readyState).toBe(EventSource.CLOSED), { withinMs: 10_000 })
      expect(desktop.heard.map((event) => event.type)).toEqual(['ready'])
    })

    // Last: it stops the stream hub of this file's server.
    it('ends a stream that opens while the server is shutting down, so the server can close', async () => {
      const open = listen()
      await open.ready()
      await server.events.stop()
      await eventually(() => expect(open.source.readyState).not.toBe(EventSource.OPEN))
      open.source.close()
      const late = await get('/v1/events')
      expect(late.status).toBe(200)
      // The body ends: a stream left open here would keep server.close() waiting for ever.
      const body = await Promise.race([late.text(), new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 3000))])
      expect(body).not.toBe('still open')
    })
  })
})
