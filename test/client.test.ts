import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { EventSource } from 'eventsource'
import i18next from 'i18next'
import HttpBackend from 'i18next-http-backend'

import { generatedSchema, SCHEMA_FILE } from '../clients/typescript/generate'
import { createPhrasebookClient, i18nextBackendOptions, PhrasebookError, type PushedChange } from '../clients/typescript/src'
import { type RunningServer, startServer } from '../src/server/start'
import { seededSettings } from './helpers/databases'
import { signInPeople } from './helpers/people'
import { eventually } from './helpers/wait'

const API_KEY = 'client-test-key-0123456789abcdef'
type Json = Record<string, any>

/** The TypeScript client (clients/typescript) against a running server, through real HTTP. */
describe('the typed client', () => {
  let server: RunningServer
  const tokens: Record<string, string> = {}
  let categoryId: number | string
  const statuses: number[] = []
  const counted: typeof fetch = async (input, init) => {
    const response = await fetch(input, init)
    statuses.push(response.status)
    return response
  }
  const client = () => createPhrasebookClient({ baseUrl: server.url, credentials: { apiKey: API_KEY }, fetch: counted })
  const person = (who: string, path: string, method = 'GET', body?: unknown) =>
    fetch(server.url + path, { method, headers: { 'content-type': 'application/json', authorization: `JWT ${tokens[who]}` }, body: body === undefined ? undefined : JSON.stringify(body) })

  beforeAll(async () => {
    server = await startServer(await seededSettings('sqlite', 'client'), { admin: false })
    await server.payload.create({ collection: 'api-clients', data: { name: 'Agent desktop', enableAPIKey: true, apiKey: API_KEY } })
    Object.assign(tokens, await signInPeople(server, { editor: ['editor'], reviewer: ['reviewer'] }))
    categoryId = (await server.payload.find({ collection: 'categories', where: { slug: { equals: 'closing' } } })).docs[0]!.id
  })
  afterAll(async () => {
    await server?.close()
  })

  it('is generated from the server\'s OpenAPI document as it is now', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await generatedSchema())
  })

  it('reads typed answers, and an unchanged one again from its ETag cache', async () => {
    const phrasebook = client()
    const first = await phrasebook.phrase('closing.standard', { locale: 'zh-TW' })
    expect(first).toMatchObject({ key: 'closing.standard', locale: 'zh-TW', text: '感謝您的來電，再見！' })
    statuses.length = 0
    expect(await phrasebook.phrase('closing.standard', { locale: 'zh-TW' })).toEqual(first)
    // The server answered 304 with no body; the client answered from memory.
    expect(statuses).toEqual([304])
  })

  it('throws the API\'s refusals with their code and message in the asked language', async () => {
    const phrasebook = createPhrasebookClient({ baseUrl: server.url, credentials: { apiKey: API_KEY }, language: 'zh-CN' })
    const refusal = await phrasebook.phrase('closing.standard', { locale: 'zh-XX' as never }).catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(PhrasebookError)
    expect(refusal).toMatchObject({ status: 400, code: 'unknown_locale', message: expect.stringContaining('zh-XX') })
    const stranger = createPhrasebookClient({ baseUrl: server.url, credentials: { apiKey: 'not-a-key' } })
    expect(await stranger.phrase('closing.standard').catch((error: PhrasebookError) => [error.status, error.code])).toEqual([401, 'unauthorized'])
  })

  it('keeps a region\'s library in step by delta sync, and hears each publish pushed', async () => {
    const phrasebook = client()
    const library = phrasebook.library({ locale: 'zh-TW' })
    expect(await library.sync()).toMatchObject({ full: true })
    const whole: string[] = []
    for await (const phrase of phrasebook.phrases({ locale: 'zh-TW', limit: 50 })) whole.push(phrase.key)
    expect([...library.phrases.keys()]).toEqual(whole)

    const pushed: PushedChange[] = []
    const stop = phrasebook.subscribe((change) => pushed.push(change), { EventSource, since: library.revision })
    try {
      const created = (await (await person('editor', '/api/phrases?draft=true&locale=zh-Hant', 'POST', { key: 'closing.client_check', category: categoryId, title: '客戶端', text: '謝謝您，再見。' })).json()) as Json
      expect((await person('editor', `/api/phrases/${created.doc.id}/submit`, 'POST', {})).status).toBe(200)
      expect((await person('reviewer', `/api/phrases/${created.doc.id}/approve`, 'POST', {})).status).toBe(200)
      await eventually(() => expect(pushed.map(({ kind, key }) => [kind, key])).toEqual([['published', 'closing.client_check']]))
      expect(await library.sync()).toEqual({ full: false, changed: ['closing.client_check'], removed: [] })
      expect(library.phrases.get('closing.client_check')).toMatchObject({ text: '謝謝您，再見。', locale: 'zh-TW' })
      expect(library.revision).toBe(pushed[0]!.revision)

      expect((await person('reviewer', `/api/phrases/${created.doc.id}/retire`, 'POST', {})).status).toBe(200)
      await eventually(() => expect(pushed.map(({ kind }) => kind)).toEqual(['published', 'withdrawn']))
      expect(await library.sync()).toEqual({ full: false, changed: [], removed: ['closing.client_check'] })
      expect([...library.phrases.keys()]).toEqual(whole)
    } finally {
      stop()
    }
  })

  it('loads i18next bundles with the options it gives for i18next-http-backend', async () => {
    const i18n = i18next.createInstance()
    await i18n.use(HttpBackend).init({ lng: 'zh-TW', ns: ['closing'], defaultNS: 'closing', fallbackLng: false, backend: i18nextBackendOptions({ baseUrl: server.url, credentials: { apiKey: API_KEY } }) })
    expect(i18n.t('standard', { context: 'spring_festival' })).toBe('感謝您的來電，祝您春節愉快，再見！')
  })

  it('runs the README\'s example against the server', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'clients/typescript/example.ts'], {
      env: { ...process.env, PHRASEBOOK_URL: server.url, PHRASEBOOK_API_KEY: API_KEY, NODE_OPTIONS: '' },
      timeout: 60_000,
    })
    const lines = stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^\d+ phrases at revision \d+$/)
    expect(lines[1]).toMatch(/^search: hold\.\S+ .*稍等/)
    expect(lines[2]).toMatch(/^suggest: (complaint|escalation)\.\S+ \(trigger/)
  })
})
