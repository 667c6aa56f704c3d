import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import v8 from 'node:v8'
import vm from 'node:vm'

import type autocannon from 'autocannon'

/**
 * Delivery API benchmark: `GET /v1/phrases/<key>` (served from the in-memory snapshot) against
 * the equivalent Payload REST query and a bare Node `http` server answering the same bytes, on
 * synthetic libraries of several sizes.
 *
 * Each size runs in fresh child processes, so one size's snapshot, module state and heap never
 * leak into the next (and Payload's per-process instance cache is not reused):
 *  1. a loader process creates a new SQLite database, fills it (bench/syntheticLibrary.ts) and
 *     creates an API client;
 *  2. a server process starts the real server on it (`startServer`, API only) — so the snapshot is
 *     built from the full library at start-up — plus a bare `http` server on another port, and
 *     drives autocannon from a worker thread (its own event loop on the second core).
 *
 * `node --import tsx bench/delivery.ts --sizes 1000,10000 --duration 5 [--connections 32]`
 * prints the table without touching docs/benchmarks.md (`npm run bench` writes it).
 */

export type DeliveryOptions = {
  sizes: number[]
  durationSeconds: number
  connections: number
  /** Progress lines (default: console.log). */
  log?: (line: string) => void
}

export type Measure = {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  requests: number
  non2xx: number
  errors: number
}

export type DeliveryResult = {
  phrases: number
  connections: number
  durationSeconds: number
  /** Time to write the synthetic library (not part of the figures). */
  loadMs: number
  loadMethod: string
  /** How many different keys the load rotates over. */
  keys: number
  /** Null when the delivery API did not answer 200 for a key that exists. */
  v1: Measure | null
  rest: Measure
  bare: Measure
  /** Snapshot build time and where it comes from. */
  buildMs: number | null
  buildSource: 'deliveryStats' | 'startup-to-first-200' | 'unavailable'
  heapBytes: number
  heapSource: 'deliveryStats' | 'process-heap-after-gc'
  revision: number | null
  snapshotPhrases: number | null
  /** Anything the reader should know (delivery API missing, mismatched counts, …). */
  notes: string[]
}

const THIS_FILE = fileURLToPath(import.meta.url)
const PROJECT_ROOT = path.resolve(path.dirname(THIS_FILE), '..')
const RESULT_MARK = '@@delivery-result '
const LOG_MARK = '[delivery] '
const SAMPLED_KEYS = 300
const TARGETS = { requestsRatio: 10, bareRatio: 0.5, p99Ms: 20 }

// ---------------------------------------------------------------------------------------------
// Orchestration (the calling process: `npm run bench` or the command line)
// ---------------------------------------------------------------------------------------------

type ChildTask =
  | { mode: 'load'; size: number; name: string; secret: string; auditKey: string; apiKey: string }
  | {
      mode: 'serve'
      size: number
      name: string
      databaseUrl: string
      secret: string
      auditKey: string
      apiKey: string
      durationSeconds: number
      connections: number
    }

/** Runs this file as a child process for one task and returns the JSON it reports. */
function runChild<T>(task: ChildTask, log: (line: string) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', THIS_FILE], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NODE_OPTIONS: '', BENCH_DELIVERY_CHILD: JSON.stringify(task) },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const tail: string[] = []
    let result: T | undefined
    const onLine = (line: string) => {
      if (line.startsWith(RESULT_MARK)) result = JSON.parse(line.slice(RESULT_MARK.length)) as T
      else if (line.startsWith(LOG_MARK)) log(`  ${line.slice(LOG_MARK.length)}`)
      else if (line.trim()) {
        tail.push(line)
        if (tail.length > 60) tail.shift()
      }
    }
    for (const stream of [child.stdout!, child.stderr!]) {
      let buffered = ''
      stream.setEncoding('utf8')
      stream.on('data', (chunk: string) => {
        buffered += chunk
        let at: number
        while ((at = buffered.indexOf('\n')) >= 0) {
          onLine(buffered.slice(0, at))
          buffered = buffered.slice(at + 1)
        }
      })
      stream.on('end', () => buffered && onLine(buffered))
    }
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0 && result !== undefined) resolve(result)
      else reject(new Error(`delivery bench (${task.mode}, ${task.size} phrases) exited with code ${code}:\n${tail.join('\n')}`))
    })
  })
}

