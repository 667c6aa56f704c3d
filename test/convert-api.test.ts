import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { MAX_CONVERT_CHARACTERS } from '../src/server/convertRoute'
import { type RunningServer, startServer } from '../src/server/start'
import { freshDatabaseUrl, testSettings } from './helpers/databases'

const API_KEY = 'convert-api-test-key-0123456789'

/** POST /v1/convert over real HTTP against the Express app (API only, no admin build needed). */
describe('POST /v1/convert', () => {
  let server: RunningServer
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/v1/convert`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `api-clients API-Key ${API_KEY}`, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })

  beforeAll(async () => {
    server = await startServer(testSettings(await freshDatabaseUrl('sqlite', 'convert_api'), 'convert-api'), { admin: false })
    await server.payload.create({ collection: 'api-clients', data: { name: 'Chat console', enableAPIKey: true, apiKey: API_KEY } })
  })
  afterAll(async () => {
    await server?.close()
  })

  it('converts for Taiwan agents with the call-centre vocabulary', async () => {
    const response = await post({ text: '请重新登录账号后再试。', to: 'zh-TW' })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      text: '請重新登入帳號後再試。',
      to: 'zh-TW',
      ambiguities: [{ index: 7, char: '后', chosen: '後', candidates: ['後', '后'] }],
    })
  })

  it('applies the glossary as the database has it (a protected brand added now)', async () => {
    expect(((await (await post({ text: '江南云商', to: 'zh-Hant' })).json()) as { text: string }).text).toBe('江南雲商')
    await server.payload.create({ collection: 'glossary', data: { term: '江南云商', protect: true } })
    // No wait: the change was announced to this process's converter when it committed.
    for (const to of ['zh-Hant', 'zh-TW', 'zh-HK', 'zh-Hans', 'zh-CN']) {
      expect(((await (await post({ text: '欢迎致电江南云商', to })).json()) as { text: string }).text).toContain('江南云商')
    }
  })

  it('answers a clear 400 for an unknown target or missing text, 413 for oversized text', async () => {
    const unknown = await post({ text: '您好', to: 'zh-SG' })
    expect(unknown.status).toBe(400)
    expect(await unknown.json()).toEqual({
      error: { code: 'unknown_target', message: expect.stringContaining('zh-Hant, zh-TW, zh-HK, zh-Hans, zh-CN') },
    })
    const missing = await post({ to: 'zh-TW' })
    expect(missing.status).toBe(400)
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('invalid_text')
    const long = await post({ text: '您'.repeat(MAX_CONVERT_CHARACTERS + 1), to: 'zh-TW' })
    expect(long.status).toBe(413)
    expect(((await long.json()) as { error: { code: string } }).error.code).toBe('text_too_long')
    const malformed = await post('{"text": "您好", ')
    expect(malformed.status).toBe(400)
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('malformed_json')
  })

  it('needs credentials', async () => {
    const response = await fetch(`${server.url}/v1/convert`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '您好', to: 'zh-TW' }),
    })
    expect(response.status).toBe(401)
  })
})
