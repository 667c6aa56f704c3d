import { mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import path from 'node:path'
import { constants as perfConstants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks'
import v8 from 'node:v8'
import vm from 'node:vm'

/**
 * The server side of `npm run soak` (bench/soak.ts): the real server (`startServer`, API only,
 * standard library seeded) in its own process, started with `child_process.fork`, so its memory is
 * measured apart from the load generator's. Over IPC it
 *  - says `ready` with its URL once the library is loaded and the people and the API client exist;
 *  - sends a `sample` every SOAK_SAMPLE_MS (default 2 s): `process.memoryUsage()`, the heap right
 *    after the last mark-sweep GC, GC pauses and event-loop delay since the previous sample, and the
 *    delivery snapshot's revision;
 *  - answers `gc` with `process.memoryUsage()` after two forced full collections (used before and
 *    after the load only: a full GC under load would distort the latency figures);
 *  - answers `finish` with the audit chain's verdict, then `stop` by closing the server and exiting.
 * With SOAK_SERVER_PROFILE=1 it records a V8 CPU profile from `ready` to `finish` (the run, not the
 * start-up and seeding) into test/.tmp/soak-profiles/.
 */

export type SoakServerTask = {
  databaseUrl: string
  name: string
  secret: string
  auditKey: string
  apiKey: string
  people: { email: string; password: string; roles: string[] }[]
  sampleMs: number
}

export type MemorySample = {
  t: number
  rss: number
  heapUsed: number
  heapTotal: number
  external: number
  arrayBuffers: number
  /** heapUsed measured right after the most recent mark-sweep-compact GC (null before the first). */
  heapAfterMajorGc: number | null
  /** Since the previous sample. */
  gcPauseMs: number
  majorGcs: number
  minorGcs: number
  loopDelayP99Ms: number
  loopDelayMaxMs: number
  revision: number
  phrases: number
  /**
   * Linux only (/proc/self/status), else null: RSS split into anonymous memory (V8 heap, native
   * allocations such as SQLite's page caches), file-backed pages (mapped files) and shared memory
   * (e.g. SQLite's WAL index).
   */
  rssAnon: number | null
  rssFile: number | null
  rssShmem: number | null
  /** SQLite only: the database file plus its WAL, in bytes. */
  databaseBytes: number | null
  /**
   * SQLite on Linux only: open file descriptors of this process on the database file itself (one
   * per open SQLite connection); null elsewhere.
   */
  databaseHandles: number | null
}

/** RssAnon, RssFile and RssShmem in bytes from /proc/self/status (null where there is no /proc). */
function rssParts(): { rssAnon: number | null; rssFile: number | null; rssShmem: number | null } {
  try {
    const status = readFileSync('/proc/self/status', 'utf8')
    const kb = (name: string) => {
      const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)
      return match ? Number(match[1]) * 1024 : null
    }
    return { rssAnon: kb('RssAnon'), rssFile: kb('RssFile'), rssShmem: kb('RssShmem') }
  } catch {
    return { rssAnon: null, rssFile: null, rssShmem: null }
  }
}

function databaseBytes(databaseUrl: string): number | null {
  if (!databaseUrl.startsWith('file:')) return null
  const file = databaseUrl.slice('file:'.length)
  let total = 0
  for (const suffix of ['', '-wal']) {
    try {
      total += statSync(file + suffix).size
    } catch {
      // no WAL yet
    }
  }
  return total
}

function databaseHandles(databaseUrl: string): number | null {
  if (!databaseUrl.startsWith('file:')) return null
  const file = path.resolve(databaseUrl.slice('file:'.length))
  try {
    let count = 0
    for (const fd of readdirSync('/proc/self/fd')) {
      try {
        if (readlinkSync(`/proc/self/fd/${fd}`) === file) count++
      } catch {
        // closed meanwhile
      }
    }
    return count
  } catch {
    return null
  }
}

export type ServerMessage =
  | { type: 'ready'; url: string; startMs: number; revision: number; phrases: number }
  | { type: 'sample'; sample: MemorySample }
  | { type: 'gc'; id: number; memory: NodeJS.MemoryUsage }
  | { type: 'finished'; audit: { ok: boolean; entries: number; firstBadEntry?: unknown }; revision: number; phrases: number }
  | { type: 'failed'; message: string }

export type ParentMessage = { type: 'gc'; id: number } | { type: 'finish' } | { type: 'stop' }

const send = (message: ServerMessage) => process.send?.(message)

async function main(): Promise<void> {
  const task = JSON.parse(process.env.SOAK_SERVER_TASK ?? '') as SoakServerTask
  const started = performance.now()
  const { testSettings } = await import('../test/helpers/databases')
  const { startServer } = await import('../src/server/start')
  const { verifyAuditLog } = await import('../src/audit/log')

  const settings = testSettings(task.databaseUrl, task.name, {
    PAYLOAD_SECRET: task.secret,
    PHRASEBOOK_AUDIT_KEY: task.auditKey,
    PHRASEBOOK_SEED: 'true',
    // Every /v1 request is counted by the limiter (its cost is in the figures) but none is refused.
    PHRASEBOOK_RATE_LIMIT: '1000000000',
    // The scheduler runs as in production (its passes are part of a day's work).
    PHRASEBOOK_SCHEDULER_INTERVAL: '30',
  })
  const running = await startServer(settings, { admin: false })
  for (const person of task.people) {
    await running.payload.create({ collection: 'users', data: { email: person.email, password: person.password, roles: person.roles } as never, overrideAccess: true })
  }
  await running.payload.create({
    collection: 'api-clients',
    data: { name: 'soak load generator', enableAPIKey: true, apiKey: task.apiKey } as never,
    overrideAccess: true,
  })

  // GC and event-loop figures between samples.
  let gcPauseMs = 0
  let majorGcs = 0
  let minorGcs = 0
  let heapAfterMajorGc: number | null = null
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcPauseMs += entry.duration
      // detail.kind: NODE_PERFORMANCE_GC_MAJOR (mark-sweep-compact), _MINOR (scavenge), _INCREMENTAL, _WEAKCB.
      const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind
      if (kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR) {
        majorGcs++
        heapAfterMajorGc = process.memoryUsage().heapUsed
      } else if (kind === perfConstants.NODE_PERFORMANCE_GC_MINOR) minorGcs++
    }
  })
  gcObserver.observe({ entryTypes: ['gc'] })
  const loopDelay = monitorEventLoopDelay({ resolution: 10 })
  loopDelay.enable()

  const snapshotFigures = () => {
    try {
      const snapshot = running.store.snapshot
      return { revision: snapshot.revision, phrases: snapshot.phrases.size }
    } catch {
      return { revision: -1, phrases: 0 }
    }
  }
  const sample = (): MemorySample => {
    const memory = process.memoryUsage()
    const figures: MemorySample = {
      t: Date.now(),
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      heapTotal: memory.heapTotal,
      external: memory.external,
      arrayBuffers: memory.arrayBuffers,
      heapAfterMajorGc,
      gcPauseMs,
      majorGcs,
      minorGcs,
      loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      loopDelayMaxMs: loopDelay.max / 1e6,
      ...snapshotFigures(),
      ...rssParts(),
      databaseBytes: databaseBytes(task.databaseUrl),
      databaseHandles: databaseHandles(task.databaseUrl),
    }
    gcPauseMs = 0
    majorGcs = 0
    minorGcs = 0
    loopDelay.reset()
    return figures
  }
  const sampler = setInterval(() => send({ type: 'sample', sample: sample() }), task.sampleMs)

  let profiler: Session | undefined
  if (process.env.SOAK_SERVER_PROFILE) {
    profiler = new Session()
    profiler.connect()
    await profiler.post('Profiler.enable')
    await profiler.post('Profiler.start')
  }
  const saveProfile = async () => {
    if (!profiler) return
    const { profile } = await profiler.post('Profiler.stop')
    const dir = path.resolve('test/.tmp/soak-profiles')
    mkdirSync(dir, { recursive: true })
    const file = path.join(dir, `${task.name}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`)
    writeFileSync(file, JSON.stringify(profile))
    profiler.disconnect()
    profiler = undefined
    console.log(`[soak] CPU profile of the run written to ${file}`)
  }

  let gc: (() => void) | undefined
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'gc') {
      if (!gc) {
        v8.setFlagsFromString('--expose-gc')
        gc = vm.runInNewContext('gc') as () => void
      }
      gc()
      gc()
      send({ type: 'gc', id: message.id, memory: process.memoryUsage() })
    } else if (message.type === 'finish') {
      void saveProfile()
        .then(() => verifyAuditLog(running.payload, settings.auditKey))
        .then(
        (verdict) => send({ type: 'finished', audit: verdict as never, ...snapshotFigures() }),
        (error: Error) => send({ type: 'finished', audit: { ok: false, entries: 0, firstBadEntry: error.message }, ...snapshotFigures() }),
      )
    } else if (message.type === 'stop') {
      clearInterval(sampler)
      gcObserver.disconnect()
      loopDelay.disable()
      const exit = setTimeout(() => process.exit(0), 15_000)
      exit.unref()
      void running.close().finally(() => process.exit(0))
    }
  })
  // The soak run went away (crashed or interrupted): do not outlive it.
  process.on('disconnect', () => process.exit(0))

  send({ type: 'ready', url: running.url, startMs: performance.now() - started, ...snapshotFigures() })
}

main().catch((error: Error) => {
  send({ type: 'failed', message: error.stack ?? error.message })
  console.error(error)
  setTimeout(() => process.exit(1), 100)
})