function removeDatabase(name: string): void {
  const file = path.join(PROJECT_ROOT, 'test/.tmp', `${name}.db`)
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true })
  rmSync(path.join(PROJECT_ROOT, 'test/.tmp', `${name}-data`), { recursive: true, force: true })
}

export async function benchDelivery(options: DeliveryOptions): Promise<DeliveryResult[]> {
  const log = options.log ?? ((line: string) => console.log(line))
  const results: DeliveryResult[] = []
  for (const size of options.sizes) {
    const name = `bench_delivery_${size}`
    // Both processes must agree on the secrets (the API key is stored as an HMAC with PAYLOAD_SECRET).
    const secrets = {
      secret: randomBytes(32).toString('hex'),
      auditKey: randomBytes(32).toString('hex'),
      apiKey: `bench-delivery-${randomBytes(24).toString('hex')}`,
    }
    log(`${size} phrases: loading the synthetic library…`)
    try {
      const loaded = await runChild<{ databaseUrl: string; loadMs: number; method: string }>(
        { mode: 'load', size, name, ...secrets },
        log,
      )
      log(`${size} phrases: loaded in ${(loaded.loadMs / 1000).toFixed(1)} s (${loaded.method}); starting the server and measuring…`)
      const result = await runChild<DeliveryResult>(
        {
          mode: 'serve',
          size,
          name,
          databaseUrl: loaded.databaseUrl,
          ...secrets,
          durationSeconds: options.durationSeconds,
          connections: options.connections,
        },
        log,
      )
      result.loadMs = loaded.loadMs
      result.loadMethod = loaded.method
      results.push(result)
      log(summaryLine(result))
    } finally {
      removeDatabase(name)
    }
  }
  return results
}

// ---------------------------------------------------------------------------------------------
// Child processes
// ---------------------------------------------------------------------------------------------

const childLog = (line: string) => process.stderr.write(`${LOG_MARK}${line}\n`)
const report = (value: unknown) => process.stdout.write(`${RESULT_MARK}${JSON.stringify(value)}\n`)

async function loadChild(task: Extract<ChildTask, { mode: 'load' }>): Promise<void> {
  const { freshDatabaseUrl, startPayload, testSettings } = await import('../test/helpers/databases')
  const { loadSyntheticLibrary } = await import('./syntheticLibrary')
  const databaseUrl = await freshDatabaseUrl('sqlite', task.name)
  const settings = testSettings(databaseUrl, task.name, { PAYLOAD_SECRET: task.secret, PHRASEBOOK_AUDIT_KEY: task.auditKey })
  const payload = await startPayload(settings, task.name)
  try {
    const loaded = await loadSyntheticLibrary(payload, task.size, childLog)
    await payload.create({
      collection: 'api-clients',
      data: { name: 'bench', enableAPIKey: true, apiKey: task.apiKey } as never,
      overrideAccess: true,
    })
    report({ databaseUrl, loadMs: loaded.ms, method: loaded.method })
  } finally {
    await payload.destroy()
  }
}

type DeliveryStats = { revision: number; phrases: number; lastBuildMs: number; heapUsedBytes: number }

/** `deliveryStats()` from src/delivery/store.ts, if that module exists yet. */
async function deliveryStatsFunction(notes: string[]): Promise<(() => DeliveryStats) | undefined> {
  const specifier = pathToFileURL(path.join(PROJECT_ROOT, 'src/delivery/store.ts')).href
  try {
    const store = (await import(specifier)) as { deliveryStats?: () => DeliveryStats }
    if (typeof store.deliveryStats === 'function') return store.deliveryStats
    notes.push('src/delivery/store.ts exports no deliveryStats(): build time measured as start-up to first 200, heap as the whole process heap.')
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code !== 'ERR_MODULE_NOT_FOUND') notes.push(`Importing src/delivery/store.ts failed: ${(error as Error).message.split('\n')[0]}`)
  }
  // TODO(deliveryStats): remove this fallback once src/delivery/store.ts exports deliveryStats().
  return undefined
}

