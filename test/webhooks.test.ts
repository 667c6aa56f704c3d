import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { EventSource } from 'eventsource'

import { type RunningServer, startServer } from '../src/server/start'
import { WEBHOOK_ATTEMPTS } from '../src/webhooks/deliveries'
import { verifyWebhookSignature } from '../src/webhooks/signature'
import { seededSettings } from './helpers/databases'
import { signInPeople } from './helpers/people'
import { eventually } from './helpers/wait'

type Json = Record<string, any>
const API_KEY = 'webhook-test-key-0123456789abcdef'

/** A real HTTP receiver: records what it is sent, answering with the next of `answers` (then 200). */
async function receiver(answers: number[] = []) {
  const received: { at: number; headers: IncomingHttpHeaders; body: string }[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      received.push({ at: Date.now(), headers: req.headers, body })
      res.writeHead(answers.shift() ?? 200).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/**
 * Webhooks for servers, through real HTTP: an admin registers a receiver, each publish and
 * withdrawal is POSTed to it signed, a receiver that fails is retried through Payload's jobs
 * queue, and admins see every attempt.
 */
describe('webhooks (SQLite)', () => {
  let server: RunningServer
  const tokens: Record<string, string> = {}
  let categoryId: number | string
  const receivers: Awaited<ReturnType<typeof receiver>>[] = []
  const agent = { authorization: `api-clients API-Key ${API_KEY}` }
  const json = async (response: Response | Promise<Response>) => (await (await response).json()) as Json
  const person = (who: string, path: string, method = 'GET', body?: unknown, headers: Record<string, string> = {}) =>
    fetch(server.url + path, {
      method,
      headers: { 'content-type': 'application/json', authorization: `JWT ${tokens[who]}`, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  const publish = async (key: string) => {
    const created = await json(person('editor', '/api/phrases?draft=true&locale=zh-Hant', 'POST', { key, category: categoryId, title: '推送測試', text: '您好，請稍等。' }))
    expect((await person('editor', `/api/phrases/${created.doc.id}/submit`, 'POST', {})).status).toBe(200)
    const approvedAt = Date.now()
    expect((await person('reviewer', `/api/phrases/${created.doc.id}/approve`, 'POST', {})).status).toBe(200)
    return { id: created.doc.id as number, approvedAt }
  }
  const register = async (url: string, more: Json = {}) => json(person('admin', '/api/webhooks', 'POST', { name: '工單系統', url, ...more }))

  beforeAll(async () => {
    server = await startServer(await seededSettings('sqlite', 'webhooks'), { admin: false })
    await server.payload.create({ collection: 'api-clients', data: { name: 'Agent desktop', enableAPIKey: true, apiKey: API_KEY } })
    Object.assign(tokens, await signInPeople(server, { editor: ['editor'], reviewer: ['reviewer'], admin: ['admin'] }))
    categoryId = (await server.payload.find({ collection: 'categories', where: { slug: { equals: 'closing' } } })).docs[0]!.id
  })
  afterAll(async () => {
    await server?.close()
    for (const { close } of receivers) await close()
  })

  it('POSTs a publish, signed, to the receiver and an EventSource desktop alike within a second', async () => {
    const hook = await receiver()
    receivers.push(hook)
    const { doc: webhook } = await register(hook.url)
    expect(webhook).toMatchObject({ url: hook.url, enabled: true, events: ['published', 'withdrawn', 'reference'] })
    expect(webhook.secret).toMatch(/^[0-9a-f]{48}$/)

    const desktop: { at: number; data: Json }[] = []
    const source = new EventSource(`${server.url}/v1/events`, { fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...agent } }) })
    source.addEventListener('published', (event) => desktop.push({ at: Date.now(), data: JSON.parse(event.data) }))
    const ready = new Promise((resolve) => source.addEventListener('ready', resolve))
    await ready
    try {
      const { id, approvedAt } = await publish('closing.webhook_check')
      const [delivery] = await eventually(() => {
        expect(hook.received).toHaveLength(1)
        return hook.received
      })
      const heard = await eventually(() => desktop.find((event) => event.data.key === 'closing.webhook_check')!)
      expect(delivery!.at - approvedAt).toBeLessThan(1000)
      expect(heard.at - approvedAt).toBeLessThan(1000)

      const body = JSON.parse(delivery!.body)
      expect(body).toEqual({ delivery: expect.any(String), event: 'published', revision: heard.data.revision, key: 'closing.webhook_check', at: expect.any(String) })
      expect(delivery!.headers).toMatchObject({ 'content-type': 'application/json', 'phrasebook-event': 'published', 'phrasebook-delivery': body.delivery })
      // Signed with the webhook's secret over the time and the body: a receiver can check both.
      const signature = String(delivery!.headers['phrasebook-signature'])
      expect(verifyWebhookSignature(webhook.secret, signature, delivery!.body)).toBe(true)
      expect(verifyWebhookSignature('another-secret-0123456789', signature, delivery!.body)).toBe(false)
      expect(verifyWebhookSignature(webhook.secret, signature, delivery!.body.replace('published', 'withdrawn'))).toBe(false)
      expect(verifyWebhookSignature(webhook.secret, signature, delivery!.body, new Date(Date.now() + 600_000))).toBe(false)

      // A withdrawal is told too; admins see each delivery as delivered.
      expect((await person('reviewer', `/api/phrases/${id}/retire`, 'POST', {})).status).toBe(200)
      await eventually(() => expect(hook.received.map((r) => JSON.parse(r.body).event)).toEqual(['published', 'withdrawn']))
      const log = await eventually(async () => {
        const { docs } = await json(person('admin', `/api/webhook-deliveries?where[webhook][equals]=${webhook.id}&sort=revision&depth=0`))
        expect(docs.map((d: Json) => d.status)).toEqual(['delivered', 'delivered'])
        return docs
      })
      expect(log.map((d: Json) => [d.event, d.key, d.attempts, d.lastStatusCode])).toEqual([
        ['published', 'closing.webhook_check', 1, 200],
        ['withdrawn', 'closing.webhook_check', 1, 200],
      ])
    } finally {
      source.close()
      expect((await person('admin', `/api/webhooks/${webhook.id}`, 'DELETE')).status).toBe(200)
    }
  })

  it('retries a receiver that answers 500, with backoff, and shows each attempt to admins', async () => {
    const failing = await receiver([500, 503])
    receivers.push(failing)
    const { doc: webhook } = await register(failing.url, { events: ['published'] })
    try {
      await publish('closing.webhook_retry')
      // Failed twice, then delivered: three tries, at least 1 s, then 2 s apart (retries come due
      // on the runner's next pass, up to a second later).
      await eventually(() => expect(failing.received).toHaveLength(3), { withinMs: 15_000 })
      const gaps = failing.received.slice(1).map((r, i) => r.at - failing.received[i]!.at)
      expect(gaps[0]).toBeGreaterThanOrEqual(950)
      expect(gaps[1]).toBeGreaterThanOrEqual(1950)
      // The same delivery each time (a receiver deduplicates by it).
      expect(new Set(failing.received.map((r) => r.headers['phrasebook-delivery'])).size).toBe(1)
      const [delivery] = await eventually(async () => {
        const { docs } = await json(person('admin', `/api/webhook-deliveries?where[webhook][equals]=${webhook.id}&depth=0`))
        expect(docs[0]?.status).toBe('delivered')
        return docs
      })
      expect(delivery).toMatchObject({ event: 'published', key: 'closing.webhook_retry', attempts: 3, lastStatusCode: 200, lastError: null })
      expect(WEBHOOK_ATTEMPTS).toBeGreaterThan(3)
    } finally {
      expect((await person('admin', `/api/webhooks/${webhook.id}`, 'DELETE')).status).toBe(200)
    }
  })

  it('shows the last error of a receiver that keeps failing while it is retried', async () => {
    const failing = await receiver(Array.from({ length: WEBHOOK_ATTEMPTS }, () => 500))
    receivers.push(failing)
    const { doc: webhook } = await register(failing.url, { events: ['published'] })
    try {
      await publish('closing.webhook_failing')
      const delivery = await eventually(async () => {
        const { docs } = await json(person('admin', `/api/webhook-deliveries?where[webhook][equals]=${webhook.id}&depth=0`))
        expect(docs[0]?.attempts).toBeGreaterThanOrEqual(2)
        return docs[0]
      }, { withinMs: 10_000 })
      expect(delivery).toMatchObject({ status: 'pending', lastStatusCode: 500, lastError: 'HTTP 500' })
      // Disabled meanwhile: the next try sends nothing and the log says why.
      expect((await person('admin', `/api/webhooks/${webhook.id}`, 'PATCH', { enabled: false })).status).toBe(200)
      const sent = failing.received.length
      await eventually(async () => {
        const { docs } = await json(person('admin', `/api/webhook-deliveries?where[webhook][equals]=${webhook.id}&depth=0`))
        expect(docs[0]).toMatchObject({ status: 'failed', lastError: 'webhook disabled' })
      }, { withinMs: 15_000 })
      expect(failing.received.length).toBeLessThanOrEqual(sent + 1)
    } finally {
      expect((await person('admin', `/api/webhooks/${webhook.id}`, 'DELETE')).status).toBe(200)
    }
  })

  it('is for admins only, and refuses a URL it cannot call, in the caller\'s language', async () => {
    const bad = await person('admin', '/api/webhooks', 'POST', { name: 'x', url: 'ftp://example.com/hook' }, { 'accept-language': 'zh-TW' })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(await bad.json())).toContain('網址須以 http:// 或 https:// 開頭')
    expect((await person('admin', '/api/webhooks', 'POST', { name: 'x', url: 'https://user:pw@example.com/hook' })).status).toBe(400)
    expect((await json(person('admin', '/api/webhooks'))).totalDocs).toBe(0)
    // The webhooks of the tests above are deleted; their deliveries' log stays, with where each went.
    const kept = (await json(person('admin', '/api/webhook-deliveries?limit=100&depth=0'))).docs as Json[]
    expect(kept.length).toBeGreaterThanOrEqual(4)
    for (const delivery of kept) expect(delivery).toMatchObject({ webhook: null, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/hook$/) })
    for (const who of ['editor', 'reviewer']) {
      expect((await person(who, '/api/webhooks', 'POST', { name: 'x', url: 'https://example.com/hook' })).status).toBe(403)
      expect((await person(who, '/api/webhook-deliveries')).status).toBe(403)
      expect((await person(who, '/api/payload-jobs')).status).toBe(403)
    }
    expect((await fetch(server.url + '/api/webhooks', { headers: agent })).status).toBe(403)
  })
})
