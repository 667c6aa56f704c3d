import { type ChildProcess, fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'

import pg from 'pg'

import { type LatencyFigures, latencyFigures, type LoadMessage, type LoadRequest, type LoadTask, type WindowFigures } from './soakLoad'
import type { MemorySample, ParentMessage, ServerMessage, SoakServerTask } from './soakServer'

/**
 * `npm run soak` — sustained delivery load with concurrent editing and publishing.
 *
 *   npm run soak                                   # 60 s on SQLite, 16 connections
 *   SOAK_DATABASE=postgres npm run soak            # on PostgreSQL (database soak_postgres)
 *   npm run soak -- --seconds 300 --connections 32 --database sqlite
 *
 * Options (flag or environment variable): --seconds / SOAK_SECONDS (60), --database /
 * SOAK_DATABASE (sqlite | postgres), --connections / SOAK_CONNECTIONS (16), --window /
 * SOAK_WINDOW (10 s per report row), --keep / SOAK_KEEP=1 (keep the database afterwards),
 * --no-editing / SOAK_EDITING=0 (the delivery load alone, as a baseline), SOAK_SERVER_PROFILE=1 (a
 * V8 CPU profile of the server during the run, under test/.tmp/soak-profiles/), SOAK_VERBOSE=1 (the server's log),
 * SOAK_POSTGRES_URL (or TEST_POSTGRES_URL; default postgres://postgres:postgres@127.0.0.1:5432/postgres).
 *
 * What runs, for the configured time:
 *  - the real server (`startServer`, API only, standard library seeded, rate limit 10⁹/min so the
 *    load is counted but never refused, the scheduler on) in a child process (bench/soakServer.ts)
 *    that reports its memory, GC and event-loop delay over IPC every 2 s;
 *  - autocannon in a worker thread (bench/soakLoad.ts): N keep-alive connections going round a mix
 *    of /v1 reads with an API-client key;
 *  - two editing loops here, over REST, as an editor and two reviewers: edit a phrase's zh-Hant text
 *    (draft, with If-Match), submit, and have the other reviewer approve it (publish), every
 *    200–500 ms, each loop cycling over its own phrase keys; after each approval, /v1 is read until
 *    it serves the new text (the "publish visible after" time).
 * Every window (10 s) prints a row; at the end the totals, p99 over time, memory growth, the audit
 * chain's verdict, and a JSON file under test/.tmp/. Exit code 1 when anything counted as an error
 * happened (see `classify` and docs/benchmarks.md, Soak), 2 when the run
 * could not be set up.
 */

const THIS_FILE = fileURLToPath(import.meta.url)
const PROJECT_ROOT = path.resolve(path.dirname(THIS_FILE), '..')
const TMP = path.join(PROJECT_ROOT, 'test/.tmp')
const POSTGRES_ADMIN_URL =
  process.env.SOAK_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres'

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`)
  if (at >= 0) return process.argv[at + 1]
  const inline = process.argv.find((arg) => arg.startsWith(`--${name}=`))
  return inline?.slice(name.length + 3)
}

function positiveNumber(value: string | undefined, fallback: number, what: string): number {
  if (value === undefined || value === '') return fallback
  const number = Number(value)
  if (!Number.isFinite(number) || number <= 0) throw new Error(`${what} must be a positive number (got "${value}")`)
  return number
}

export type SoakOptions = {
  seconds: number
  database: 'sqlite' | 'postgres'
  connections: number
  windowSeconds: number
  keep: boolean
  /** False with --no-editing / SOAK_EDITING=0: the delivery load alone (a baseline to compare with). */
  editing: boolean
}

function readOptions(): SoakOptions {
  const database = (argument('database') ?? process.env.SOAK_DATABASE ?? 'sqlite').toLowerCase()
  if (database !== 'sqlite' && database !== 'postgres') throw new Error(`--database / SOAK_DATABASE must be sqlite or postgres (got "${database}")`)
  return {
    seconds: positiveNumber(argument('seconds') ?? process.env.SOAK_SECONDS, 60, '--seconds / SOAK_SECONDS'),
    database,
    connections: Math.round(positiveNumber(argument('connections') ?? process.env.SOAK_CONNECTIONS, 16, '--connections / SOAK_CONNECTIONS')),
    windowSeconds: positiveNumber(argument('window') ?? process.env.SOAK_WINDOW, 10, '--window / SOAK_WINDOW'),
    keep: process.argv.includes('--keep') || ['1', 'true', 'yes'].includes((process.env.SOAK_KEEP ?? '').toLowerCase()),
    editing: !process.argv.includes('--no-editing') && !['0', 'false', 'no', 'off'].includes((process.env.SOAK_EDITING ?? '').toLowerCase()),
  }
}

// ---------------------------------------------------------------------------------------------
// The workload
// ---------------------------------------------------------------------------------------------

/**
 * What the agents read, each connection going round the list: single phrases in zh-TW, zh-CN and
 * zh-Hant (some of them the phrases being edited, so reads cross publications), holiday days
 * (`at`) that select a variant, variables, category lists, i18next bundles, a scenario, and two
 * conditional reads that send the ETag last served (304 until the next publication).
 */
const READS: LoadRequest[] = [
  { group: 'phrase', path: '/v1/phrases/closing.standard?locale=zh-TW' },
  { group: 'phrase', path: '/v1/phrases/hold.please_wait?locale=zh-Hant' },
  { group: 'phrase', path: '/v1/phrases/complaint.calm_down?locale=zh-TW' },
  { group: 'phrase', path: '/v1/phrases/verification.member_id_request?locale=zh-CN' },
  { group: 'phrase', path: `/v1/phrases/opening.standard?locale=zh-Hant&vars[company]=${encodeURIComponent('江南云商')}` },
  { group: 'phrase+at', path: '/v1/phrases/closing.standard?locale=zh-CN&at=2027-02-06' },
  { group: 'phrase+at', path: '/v1/phrases/closing.survey?locale=zh-TW&at=2026-09-25' },
  { group: 'phrase+at', path: '/v1/phrases/opening.standard?locale=zh-TW&at=2026-10-01' },
  { group: 'phrase+at', path: '/v1/phrases/callback.recorded?locale=zh-Hant&at=2027-03-15' },
  { group: 'list', path: '/v1/phrases?locale=zh-TW&category=closing' },
  { group: 'list', path: '/v1/phrases?locale=zh-CN&category=hold&channel=phone' },
  { group: 'bundle', path: '/v1/i18n/zh-TW/closing.json' },
  { group: 'bundle', path: '/v1/i18n/zh-CN/hold.json' },
  { group: 'scenario', path: '/v1/scenarios/complaint_handling?locale=zh-Hant' },
  { group: 'conditional', path: '/v1/phrases/closing.anything_else?locale=zh-TW', conditional: true },
  { group: 'conditional', path: '/v1/i18n/zh-Hant/complaint.json', conditional: true },
]
/** Reads whose answer must be a holiday variant (checked before the run). */
const HOLIDAY_READS = new Set([
  '/v1/phrases/closing.standard?locale=zh-CN&at=2027-02-06',
  '/v1/phrases/closing.survey?locale=zh-TW&at=2026-09-25',
  '/v1/phrases/opening.standard?locale=zh-TW&at=2026-10-01',
])

const PEOPLE = {
  editor: { email: 'soak-editor@example.com', password: 'soak-editor-pw', roles: ['editor'] },
  reviewer_a: { email: 'soak-reviewer-a@example.com', password: 'soak-reviewer-a-pw', roles: ['reviewer'] },
  reviewer_b: { email: 'soak-reviewer-b@example.com', password: 'soak-reviewer-b-pw', roles: ['reviewer'] },
} as const
type Person = keyof typeof PEOPLE

/**
 * Two loops, each with its own phrases (no variables, no holiday variants, written in zh-Hant):
 * the editor's changes are approved by reviewer B; reviewer B's own changes (reviewers may edit,
 * which makes them an author of the change) by reviewer A, the other reviewer (four-eyes).
 */
const LOOPS: { name: string; author: Person; approver: Person; keys: string[] }[] = [
  {
    name: 'editor→reviewer B',
    author: 'editor',
    approver: 'reviewer_b',
    keys: ['hold.please_wait', 'complaint.calm_down', 'closing.welcome_again', 'callback.recorded', 'closing.support', 'escalation.agent_request.transfer'],
  },
  {
    name: 'reviewer B→reviewer A',
    author: 'reviewer_b',
    approver: 'reviewer_a',
    keys: ['hold.long_check', 'closing.trust', 'complaint.ask_details', 'callback.contact_method', 'closing.weekend', 'hold.ask_permission'],
  },
]
const PAUSE_MS = [200, 500] as const
const VISIBLE_TIMEOUT_MS = 15_000
const REQUEST_TIMEOUT_MS = 30_000

// ---------------------------------------------------------------------------------------------
// Database
// ---------------------------------------------------------------------------------------------

async function adminQuery(statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  try {
    await client.connect()
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL} (${(error as Error).message}); start it (pg_ctlcluster 15 main start) or set SOAK_POSTGRES_URL.`)
  }
  try {
    for (const statement of statements) await client.query(statement)
  } finally {
    await client.end()
  }
}

