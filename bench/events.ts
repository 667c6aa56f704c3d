import { EventSource } from 'eventsource'
import type { Payload } from 'payload'

import { startServer } from '../src/server/start'
import { anotherProcessUrl, freshDatabaseUrl, startPayload, testSettings } from '../test/helpers/databases'
import { latencies, sleep } from './figures'

export type PushLatency = { database: string; writer: string; desktops: number; changes: number; medianMs: number; p95Ms: number; maxMs: number }

const API_KEY = 'bench-events-0123456789abcdef0123'
const WARM_UP = 10

/**
 * From the commit of a change agents can see (a new category; the call that wrote it returned) to
 * its `reference` event arriving at each of `desktops` EventSource clients on `GET /v1/events`
 * of a running server. The writer is the server's own process, or another process on the same
 * database (a second Payload instance with a change feed of its own).
 */
export async function benchEvents(kind: 'sqlite' | 'postgres', desktops = 50, changes = 30): Promise<PushLatency[]> {
  const name = `bench_events_${kind}`
  const settings = testSettings(await freshDatabaseUrl(kind, name), name)
  const server = await startServer(settings, { admin: false })
  const otherUrl = anotherProcessUrl(settings.databaseUrl)
  const other: Payload = await startPayload({ ...settings, databaseUrl: otherUrl }, `${name}_other`)
  await server.payload.create({ collection: 'api-clients', data: { name: 'Bench desktops', enableAPIKey: true, apiKey: API_KEY } })
  const heard = new Map<string, number[]>()
  const sources: EventSource[] = []
  const rows: PushLatency[] = []
  try {
    for (let n = 0; n < desktops; n++) {
      const source = new EventSource(`${server.url}/v1/events`, {
        fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, authorization: `api-clients API-Key ${API_KEY}` } }),
      })
      source.addEventListener('reference', (event) => {
        const at = performance.now()
        const id = event.lastEventId
        heard.set(id, [...(heard.get(id) ?? []), at])
      })
      await new Promise((resolve) => source.addEventListener('ready', resolve, { once: true }))
      sources.push(source)
    }
    for (const [writer, payload] of [['this process', server.payload], ['another process', other]] as const) {
      const delays: number[] = []
      for (let n = -WARM_UP; n < changes; n++) {
        await sleep(Math.random() * 100)
        await payload.create({ collection: 'categories', locale: 'zh-Hant', data: { slug: `push-${writer.length}-${n + WARM_UP}`, name: '推送' } })
        const committed = performance.now()
        const revision = (await payload.find({ collection: 'delivery-revisions', sort: '-revision', limit: 1, depth: 0 })).docs[0]!.revision
        while ((heard.get(String(revision))?.length ?? 0) < desktops) await sleep(1)
        if (n >= 0) delays.push(...heard.get(String(revision))!.map((at) => at - committed))
      }
      rows.push({
        database: kind === 'sqlite' ? 'SQLite' : 'PostgreSQL',
        writer,
        desktops,
        changes,
        ...latencies(delays),
      })
    }
  } finally {
    for (const source of sources) source.close()
    await other.destroy()
    await server.close()
  }
  return rows
}

export function eventsTable(rows: PushLatency[]): string {
  return [
    '| database | writer | desktops | changes | median (ms) | p95 (ms) | max (ms) |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.database} | ${r.writer} | ${r.desktops} | ${r.changes} | ${r.medianMs.toFixed(1)} | ${r.p95Ms.toFixed(1)} | ${r.maxMs.toFixed(1)} |`),
  ].join('\n')
}