function heapAfterGc(): number {
  v8.setFlagsFromString('--expose-gc')
  const gc = vm.runInNewContext('gc') as () => void
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Waits for the delivery API to answer 200 for a key that exists; `ok: false` (with the reason)
 * when the route is missing, access is refused, or it never answers 200 within the time limit.
 */
async function firstOk(url: string, headers: Record<string, string>, limitMs: number): Promise<{ ok: true } | { ok: false; reason: string }> {
  const deadline = Date.now() + limitMs
  let last = ''
  let first404: number | undefined
  for (;;) {
    try {
      const response = await fetch(url, { headers })
      const body = await response.text()
      if (response.status === 200) return { ok: true }
      last = `${response.status} ${body.slice(0, 200)}`
      // A 404 for a key that exists: no such route yet (the message may be translated), or a
      // snapshot without the phrase. Allow a few seconds for a snapshot still loading.
      first404 = response.status === 404 ? (first404 ?? Date.now()) : undefined
      if (first404 !== undefined && (body.includes('No route') || Date.now() - first404 > 3000)) {
        return { ok: false, reason: `the delivery API is not there yet (GET ${new URL(url).pathname} answers ${last} for a key that exists)` }
      }
      if (response.status === 401 || response.status === 403) {
        return { ok: false, reason: `the delivery API refused the bench API client (${last})` }
      }
    } catch (error) {
      last = (error as Error).message
    }
    if (Date.now() > deadline) {
      return { ok: false, reason: `the delivery API did not answer 200 for an existing key within ${limitMs / 1000} s (last: ${last})` }
    }
    await sleep(50)
  }
}

/** `count` keys spread over the whole library (so large libraries are not read only at the start). */
function sampleKeys(size: number, count: number, keyOf: (n: number) => string): string[] {
  const wanted = Math.min(size, count)
  return Array.from({ length: wanted }, (_, i) => keyOf(Math.floor((i * size) / wanted)))
}

async function measure(
  base: string,
  paths: string[],
  headers: Record<string, string>,
  connections: number,
  durationSeconds: number,
): Promise<Measure> {
  const { default: run } = await import('autocannon')
  const options: autocannon.Options = {
    url: base,
    connections,
    duration: durationSeconds,
    headers,
    // Each connection goes round the paths in turn.
    requests: paths.map((p) => ({ method: 'GET', path: p })),
    // The load generator gets its own thread (and core); the servers keep this event loop.
    workers: 1,
  }
  const result = await run(options)
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  }
}

