import type { Payload } from 'payload'

import { hearOtherProcesses } from '../src/changes/otherProcesses'
import { currentRevision } from '../src/delivery/revisions'
import { startDeliveryStore } from '../src/delivery/store'
import { type PgPool, PostgresNotifications } from '../src/postgresNotifications'
import { anotherProcessUrl, freshDatabaseUrl, startPayload, testSettings } from '../test/helpers/databases'
import { latencies, quantile, sleep } from './figures'

export type ChangeLatency = { database: string; writer: string; mechanism: string; changes: number; writeMs: number; medianMs: number; p95Ms: number; maxMs: number }

/** How the snapshot learnt of a revision before the change feed: a read of the newest revision every 250 ms. */
const FORMER_POLL_MS = 250
const WARM_UP = 15


/**
 * From the commit of a change agents can see (a new category: a new delivery revision; the call
 * that writes it returned) to the moment the delivery snapshot of the reading process serves
 * that revision, through the change feed, and
 * side by side in the same run, the moment a 250 ms revision poll (the mechanism it replaced)
 * would have seen it. The writer is the reading process itself or another process (a second
 * Payload instance on the same database with a feed of its own, as two server processes have).
 */
export async function benchChanges(kind: 'sqlite' | 'postgres', changes = 40): Promise<ChangeLatency[]> {
  const name = `bench_changes_${kind}`
  const settings = testSettings(await freshDatabaseUrl(kind, name), name)
  const here: Payload = await startPayload(settings, `${name}_here`)
  const otherUrl = anotherProcessUrl(settings.databaseUrl)
  const other: Payload = await startPayload({ ...settings, databaseUrl: otherUrl }, `${name}_other`)
  const notifications = kind === 'postgres' ? await PostgresNotifications.start((here.db as unknown as { pool: PgPool }).pool, () => {}) : undefined
  const stopHearing = await hearOtherProcesses(here, notifications)
  const store = await startDeliveryStore(here)
  // The former mechanism, beside the new one: when a 250 ms poll of the newest revision first saw each.
  const polledAt = new Map<number, number>()
  let polling = true
  const poll = (async () => {
    while (polling) {
      const revision = await currentRevision(here)
      if (!polledAt.has(revision)) polledAt.set(revision, performance.now())
      await sleep(FORMER_POLL_MS)
    }
  })()
  const rows: ChangeLatency[] = []
  try {
    for (const [writer, payload] of [['this process', here], ['another process', other]] as const) {
      const writes: number[] = []
      const fed: number[] = []
      const polled: number[] = []
      // The first changes warm up the code paths (the first snapshot rebuilds took 100–200 ms); not counted.
      for (let n = -WARM_UP; n < changes; n++) {
        // Changes at random moments, so the poll's phase is random too.
        await sleep(Math.random() * FORMER_POLL_MS)
        const started = performance.now()
        await payload.create({ collection: 'categories', locale: 'zh-Hant', data: { slug: `bench-${writer.length}-${n + WARM_UP}`, name: '測試' } })
        const committed = performance.now()
        if (n >= 0) writes.push(committed - started)
        const revision = await currentRevision(payload)
        while (store.snapshot.revision < revision) await sleep(1)
        const served = performance.now() - committed
        while (![...polledAt.keys()].some((seen) => seen >= revision)) await sleep(5)
        const seenByPoll = Math.min(...[...polledAt].filter(([seen]) => seen >= revision).map(([, at]) => at)) - committed
        if (n < 0) continue
        fed.push(served)
        polled.push(seenByPoll)
      }
      for (const [mechanism, times] of [
        ['change feed', fed],
        [`poll every ${FORMER_POLL_MS} ms (before)`, polled],
      ] as const) {
        rows.push({
          database: kind === 'sqlite' ? 'SQLite' : 'PostgreSQL',
          writer,
          mechanism,
          changes,
          writeMs: quantile(writes, 0.5),
          ...latencies(times),
        })
      }
    }
  } finally {
    polling = false
    await poll
    await store.stop()
    await stopHearing()
    await notifications?.stop()
    await other.destroy()
    await here.destroy()
  }
  return rows
}

export function changesTable(rows: ChangeLatency[]): string {
  return [
    '| database | writer | how the snapshot learns of it | changes | the write (median ms) | then served after: median (ms) | p95 (ms) | max (ms) |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) => `| ${r.database} | ${r.writer} | ${r.mechanism} | ${r.changes} | ${r.writeMs.toFixed(1)} | ${r.medianMs.toFixed(1)} | ${r.p95Ms.toFixed(1)} | ${r.maxMs.toFixed(1)} |`,
    ),
  ].join('\n')
}