/** A new, empty database for the run: test/.tmp/<name>.db, or PostgreSQL database <name>. */
async function freshDatabase(kind: SoakOptions['database'], name: string): Promise<{ url: string; remove: () => Promise<void> }> {
  mkdirSync(TMP, { recursive: true })
  const dataDir = path.join(TMP, `${name}-data`)
  if (kind === 'sqlite') {
    const file = path.join(TMP, `${name}.db`)
    const remove = async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true })
      rmSync(dataDir, { recursive: true, force: true })
    }
    await remove()
    return { url: `file:${file}`, remove }
  }
  const remove = async () => {
    await adminQuery([`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`])
    rmSync(dataDir, { recursive: true, force: true })
  }
  await remove()
  await adminQuery([`CREATE DATABASE ${name}`])
  const url = new URL(POSTGRES_ADMIN_URL)
  url.pathname = `/${name}`
  return { url: url.toString(), remove }
}

// ---------------------------------------------------------------------------------------------
// The server process
// ---------------------------------------------------------------------------------------------

type ServerHandle = {
  url: string
  startMs: number
  child: ChildProcess
  samples: MemorySample[]
  /** Lines the server logged at level error or fatal, with the time seen. */
  errorLines: { t: number; line: string }[]
  /** Set when the process ended before it was asked to. */
  exited: () => string | null
  gc: () => Promise<NodeJS.MemoryUsage>
  finish: () => Promise<Extract<ServerMessage, { type: 'finished' }>>
  stop: () => Promise<void>
  tail: () => string
}

const ERROR_LINE = /\b(ERROR|FATAL)\b|"level":\s*(50|60)\b/