async function serveChild(task: Extract<ChildTask, { mode: 'serve' }>): Promise<void> {
  const { testSettings } = await import('../test/helpers/databases')
  const { startServer } = await import('../src/server/start')
  const { syntheticKey } = await import('./syntheticLibrary')
  const notes: string[] = []
  const headers = { authorization: `api-clients API-Key ${task.apiKey}` }
  // Not freshDatabaseUrl: the loader has filled this database already.
  // The rate limit still counts every request (its cost is in the figures) but never refuses the load generator.
  const settings = testSettings(task.databaseUrl, task.name, { PAYLOAD_SECRET: task.secret, PHRASEBOOK_AUDIT_KEY: task.auditKey, PHRASEBOOK_RATE_LIMIT: '1000000000' })

  const started = performance.now()
  const running = await startServer(settings, { admin: false })
  const bare = http.createServer()
  try {
    const keys = sampleKeys(task.size, SAMPLED_KEYS, syntheticKey)
    const v1Path = (key: string) => `/v1/phrases/${encodeURIComponent(key)}?locale=zh-Hant`
    const restPath = (key: string) => `/api/phrases?where[key][equals]=${encodeURIComponent(key)}&locale=zh-Hant&depth=0`

    const probe = await firstOk(running.url + v1Path(keys[0]!), headers, 60_000 + task.size)
    const firstOkMs = performance.now() - started
    if (!probe.ok) {
      childLog(`NOTE: ${probe.reason}; measuring Payload REST and the bare http server only.`)
      notes.push(`/v1 not measured: ${probe.reason}.`)
    }

    const rest = await fetch(running.url + restPath(keys[0]!), { headers })
    const restBody = (await rest.json()) as { docs?: { key?: string }[] }
    if (rest.status !== 200 || restBody.docs?.[0]?.key !== keys[0]) {
      throw new Error(`Payload REST did not return ${keys[0]} (status ${rest.status}): the synthetic library or the API client is broken`)
    }

    // The bare server answers exactly the bytes /v1 gave for each URL (the REST document while /v1 is missing).
    const bodies = new Map<string, { body: Buffer; type: string }>()
    for (const key of keys) {
      const response = await fetch(running.url + (probe.ok ? v1Path(key) : restPath(key)), { headers })
      if (response.status !== 200) throw new Error(`GET ${probe.ok ? v1Path(key) : restPath(key)} answered ${response.status}`)
      let body = Buffer.from(await response.arrayBuffer())
      if (!probe.ok) body = Buffer.from(JSON.stringify((JSON.parse(body.toString('utf8')) as { docs: unknown[] }).docs[0]))
      bodies.set(v1Path(key), { body, type: response.headers.get('content-type') ?? 'application/json; charset=utf-8' })
    }
    if (!probe.ok) notes.push('The bare http server served the REST documents instead of /v1 bodies.')
    bare.on('request', (req, res) => {
      const hit = bodies.get(req.url ?? '')
      if (!hit) {
        res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' }).end('{"error":{"code":"not_found"}}')
        return
      }
      res.writeHead(200, { 'content-type': hit.type, 'content-length': hit.body.length }).end(hit.body)
    })
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve))
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`

    // Snapshot figures: from the store when it says, else measured from outside.
    const stats = await deliveryStatsFunction(notes)
    const processHeap = heapAfterGc()
    const snapshot = stats?.() ?? undefined
    if (stats && !snapshot) notes.push('deliveryStats() returned null (no store running in this process): build time measured as start-up to first 200.')
    if (snapshot && probe.ok && snapshot.phrases < task.size) {
      notes.push(`deliveryStats() counts ${snapshot.phrases} phrases for ${task.size} loaded.`)
    }

    const warmup = Math.min(3, Math.max(1, Math.round(task.durationSeconds / 3)))
    const paths = { v1: keys.map(v1Path), rest: keys.map(restPath) }
    const run = async (label: string, base: string, list: string[]) => {
      childLog(`${task.size} phrases: ${label} (${warmup} s warm-up, ${task.durationSeconds} s measured, ${task.connections} connections)`)
      await measure(base, list, headers, task.connections, warmup)
      const figures = await measure(base, list, headers, task.connections, task.durationSeconds)
      if (figures.non2xx || figures.errors) notes.push(`${label}: ${figures.non2xx} non-2xx answers, ${figures.errors} errors.`)
      return figures
    }
    const v1 = probe.ok ? await run('/v1', running.url, paths.v1) : null
    const restFigures = await run('Payload REST', running.url, paths.rest)
    const bareFigures = await run('bare http', bareUrl, paths.v1)

    const result: DeliveryResult = {
      phrases: task.size,
      connections: task.connections,
      durationSeconds: task.durationSeconds,
      loadMs: 0,
      loadMethod: '',
      keys: keys.length,
      v1,
      rest: restFigures,
      bare: bareFigures,
      buildMs: snapshot ? snapshot.lastBuildMs : probe.ok ? firstOkMs : null,
      buildSource: snapshot ? 'deliveryStats' : probe.ok ? 'startup-to-first-200' : 'unavailable',
      heapBytes: snapshot ? snapshot.heapUsedBytes : processHeap,
      heapSource: snapshot ? 'deliveryStats' : 'process-heap-after-gc',
      revision: snapshot?.revision ?? null,
      snapshotPhrases: snapshot?.phrases ?? null,
      notes,
    }
    report(result)
  } finally {
    await new Promise<void>((resolve) => (bare.listening ? bare.close(() => resolve()) : resolve()))
    await running.close()
  }
}

// ---------------------------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------------------------

const fixed = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits)
const ratio = (a: number | undefined, b: number) => (a === undefined || !b ? null : a / b)
const times = (value: number | null, digits: number) => (value === null ? 'n/a' : `${fixed(value, digits)}×`)

function summaryLine(r: DeliveryResult): string {
  const v1 = r.v1 ? `/v1 ${fixed(r.v1.requestsPerSecond)} req/s p99 ${r.v1.p99Ms} ms` : '/v1 not measured'
  return `${r.phrases} phrases: ${v1}; REST ${fixed(r.rest.requestsPerSecond)} req/s p99 ${r.rest.p99Ms} ms; bare ${fixed(r.bare.requestsPerSecond)} req/s p99 ${r.bare.p99Ms} ms`
}

export function deliveryTable(results: DeliveryResult[]): string {
  const rows = results.map((r) => {
    const a = r.v1
    const build = r.buildMs === null ? 'n/a' : `${fixed(r.buildMs)}${r.buildSource === 'startup-to-first-200' ? '†' : ''}`
    const heap = `${fixed(r.heapBytes / 1024 / 1024, 1)}‡`
    return `| ${r.phrases.toLocaleString('en-US')} | ${fixed(a?.requestsPerSecond)} | ${fixed(a?.p99Ms)} | ${fixed(r.rest.requestsPerSecond)} | ${fixed(r.rest.p99Ms)} | ${fixed(r.bare.requestsPerSecond)} | ${fixed(r.bare.p99Ms)} | ${times(ratio(a?.requestsPerSecond, r.rest.requestsPerSecond), 1)} | ${times(ratio(a?.requestsPerSecond, r.bare.requestsPerSecond), 2)} | ${build} | ${heap} |`
  })
  return [
    '| phrases | /v1 req/s | /v1 p99 ms | Payload REST req/s | REST p99 ms | bare http req/s | bare p99 ms | /v1 ÷ REST | /v1 ÷ bare | snapshot build ms | heap MB |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n')
}

/** Whether every size meets the targets, as one sentence. */
export function deliveryVerdict(results: DeliveryResult[]): string {
  const connections = results[0]?.connections ?? 32
  const goal = `≥ ${TARGETS.requestsRatio}× Payload REST, ≥ ${TARGETS.bareRatio}× bare http, p99 < ${TARGETS.p99Ms} ms at ${connections} connections`
  if (results.length === 0) return `Targets (${goal}): not measured.`
  if (results.some((r) => !r.v1)) return `Targets (${goal}): **not measured** — the delivery API did not answer (see the notes).`
  const failures: string[] = []
  for (const r of results) {
    const v1 = r.v1!
    const size = `${r.phrases.toLocaleString('en-US')} phrases`
    if (v1.requestsPerSecond < TARGETS.requestsRatio * r.rest.requestsPerSecond) {
      failures.push(`${size}: ${fixed(v1.requestsPerSecond / r.rest.requestsPerSecond, 1)}× REST`)
    }
    if (v1.requestsPerSecond < TARGETS.bareRatio * r.bare.requestsPerSecond) {
      failures.push(`${size}: ${fixed(v1.requestsPerSecond / r.bare.requestsPerSecond, 2)}× bare http`)
    }
    if (!(v1.p99Ms < TARGETS.p99Ms)) failures.push(`${size}: p99 ${v1.p99Ms} ms`)
  }
  return failures.length === 0
    ? `Targets (${goal}): **pass** at every size.`
    : `Targets (${goal}): **fail** — ${failures.join('; ')}.`
}

export function deliveryMarkdown(results: DeliveryResult[], machine: string): string {
  const first = results[0]
  const connections = first?.connections ?? 32
  const duration = first?.durationSeconds ?? 10
  const keys = Math.max(0, ...results.map((r) => r.keys))
  const footnotes: string[] = []
  if (results.some((r) => r.buildSource === 'startup-to-first-200')) {
    footnotes.push('† time from calling `startServer` to the first 200 from `/v1` (includes Payload start-up), not reported by the store.')
  }
  if (results.length) {
    footnotes.push(
      results.every((r) => r.heapSource === 'deliveryStats')
        ? '‡ `deliveryStats().heapUsedBytes`, read after a full GC with the snapshot loaded, before any load.'
        : '‡ `heapUsed` of the whole server process (Payload included) after a full GC, with the snapshot loaded, before any load.',
    )
  }
  const notes = results.flatMap((r) => r.notes.map((note) => `- ${r.phrases.toLocaleString('en-US')} phrases: ${note}`))
  return `## Delivery API throughput

