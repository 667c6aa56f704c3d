import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { type RunningServer, startServer } from '../src/server/start'
import { freshDatabaseUrl, testSettings } from './helpers/databases'
import { signInPeople } from './helpers/people'

type Json = Record<string, any>

/**
 * A deployment that serves Taiwan and the mainland only (PHRASEBOOK_REGIONS=zh-TW,zh-CN): Hong
 * Kong is never proposed, reviewed or delivered, and asking for it is a clear 400. Real HTTP on SQLite.
 */
describe('a deployment serving some regions', () => {
  let server: RunningServer
  const tokens: Record<string, string> = {}
  const api = async (path: string, who: string, body?: unknown) => {
    const response = await fetch(server.url + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `JWT ${tokens[who]}`, 'accept-language': 'en', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, body: (await response.json()) as Json }
  }

  beforeAll(async () => {
    const name = 'served_regions'
    server = await startServer(testSettings(await freshDatabaseUrl('sqlite', name), name, { PHRASEBOOK_REGIONS: 'zh-TW,zh-CN' }), { admin: false })
    Object.assign(tokens, await signInPeople(server, { editor: ['editor'], reviewer: ['reviewer'], auditor: ['auditor'] }))
  })
  afterAll(async () => {
    await server?.close()
  })

  it('proposes, approves and delivers only the served regions', async () => {
    const category = await server.payload.create({ collection: 'categories', locale: 'zh-Hant', data: { slug: 'closing', name: '結束語' } })
    const created = await api('/api/phrases?locale=zh-Hans&draft=true', 'editor', { key: 'closing.regions_served', category: category.id, title: '结束', text: '感谢您的来电，再见！' })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const stored = (await server.payload.findByID({ collection: 'phrases', id, locale: 'all', draft: true, depth: 0 })) as unknown as Json
    expect(stored.text).toEqual({ 'zh-Hans': '感谢您的来电，再见！', 'zh-Hant': '感謝您的來電，再見！', 'zh-TW': '感謝您的來電，再見！', 'zh-CN': '感谢您的来电，再见！' })
    expect(Object.keys((await api(`/api/phrases/${id}/workspace`, 'editor')).body.regions)).toEqual(['zh-TW', 'zh-CN'])

    expect((await api(`/api/phrases/${id}/submit`, 'editor', {})).status).toBe(200)
    expect((await api(`/api/phrases/${id}/approve`, 'reviewer', {})).status).toBe(200)
    const approval = (await server.payload.find({ collection: 'audit-log', where: { action: { equals: 'approve' } }, limit: 1 })).docs[0] as Json
    expect(Object.keys(approval.after.approvedTexts)).toEqual(['zh-TW', 'zh-CN'])

    await server.store.refresh()
    expect((await api('/v1/phrases/closing.regions_served?locale=zh-TW', 'editor')).body.text).toBe('感謝您的來電，再見！')
    expect((await api('/v1/phrases/closing.regions_served?locale=zh-Hans', 'editor')).body.text).toBe('感谢您的来电，再见！')
    // Hong Kong is not served here: a clear refusal naming what is, on every route that takes a locale.
    for (const path of ['/v1/phrases/closing.regions_served?locale=zh-HK', '/v1/phrases?locale=zh-HK', '/v1/i18n/zh-HK/closing.json']) {
      const refused = await api(path, 'editor')
      expect([path, refused.status, refused.body.error.code]).toEqual([path, 400, 'unknown_locale'])
      expect(refused.body.error.message).toBe('Unknown locale "zh-HK"; use one of zh-Hant, zh-Hans, zh-TW, zh-CN.')
    }
    expect((await api('/api/phrases/as-served?key=closing.regions_served&locale=zh-HK', 'auditor')).status).toBe(400)
    expect((await api('/api/phrases/as-served?key=closing.regions_served&locale=zh-TW', 'auditor')).body).toMatchObject({ served: true, text: '感謝您的來電，再見！' })
  })
})