function startServerChild(task: SoakServerTask, startTimeoutMs: number): Promise<ServerHandle> {
  const child = fork(path.join(PROJECT_ROOT, 'bench/soakServer.ts'), [], {
    cwd: PROJECT_ROOT,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, NODE_OPTIONS: '', SOAK_SERVER_TASK: JSON.stringify(task) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  const samples: MemorySample[] = []
  const errorLines: { t: number; line: string }[] = []
  const tail: string[] = []
  let exitedEarly: string | null = null
  let stopping = false
  let nextGc = 0
  const waiting = new Map<number, (memory: NodeJS.MemoryUsage) => void>()
  let finished: ((message: Extract<ServerMessage, { type: 'finished' }>) => void) | undefined

  for (const [label, stream] of [
    ['server', child.stdout!],
    ['server:stderr', child.stderr!],
  ] as const) {
    let buffered = ''
    stream.setEncoding('utf8')
    stream.on('data', (chunk: string) => {
      buffered += chunk
      let at: number
      while ((at = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, at)
        buffered = buffered.slice(at + 1)
        if (!line.trim()) continue
        tail.push(line)
        if (tail.length > 80) tail.shift()
        if (ERROR_LINE.test(line) && errorLines.length < 200) errorLines.push({ t: Date.now(), line: line.slice(0, 500) })
        if (process.env.SOAK_VERBOSE || line.startsWith('[soak]')) console.log(`  [${label}] ${line}`)
      }
    })
  }

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`The server did not get ready within ${startTimeoutMs / 1000} s:\n${tail.join('\n')}`))
    }, startTimeoutMs)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      if (!stopping) {
        exitedEarly = `the server process exited (code ${code}, signal ${signal})`
        reject(new Error(`${exitedEarly}:\n${tail.join('\n')}`))
      }
    })
    child.on('message', (message: ServerMessage) => {
      if (message.type === 'sample') samples.push(message.sample)
      else if (message.type === 'gc') {
        waiting.get(message.id)?.(message.memory)
        waiting.delete(message.id)
      } else if (message.type === 'finished') finished?.(message)
      else if (message.type === 'failed') {
        clearTimeout(timer)
        reject(new Error(`The server failed to start: ${message.message}`))
      } else if (message.type === 'ready') {
        clearTimeout(timer)
        const send = (m: ParentMessage) => child.send(m)
        resolve({
          url: message.url.replace('//localhost:', '//127.0.0.1:'),
          startMs: message.startMs,
          child,
          samples,
          errorLines,
          exited: () => exitedEarly,
          tail: () => tail.join('\n'),
          gc: () =>
            new Promise((done) => {
              const id = nextGc++
              waiting.set(id, done)
              send({ type: 'gc', id })
            }),
          finish: () =>
            new Promise((done) => {
              finished = done
              send({ type: 'finish' })
            }),
          stop: () =>
            new Promise((done) => {
              stopping = true
              if (child.exitCode !== null || child.signalCode !== null) return done()
              child.once('exit', () => done())
              send({ type: 'stop' })
              setTimeout(() => child.kill('SIGKILL'), 20_000).unref()
            }),
        })
      }
    })
  })
}

// ---------------------------------------------------------------------------------------------
// REST as people
// ---------------------------------------------------------------------------------------------

type Reply = { status: number; body: any; text: string; ms: number }

async function call(url: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Reply> {
  const started = performance.now()
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs ?? REQUEST_TIMEOUT_MS) })
  const text = await response.text()
  let body: any = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    body = null
  }
  return { status: response.status, body, text, ms: performance.now() - started }
}

type EditOp = 'read' | 'edit' | 'submit' | 'approve' | 'visible'

/**
 * How an editing step's outcome counts:
 *  - ok: the 2xx the step expects (200 for each of read, edit, submit, approve);
 *  - conflict (not an error): 409 — If-Match found a newer save (`This phrase was changed at …`)
 *    or the workflow says `wrong_state` — what a stale read in a real race legitimately gets. Each
 *    loop owns its phrases and the scheduler has nothing to do with them, so none is expected;
 *    any that happens is reported with its message;
 *  - error: everything else — any 5xx, any other 4xx (403 four_eyes or forbidden, 400, 401, 404,
 *    429), a network error or a timeout ({@link REQUEST_TIMEOUT_MS}), an approval that did not
 *    publish, and a publication /v1 did not serve within {@link VISIBLE_TIMEOUT_MS}.
 */
function classify(status: number): 'ok' | 'conflict' | 'error' {
  if (status >= 200 && status < 300) return 'ok'
  if (status === 409) return 'conflict'
  return 'error'
}

type EditWindow = {
  edits: number
  submits: number
  publishes: number
  visible: number[]
  conflicts: number
  errors: number
  opMs: Record<'edit' | 'submit' | 'approve', number[]>
}
const newEditWindow = (): EditWindow => ({ edits: 0, submits: 0, publishes: 0, visible: [], conflicts: 0, errors: 0, opMs: { edit: [], submit: [], approve: [] } })

type Incident = { t: number; op: EditOp; key: string; who: string; status: number | null; message: string }

// ---------------------------------------------------------------------------------------------
// Reporting helpers
// ---------------------------------------------------------------------------------------------

const MB = 1024 * 1024
const fixed = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits)
const mb = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? 'n/a' : fixed(bytes / MB, 1))
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Least-squares slope of value over time, per minute. */
function slopePerMinute(points: { t: number; value: number }[]): number | null {
  if (points.length < 3) return null
  const t0 = points[0]!.t
  const xs = points.map((p) => (p.t - t0) / 60_000)
  const ys = points.map((p) => p.value)
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length
  const my = ys.reduce((a, b) => a + b, 0) / ys.length
  let num = 0
  let den = 0
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my)
    den += (xs[i]! - mx) ** 2
  }
  return den ? num / den : null
}