${machine}. For each size a new SQLite database is filled with that many published synthetic
phrases (bench/syntheticLibrary.ts: real titles and texts of 30–60 characters from the standard
library, both scripts, a third with \`{{customer_title}}\`), then the server starts on it in a fresh
process (API only, so the snapshot is built from the full library) and autocannon, in a worker
thread, sends ${connections} concurrent connections for ${duration} s (after a short warm-up) to each of:
**/v1** \`GET /v1/phrases/<key>?locale=zh-Hant\`; **Payload REST**
\`GET /api/phrases?where[key][equals]=<key>&locale=zh-Hant&depth=0\`, the same lookup through
Payload; **bare http**, a plain Node \`http\` server in the same process answering, from a Map, the
exact bytes /v1 gave for the same URLs — the ceiling for one Node event loop on this machine.
Requests rotate over ${keys} keys spread over the library and carry the same API-client key.
Requests/s is autocannon's mean per second; p99 is the 99th-percentile latency. Snapshot build is
the store's \`deliveryStats().lastBuildMs\` for the full build at start-up.

${deliveryTable(results)}
${footnotes.length ? `\n${footnotes.join('\n')}\n` : ''}
${deliveryVerdict(results)}
${notes.length ? `\nNotes:\n${notes.join('\n')}\n` : ''}`
}

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`)
  return at >= 0 ? process.argv[at + 1] : undefined
}

/** Sizes from "1000,10000" (also accepts 10k / 100_000). */
export function parseSizes(text: string): number[] {
  return text
    .split(',')
    .map((part) => part.trim().toLowerCase().replace(/_/g, ''))
    .filter(Boolean)
    .map((part) => {
      const value = part.endsWith('k') ? Number(part.slice(0, -1)) * 1000 : Number(part)
      if (!Number.isInteger(value) || value < 1) throw new Error(`Not a number of phrases: "${part}"`)
      return value
    })
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === THIS_FILE

if (isMain) {
  const child = process.env.BENCH_DELIVERY_CHILD
  try {
    if (child) {
      const task = JSON.parse(child) as ChildTask
      if (task.mode === 'load') await loadChild(task)
      else await serveChild(task)
    } else {
      const sizes = parseSizes(argument('sizes') ?? '1000,10000')
      const durationSeconds = Number(argument('duration') ?? 5)
      const connections = Number(argument('connections') ?? 32)
      const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`
      console.log(`Delivery API benchmark (${machine}): sizes ${sizes.join(', ')}, ${durationSeconds} s, ${connections} connections`)
      const results = await benchDelivery({ sizes, durationSeconds, connections })
      console.log(`\n${deliveryMarkdown(results, machine)}`)
    }
    process.exit(0)
  } catch (error) {
    console.error(error)
    process.exit(1)
  }
}
