import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { loadSyntheticLibrary } from '../bench/syntheticLibrary'
import { createPhrasebookClient } from '../clients/typescript/src'
import { type RunningServer, startServer } from '../src/server/start'
import { freshDatabaseUrl, startPayload, testSettings } from './helpers/databases'

const API_KEY = 'paging-test-key-0123456789abcdef'
const SIZE = 10_000
type Json = Record<string, any>

/** `/v1/phrases` through real HTTP over a library of 10,000 published phrases. */
describe('paging a 10,000-phrase library', () => {
  let server: RunningServer
  let keys: string[]
  const get = async (path: string) => (await (await fetch(server.url + path, { headers: { authorization: `api-clients API-Key ${API_KEY}` } })).json()) as Json

  beforeAll(async () => {
    const settings = testSettings(await freshDatabaseUrl('sqlite', 'paging'), 'paging')
    // The library is written with SQL (seconds, not the hours of the Local API), then served.
    const loader = await startPayload(settings, 'paging-loader')
    try {
      keys = (await loadSyntheticLibrary(loader, SIZE)).keys
      await loader.create({ collection: 'api-clients', data: { name: 'Pager', enableAPIKey: true, apiKey: API_KEY }, overrideAccess: true })
    } finally {
      await loader.destroy()
    }
    server = await startServer(settings, { admin: false })
  }, 120_000)
  afterAll(async () => {
    await server?.close()
  })

  const walk = async (query: string) => {
    const walked: string[] = []
    let pages = 0
    for (let cursor = ''; ; ) {
      const page = await get(`/v1/phrases?locale=zh-TW${query}${cursor && `&cursor=${cursor}`}`)
      walked.push(...page.items.map((item: Json) => item.key))
      pages++
      if (!page.nextCursor) break
      cursor = page.nextCursor
    }
    return { walked, pages }
  }

  it('walks it 500 at a time by default, and 2,000 at most, with no phrase missed or repeated', async () => {
    const byDefault = await walk('')
    expect(byDefault.pages).toBe(SIZE / 500)
    expect(new Set(byDefault.walked).size).toBe(SIZE)
    expect([...byDefault.walked].sort()).toEqual([...keys].sort())
    const widest = await walk('&limit=2000')
    expect(widest.pages).toBe(SIZE / 2000)
    expect(widest.walked).toEqual(byDefault.walked)
    expect((await fetch(`${server.url}/v1/phrases?limit=2001`, { headers: { authorization: `api-clients API-Key ${API_KEY}` } })).status).toBe(400)
  })

  it('is walked the same by the typed client', async () => {
    const phrasebook = createPhrasebookClient({ baseUrl: server.url, credentials: { apiKey: API_KEY } })
    const walked: string[] = []
    for await (const phrase of phrasebook.phrases({ locale: 'zh-TW', limit: 1000 })) walked.push(phrase.key)
    expect(walked).toEqual((await walk('')).walked)
  })
})