const isOkDelivery = (status: number) => (status >= 200 && status < 300) || status === 304
function badDeliveryCount(statuses: Record<string, number>): number {
  return Object.entries(statuses).reduce((sum, [status, count]) => (isOkDelivery(Number(status)) ? sum : sum + count), 0)
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

export type SoakWindowRow = {
  window: number
  fromS: number
  toS: number
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  maxMs: number
  statuses: Record<string, number>
  badResponses: number
  deliveryErrors: number
  edits: number
  submits: number
  publishes: number
  conflicts: number
  editErrors: number
  visibleP50Ms: number | null
  visibleMaxMs: number | null
  rssBytes: number | null
  heapUsedBytes: number | null
  heapAfterMajorGcBytes: number | null
  loopDelayP99Ms: number | null
  gcPauseMs: number
  revision: number | null
  /** The machine's 1-minute load average when the window ended (other processes included). */
  loadAverage: number | null
  groups: Record<string, LatencyFigures>
}

async function soak(options: SoakOptions): Promise<number> {
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, Node ${process.version}`
  const startedIso = new Date().toISOString()
  const name = `soak_${options.database}`
  console.log(
    `Soak: ${options.seconds} s on ${options.database === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${options.connections} connections, ` +
      `rows every ${options.windowSeconds} s (${machine}, ${startedIso.slice(0, 10)})`,
  )

  const database = await freshDatabase(options.database, name)
  const apiKey = `soak-${randomBytes(24).toString('hex')}`
  const task: SoakServerTask = {
    databaseUrl: database.url,
    name,
    secret: randomBytes(32).toString('hex'),
    auditKey: randomBytes(32).toString('hex'),
    apiKey,
    people: Object.values(PEOPLE).map((p) => ({ ...p, roles: [...p.roles] })),
    sampleMs: 2000,
  }
  console.log(`Starting the server (${database.url.replace(/:[^:@/]*@/, ':***@')}), loading the standard library…`)
  const server = await startServerChild(task, 300_000)
  let stopped = false
  const stopServer = async () => {
    if (stopped) return
    stopped = true
    await server.stop()
  }
  try {
    return await runAgainst(server, options, { machine, startedIso, name, apiKey, databaseUrl: database.url })
  } finally {
    await stopServer()
    if (!options.keep) await database.remove().catch((error: Error) => console.log(`(could not remove ${name}: ${error.message})`))
    else console.log(`Kept the database: ${database.url}`)
  }
}

async function runAgainst(
  server: ServerHandle,
  options: SoakOptions,
  run: { machine: string; startedIso: string; name: string; apiKey: string; databaseUrl: string },
): Promise<number> {
  console.log(`Server ready at ${server.url} in ${(server.startMs / 1000).toFixed(1)} s (pid ${server.child.pid})`)
  const agent = { authorization: `api-clients API-Key ${run.apiKey}` }

  // People sign in.
  const tokens = {} as Record<Person, string>
  for (const [person, who] of Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][]) {
    const login = await call(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: who.email, password: who.password }),
    })
    if (login.status !== 200 || !login.body?.token) throw new Error(`${who.email} could not sign in: ${login.status} ${login.text.slice(0, 200)}`)
    tokens[person] = login.body.token
  }
  const as = (person: Person) => ({ authorization: `JWT ${tokens[person]}`, 'content-type': 'application/json' })

  // The phrases the loops edit: their ids and the published zh-Hant text.
  const phrases = new Map<string, { id: number | string; base: string }>()
  for (const loop of LOOPS) {
    for (const key of loop.keys) {
      const found = await call(`${server.url}/api/phrases?where[key][equals]=${encodeURIComponent(key)}&locale=zh-Hant&depth=0&draft=true`, { headers: as(loop.author) })
      const doc = found.body?.docs?.[0]
      if (found.status !== 200 || !doc) throw new Error(`Phrase ${key} not found (${found.status} ${found.text.slice(0, 200)})`)
      if (doc.workflowState !== 'published') throw new Error(`Phrase ${key} is ${doc.workflowState}, not published`)
      phrases.set(key, { id: doc.id, base: String(doc.text) })
    }
  }

  // Every read of the mix answers 200 before the run (and the holiday days pick a variant).
  for (const read of READS) {
    const reply = await call(server.url + read.path, { headers: agent })
    if (reply.status !== 200) throw new Error(`Before the run, GET ${read.path} answered ${reply.status}: ${reply.text.slice(0, 200)}`)
    if (HOLIDAY_READS.has(read.path) && (!reply.body?.variant || reply.body.variant === 'default')) {
      throw new Error(`Before the run, GET ${read.path} served variant ${reply.body?.variant}, not a holiday variant`)
    }
  }
  const groupNames = [...new Set(READS.map((r) => r.group))]
  console.log(`Read mix: ${READS.length} URLs (${groupNames.map((g) => `${READS.filter((r) => r.group === g).length} ${g}`).join(', ')})`)
  if (!options.editing) console.log('Editing: off (--no-editing): the delivery load alone')
  else console.log(`Editing: ${LOOPS.map((l) => `${l.name} over ${l.keys.length} phrases`).join('; ')}; pause ${PAUSE_MS[0]}–${PAUSE_MS[1]} ms`)

  // A settled baseline: a few idle seconds, then the heap after a full GC.
  await sleep(3000)
  const baselineGc = await server.gc()
  console.log(`Baseline after full GC: RSS ${mb(baselineGc.rss)} MB, heap ${mb(baselineGc.heapUsed)} MB`)
  const loadAverageAtStart = os.loadavg()[0]!
  console.log(`Machine load average (1 min, all processes on the machine): ${loadAverageAtStart.toFixed(1)} on ${os.cpus().length} CPUs`)

  // ---- Load ------------------------------------------------------------------------------
  const windowMs = options.windowSeconds * 1000
  const loadTask: LoadTask = {
    url: server.url,
    headers: agent,
    requests: READS,
    connections: options.connections,
    durationSeconds: options.seconds,
    windowMs,
  }
  const apiUrl = import.meta.resolve('tsx/esm/api')
  const loadUrl = new URL('./soakLoad.ts', import.meta.url).href
  const worker = new Worker(
    `import(${JSON.stringify(apiUrl)}).then(({ register }) => { register(); return import(${JSON.stringify(loadUrl)}) })`,
    { eval: true, workerData: { soakLoad: loadTask } },
  )
  const deliveryWindows: WindowFigures[] = []
  let onWindow: (window: WindowFigures) => void = () => {}
  let loadDone: Extract<LoadMessage, { type: 'done' }> | undefined
  const started = new Promise<number>((resolve, reject) => {
    worker.on('error', reject)
    worker.on('message', (message: LoadMessage) => {
      if (message.type === 'started') resolve(message.at)
      else if (message.type === 'window') {
        deliveryWindows.push(message.window)
        onWindow(message.window)
      } else if (message.type === 'done') loadDone = message
    })
  })
  const loadFinished = new Promise<void>((resolve, reject) => {
    worker.on('error', reject)
    worker.on('exit', () => resolve())
  })
  const t0 = await started
  const endAt = t0 + options.seconds * 1000
  const lastWindow = Math.max(0, Math.ceil((options.seconds * 1000) / windowMs) - 1)
  const windowOf = (time: number) => Math.min(lastWindow, Math.max(0, Math.floor((time - t0) / windowMs)))

  // ---- Editing and publishing -------------------------------------------------------------
  const editWindows = Array.from({ length: lastWindow + 1 }, newEditWindow)
  const incidents: Incident[] = []
  const incidentCounts: Record<string, number> = {}
  const visibleAll: number[] = []
  const note = (kind: 'conflict' | 'error', op: EditOp, key: string, who: string, status: number | null, message: string) => {
    const w = editWindows[windowOf(Date.now())]!
    if (kind === 'conflict') w.conflicts++
    else w.errors++
    const label = `${kind}: ${op} ${status ?? 'no answer'}`
    incidentCounts[label] = (incidentCounts[label] ?? 0) + 1
    if (incidents.length < 100) incidents.push({ t: Date.now() - t0, op, key, who, status, message: message.slice(0, 300) })
  }
  const replyMessage = (reply: Reply) => reply.body?.error?.message ?? reply.body?.errors?.[0]?.message ?? reply.text.slice(0, 300)

  /** One step over REST: true when it went as expected. */
  async function step(op: Exclude<EditOp, 'visible'>, key: string, who: Person, url: string, init: RequestInit): Promise<Reply | null> {
    let reply: Reply
    try {
      reply = await call(url, init)
    } catch (error) {
      note('error', op, key, who, null, (error as Error).message)
      return null
    }
    const kind = classify(reply.status)
    if (kind !== 'ok') {
      note(kind, op, key, who, reply.status, replyMessage(reply))
      return null
    }
    if (op !== 'read') editWindows[windowOf(Date.now())]!.opMs[op].push(reply.ms)
    return reply
  }

  /** Reads /v1 until it serves `text` for the key; the time from the approval's answer. */
  async function visibleAfter(key: string, text: string, approvedAt: number, who: Person): Promise<void> {
    const deadline = approvedAt + VISIBLE_TIMEOUT_MS
    let last = ''
    for (;;) {
      try {
        const reply = await call(`${server.url}/v1/phrases/${encodeURIComponent(key)}?locale=zh-Hant`, { headers: agent, timeoutMs: 5000 })
        if (reply.status === 200 && reply.body?.text === text) {
          const ms = performance.now() - approvedAt
          editWindows[windowOf(Date.now())]!.visible.push(ms)
          visibleAll.push(ms)
          return
        }
        last = reply.status === 200 ? `still serving "${String(reply.body?.text).slice(0, 60)}"` : `${reply.status} ${replyMessage(reply)}`
      } catch (error) {
        last = (error as Error).message
      }
      if (performance.now() > deadline) {
        note('error', 'visible', key, who, null, `/v1 did not serve the approved text within ${VISIBLE_TIMEOUT_MS / 1000} s (last: ${last})`)
        return
      }
      await sleep(20)
    }
  }

  let revisionCounter = 0
  async function editingLoop(loop: (typeof LOOPS)[number]): Promise<void> {
    const checks = new Map<string, Promise<void>>()
    let turn = 0
    while (Date.now() < endAt) {
      const key = loop.keys[turn % loop.keys.length]!
      turn++
      // The previous publication of this key must have been checked before it changes again.
      await checks.get(key)
      if (Date.now() >= endAt) break
      const { id, base } = phrases.get(key)!
      const author = as(loop.author)
      const read = await step('read', key, loop.author, `${server.url}/api/phrases/${id}?draft=true&depth=0&locale=zh-Hant`, { headers: author })
      if (read) {
        const text = `${base}（修訂${++revisionCounter}）`
        const edited = await step('edit', key, loop.author, `${server.url}/api/phrases/${id}?locale=zh-Hant&draft=true`, {
          method: 'PATCH',
          headers: { ...author, 'if-match': `"${read.body.updatedAt}"` },
          body: JSON.stringify({ text }),
        })
        if (edited) {
          editWindows[windowOf(Date.now())]!.edits++
          const submitted = await step('submit', key, loop.author, `${server.url}/api/phrases/${id}/submit`, { method: 'POST', headers: author, body: '{}' })
          if (submitted) {
            editWindows[windowOf(Date.now())]!.submits++
            const approved = await step('approve', key, loop.approver, `${server.url}/api/phrases/${id}/approve`, {
              method: 'POST',
              headers: as(loop.approver),
              body: JSON.stringify({ comment: 'soak' }),
            })
            if (approved) {
              const approvedAt = performance.now()
              if (approved.body?.workflowState !== 'published') {
                note('error', 'approve', key, loop.approver, approved.status, `approved but workflowState is ${approved.body?.workflowState}`)
              } else {
                editWindows[windowOf(Date.now())]!.publishes++
                checks.set(key, visibleAfter(key, text, approvedAt, loop.approver))
              }
            }
          }
        }
      }
      await sleep(PAUSE_MS[0] + Math.random() * (PAUSE_MS[1] - PAUSE_MS[0]))
    }
    await Promise.all(checks.values())
  }

  // ---- Per-window report ------------------------------------------------------------------
  const rows: SoakWindowRow[] = []
  const header =
    '| window (s) | /v1 req/s | p50 ms | p99 ms | max ms | non-2xx/304 | errors | edits | publishes | conflicts | visible p50/max ms | server RSS MB | heap MB | loop delay p99 ms | load avg |'
  console.log(`\n${header}\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|`)
  const loadAverages = new Map<number, number>()
  const memoryIn = (index: number) => {
    const from = t0 + index * windowMs
    const to = Math.min(t0 + (index + 1) * windowMs, endAt + 5000)
    return server.samples.filter((s) => s.t >= from && s.t < to)
  }
  const rowOf = (window: WindowFigures): SoakWindowRow => {
    const index = window.index
    const fromS = index * options.windowSeconds
    const toS = Math.min(options.seconds, (index + 1) * options.windowSeconds)
    const edits = editWindows[index] ?? newEditWindow()
    const memory = memoryIn(index)
    const last = memory.at(-1)
    const visible = latencyFigures(edits.visible)
    return {
      window: index,
      fromS,
      toS,
      requestsPerSecond: window.all.count / (toS - fromS),
      p50Ms: window.all.p50,
      p99Ms: window.all.p99,
      maxMs: window.all.max,
      statuses: window.statuses,
      badResponses: badDeliveryCount(window.statuses),
      deliveryErrors: window.errors,
      edits: edits.edits,
      submits: edits.submits,
      publishes: edits.publishes,
      conflicts: edits.conflicts,
      editErrors: edits.errors,
      visibleP50Ms: visible.count ? visible.p50 : null,
      visibleMaxMs: visible.count ? visible.max : null,
      rssBytes: last?.rss ?? null,
      heapUsedBytes: last?.heapUsed ?? null,
      heapAfterMajorGcBytes: last?.heapAfterMajorGc ?? null,
      loopDelayP99Ms: memory.length ? Math.max(...memory.map((s) => s.loopDelayP99Ms)) : null,
      gcPauseMs: memory.reduce((sum, s) => sum + s.gcPauseMs, 0),
      revision: last?.revision ?? null,
      loadAverage: loadAverages.get(index) ?? null,
      groups: window.groups,
    }
  }
  const printRow = (row: SoakWindowRow) =>
    console.log(
      `| ${row.fromS}–${row.toS} | ${fixed(row.requestsPerSecond)} | ${fixed(row.p50Ms, 1)} | ${fixed(row.p99Ms, 1)} | ${fixed(row.maxMs, 0)} | ${row.badResponses} | ` +
        `${row.deliveryErrors + row.editErrors} | ${row.edits} | ${row.publishes} | ${row.conflicts} | ${fixed(row.visibleP50Ms, 0)}/${fixed(row.visibleMaxMs, 0)} | ` +
        `${mb(row.rssBytes)} | ${mb(row.heapUsedBytes)} | ${fixed(row.loopDelayP99Ms, 1)} | ${fixed(row.loadAverage, 1)} |`,
    )
  // A window's row is printed once its delivery figures arrive (just after it ends); the editing
  // steps still in flight at that moment are counted where they finish, so the JSON (built at
  // the end) can hold a step or two more than the printed row.
  onWindow = (window) => {
    loadAverages.set(window.index, os.loadavg()[0]!)
    printRow(rowOf(window))
  }

  // If the server dies mid-run, stop everything and report.
  let crashed: string | null = null
  const crashWatch = new Promise<void>((resolve) => {
    server.child.once('exit', () => {
      if (server.exited()) {
        crashed = server.exited()
        void worker.terminate()
      }
      resolve()
    })
  })
  void crashWatch

  await Promise.all([...(options.editing ? LOOPS.map((loop) => editingLoop(loop)) : []), loadFinished])
  const loadEnd = Date.now()

  // ---- After the load ---------------------------------------------------------------------
  let endGc: NodeJS.MemoryUsage | null = null
  let finished: Extract<ServerMessage, { type: 'finished' }> | null = null
  if (!crashed) {
    await sleep(2500) // one more idle sample
    endGc = await server.gc()
    finished = await server.finish()
  }
  const finalRows = deliveryWindows.map(rowOf)

  const total = loadDone?.total
  const allEdits = editWindows.reduce(
    (sum, w) => ({
      edits: sum.edits + w.edits,
      submits: sum.submits + w.submits,
      publishes: sum.publishes + w.publishes,
      conflicts: sum.conflicts + w.conflicts,
      errors: sum.errors + w.errors,
    }),
    { edits: 0, submits: 0, publishes: 0, conflicts: 0, errors: 0 },
  )
  const opFigures = Object.fromEntries(
    (['edit', 'submit', 'approve'] as const).map((op) => [op, latencyFigures(editWindows.flatMap((w) => w.opMs[op]))]),
  ) as Record<'edit' | 'submit' | 'approve', LatencyFigures>
  const visible = latencyFigures(visibleAll)
  const badResponses = total ? badDeliveryCount(total.statuses) : 0
  const deliveryErrors = total?.errors ?? 0
  const inLoad = server.samples.filter((s) => s.t >= t0 && s.t <= loadEnd)
  const firstSample = inLoad[0]
  const lastSample = inLoad.at(-1)
  const half = inLoad.filter((s) => s.t >= t0 + (loadEnd - t0) / 2)
  const rssSlope = slopePerMinute(inLoad.map((s) => ({ t: s.t, value: s.rss / MB })))
  const heapSlope = slopePerMinute(inLoad.map((s) => ({ t: s.t, value: s.heapUsed / MB })))
  const rssSlopeSecondHalf = slopePerMinute(half.map((s) => ({ t: s.t, value: s.rss / MB })))
  const heapSlopeSecondHalf = slopePerMinute(half.map((s) => ({ t: s.t, value: s.heapUsed / MB })))
  // Only samples with a mark-sweep GC of their own in the interval (a fresh figure).
  const majorGcHeaps = inLoad.filter((s) => s.majorGcs > 0 && s.heapAfterMajorGc !== null)
  const majorGcSlope = slopePerMinute(majorGcHeaps.map((s) => ({ t: s.t, value: s.heapAfterMajorGc! / MB })))
  const serverErrorLines = server.errorLines.filter((e) => e.t >= t0)
  const auditOk = finished ? finished.audit.ok : false
  const errorCount =
    badResponses + deliveryErrors + allEdits.errors + serverErrorLines.length + (crashed ? 1 : 0) + (finished && !auditOk ? 1 : 0) + (loadDone ? 0 : 1)
  const firstRow = finalRows[0]
  const lastRow = finalRows.at(-1)

  // ---- Summary ----------------------------------------------------------------------------
  console.log(`\nTotals (${options.seconds} s, ${options.connections} connections, ${options.database})`)
  console.log('| measure | value |\n|---|---|')
  const line = (what: string, value: string) => console.log(`| ${what} | ${value} |`)
  if (total) {
    line('/v1 requests', `${total.all.count.toLocaleString('en-US')} (${fixed(total.all.count / options.seconds)} req/s)`)
    line('/v1 latency p50 / p90 / p99 / max', `${fixed(total.all.p50, 1)} / ${fixed(total.all.p90, 1)} / ${fixed(total.all.p99, 1)} / ${fixed(total.all.max, 0)} ms`)
    line('/v1 answers by status', Object.entries(total.statuses).map(([s, n]) => `${s}: ${n.toLocaleString('en-US')}`).join(', '))
  }
  line('/v1 non-2xx/304 answers', String(badResponses))
  line('/v1 socket errors / timeouts', `${deliveryErrors}${total && deliveryErrors ? ` (${Object.entries(total.errorMessages).map(([m, n]) => `${m}: ${n}`).join('; ')})` : ''}`)
  line('edits / submits / publishes', `${allEdits.edits} / ${allEdits.submits} / ${allEdits.publishes} (${fixed((allEdits.publishes / options.seconds) * 60)} publishes/min)`)
  line('edit / submit / approve p50 (p99) ms', (['edit', 'submit', 'approve'] as const).map((op) => `${fixed(opFigures[op].p50)} (${fixed(opFigures[op].p99)})`).join(' / '))
  line('publish visible on /v1 after p50 / p99 / max', visible.count ? `${fixed(visible.p50)} / ${fixed(visible.p99)} / ${fixed(visible.max)} ms (${visible.count} publications)` : 'n/a')
  line('conflicts (409, not errors)', String(allEdits.conflicts))
  line('editing errors', String(allEdits.errors))
  line('server error log lines', String(serverErrorLines.length))
  line('audit chain after the run', finished ? `${auditOk ? 'verifies' : 'BROKEN'} (${finished.audit.entries} entries)` : 'not checked')
  line('delivery revision at the end', finished ? String(finished.revision) : 'n/a')
  line('p99 first window → last window', firstRow && lastRow ? `${fixed(firstRow.p99Ms, 1)} → ${fixed(lastRow.p99Ms, 1)} ms` : 'n/a')
  line('server RSS first → last sample', firstSample && lastSample ? `${mb(firstSample.rss)} → ${mb(lastSample.rss)} MB (${fixed(rssSlope, 2)} MB/min; second half ${fixed(rssSlopeSecondHalf, 2)} MB/min)` : 'n/a')
  line('server heapUsed first → last sample', firstSample && lastSample ? `${mb(firstSample.heapUsed)} → ${mb(lastSample.heapUsed)} MB (${fixed(heapSlope, 2)} MB/min; second half ${fixed(heapSlopeSecondHalf, 2)} MB/min)` : 'n/a')
  line('server heap after mark-sweep GC, first → last', majorGcHeaps.length ? `${mb(majorGcHeaps[0]!.heapAfterMajorGc)} → ${mb(majorGcHeaps.at(-1)!.heapAfterMajorGc)} MB (${majorGcHeaps.length} samples${majorGcSlope === null ? '' : `, ${fixed(majorGcSlope, 2)} MB/min`})` : 'n/a')
  if (firstSample?.rssAnon != null && lastSample?.rssAnon != null) {
    line(
      'server RSS anon / file / shmem, first → last sample',
      `${mb(firstSample.rssAnon)} / ${mb(firstSample.rssFile)} / ${mb(firstSample.rssShmem)} → ${mb(lastSample.rssAnon)} / ${mb(lastSample.rssFile)} / ${mb(lastSample.rssShmem)} MB`,
    )
  }
  if (firstSample?.databaseBytes != null && lastSample?.databaseBytes != null) {
    line('SQLite file + WAL, first → last sample', `${mb(firstSample.databaseBytes)} → ${mb(lastSample.databaseBytes)} MB`)
  }
  if (firstSample?.databaseHandles != null && lastSample?.databaseHandles != null) {
    line('open handles on the SQLite file, first → last sample', `${firstSample.databaseHandles} → ${lastSample.databaseHandles}`)
  }
  line('server after forced full GC, before → after the run', endGc ? `RSS ${mb(baselineGc.rss)} → ${mb(endGc.rss)} MB, heap ${mb(baselineGc.heapUsed)} → ${mb(endGc.heapUsed)} MB` : 'n/a')

  if (total) {
    console.log('\nLatency by route group (whole run)')
    console.log('| group | URLs | requests | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|')
    for (const group of groupNames) {
      const g = total.groups[group]
      if (g) console.log(`| ${group} | ${READS.filter((r) => r.group === group).length} | ${g.count.toLocaleString('en-US')} | ${fixed(g.p50, 1)} | ${fixed(g.p99, 1)} | ${fixed(g.max, 0)} |`)
    }
  }
  if (Object.keys(incidentCounts).length) {
    console.log('\nEditing incidents:')
    for (const [label, count] of Object.entries(incidentCounts)) console.log(`  ${label} × ${count}`)
    for (const incident of incidents.slice(0, 10)) {
      console.log(`  at ${(incident.t / 1000).toFixed(1)} s ${incident.op} ${incident.key} as ${incident.who}: ${incident.status ?? 'no answer'} ${incident.message}`)
    }
  }
  if (loadDone?.badSamples.length) {
    console.log('\nNon-2xx/304 /v1 answers (first few):')
    for (const bad of loadDone.badSamples.slice(0, 10)) console.log(`  ${bad.status} ${bad.path}: ${bad.body}`)
  }
  if (serverErrorLines.length) {
    console.log('\nServer error log lines (first few):')
    for (const entry of serverErrorLines.slice(0, 10)) console.log(`  at ${((entry.t - t0) / 1000).toFixed(1)} s: ${entry.line}`)
  }
  if (crashed) console.log(`\nThe server crashed: ${crashed}\n${server.tail()}`)
  if (!loadDone) console.log('\nThe load generator did not report its totals.')

  const pass = errorCount === 0
  console.log(`\nErrors: ${errorCount} → ${pass ? 'PASS' : 'FAIL'}`)

  // ---- JSON -------------------------------------------------------------------------------
  // bench/results/ is not in .gitignore; test/.tmp/ is.
  mkdirSync(TMP, { recursive: true })
  const file = path.join(TMP, `soak-${options.database}-${run.startedIso.replace(/[:.]/g, '-')}.json`)
  writeFileSync(
    file,
    JSON.stringify(
      {
        machine: run.machine,
        startedAt: run.startedIso,
        options,
        database: options.database,
        serverStartMs: server.startMs,
        loadAverage: { start: loadAverageAtStart, end: os.loadavg()[0] },
        reads: READS,
        loops: LOOPS,
        windows: finalRows,
        totals: {
          delivery: total ?? null,
          autocannon: loadDone?.autocannon ?? null,
          badResponses,
          deliveryErrors,
          editing: { ...allEdits, operations: opFigures, visible },
          serverErrorLines: serverErrorLines.length,
          audit: finished?.audit ?? null,
          finalRevision: finished?.revision ?? null,
          errors: errorCount,
          pass,
        },
        p99: { firstWindowMs: firstRow?.p99Ms ?? null, lastWindowMs: lastRow?.p99Ms ?? null },
        memory: {
          baselineAfterGc: baselineGc,
          endAfterGc: endGc,
          first: firstSample ?? null,
          last: lastSample ?? null,
          rssSlopeMBPerMin: rssSlope,
          heapUsedSlopeMBPerMin: heapSlope,
          rssSlopeSecondHalfMBPerMin: rssSlopeSecondHalf,
          heapUsedSlopeSecondHalfMBPerMin: heapSlopeSecondHalf,
          heapAfterMajorGcSlopeMBPerMin: majorGcSlope,
          samples: server.samples,
        },
        incidents,
        incidentCounts,
        badSamples: loadDone?.badSamples ?? [],
        serverErrors: serverErrorLines,
        crashed,
      },
      null,
      2,
    ),
  )
  console.log(`Figures written to ${path.relative(PROJECT_ROOT, file)}`)
  return pass ? 0 : 1
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === THIS_FILE
if (isMain) {
  let code = 2
  try {
    code = await soak(readOptions())
  } catch (error) {
    console.error(`Soak could not run: ${(error as Error).stack ?? error}`)
    code = 2
  }
  process.exit(code)
}
