import { parentPort, workerData } from 'node:worker_threads'

import type autocannon from 'autocannon'

/**
 * The delivery load of `npm run soak` (bench/soak.ts), in a worker thread of the soak process so
 * the load generator has its own event loop and the editing loops and the report keep theirs.
 * autocannon sends `connections` keep-alive connections for `durationSeconds`; each connection
 * goes round `requests` in turn. Every response is put in the window it completed in
 * (`windowMs` from the start), by route group; a window's figures are posted once it is over, the
 * totals at the end.
 */

export type LoadRequest = {
  path: string
  group: string
  /** Send If-None-Match with the ETag this connection last got for this path (an agent's cache). */
  conditional?: boolean
}

export type LoadTask = {
  url: string
  headers: Record<string, string>
  requests: LoadRequest[]
  connections: number
  durationSeconds: number
  windowMs: number
}

export type LatencyFigures = { count: number; p50: number; p90: number; p99: number; max: number; mean: number }

export type WindowFigures = {
  index: number
  /** Responses by status code. */
  statuses: Record<string, number>
  all: LatencyFigures
  groups: Record<string, LatencyFigures>
  /** Socket errors and timeouts (no response at all). */
  errors: number
  errorMessages: Record<string, number>
}

export type LoadMessage =
  | { type: 'started'; at: number }
  | { type: 'window'; window: WindowFigures }
  | {
      type: 'done'
      total: WindowFigures
      autocannon: { requests: number; averageRequestsPerSecond: number; non2xx: number; errors: number; timeouts: number; resets: number; statusCodeStats: Record<string, { count: number }> }
      /** A few non-2xx/304 answers, with their bodies, to say what went wrong. */
      badSamples: { status: number; path: string; body: string }[]
    }

export function latencyFigures(values: Float64Array | number[]): LatencyFigures {
  const sorted = Float64Array.from(values).sort()
  const count = sorted.length
  if (count === 0) return { count: 0, p50: 0, p90: 0, p99: 0, max: 0, mean: 0 }
  const at = (q: number) => sorted[Math.min(count - 1, Math.ceil(q * count) - 1)]!
  let sum = 0
  for (const value of sorted) sum += value
  return { count, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted[count - 1]!, mean: sum / count }
}

/** A growable Float64Array (millions of latencies without the cost of a JS array of numbers). */
class Samples {
  private data = new Float64Array(4096)
  length = 0
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2)
      bigger.set(this.data)
      this.data = bigger
    }
    this.data[this.length++] = value
  }
  view(): Float64Array {
    return this.data.subarray(0, this.length)
  }
}

type Bucket = { statuses: Record<string, number>; groups: Map<string, Samples>; errors: number; errorMessages: Record<string, number> }

const newBucket = (): Bucket => ({ statuses: {}, groups: new Map(), errors: 0, errorMessages: {} })

function figuresOf(index: number, bucket: Bucket): WindowFigures {
  const groups: Record<string, LatencyFigures> = {}
  let total = 0
  for (const [group, samples] of bucket.groups) {
    groups[group] = latencyFigures(samples.view())
    total += samples.length
  }
  const all = new Float64Array(total)
  let at = 0
  for (const samples of bucket.groups.values()) {
    all.set(samples.view(), at)
    at += samples.length
  }
  return { index, statuses: bucket.statuses, all: latencyFigures(all), groups, errors: bucket.errors, errorMessages: bucket.errorMessages }
}

async function run(task: LoadTask): Promise<void> {
  const { default: autocannonRun } = await import('autocannon')
  const post = (message: LoadMessage) => parentPort!.postMessage(message)

  const windows = new Map<number, Bucket>()
  const total = newBucket()
  const badSamples: { status: number; path: string; body: string }[] = []
  let startedAt = 0
  let posted = -1
  const lastWindow = Math.max(0, Math.ceil((task.durationSeconds * 1000) / task.windowMs) - 1)
  const windowOf = (time: number) => Math.min(lastWindow, Math.max(0, Math.floor((time - startedAt) / task.windowMs)))
  const bucketOf = (index: number) => {
    let bucket = windows.get(index)
    if (!bucket) windows.set(index, (bucket = newBucket()))
    return bucket
  }

  // onResponse runs synchronously just before the instance's 'response' event for the same
  // request: it says which route group the latency belongs to.
  let lastGroup = ''
  // The ETag last served for each conditional path, shared by the connections like an agents'
  // shared cache (autocannon clears a connection's own context each time it goes round the list).
  const etags = new Map<string, string>()
  const requests: autocannon.Request[] = task.requests.map((request) => ({
    method: 'GET',
    path: request.path,
    ...(request.conditional
      ? {
          setupRequest: (req: autocannon.Request) => {
            const etag = etags.get(request.path)
            return etag ? { ...req, headers: { ...req.headers, 'if-none-match': etag } } : req
          },
        }
      : {}),
    onResponse: (status: number, body: string, _context: object, headers: autocannon.Request['headers']) => {
      lastGroup = request.group
      if (request.conditional && status === 200 && headers) {
        // Raw header names, as the server wrote them ("ETag").
        const etag = headers.ETag ?? headers.etag
        if (typeof etag === 'string') etags.set(request.path, etag)
      }
      if (!(status >= 200 && status < 300) && status !== 304 && badSamples.length < 20) {
        badSamples.push({ status, path: request.path, body: String(body).slice(0, 300) })
      }
    },
  }))

  let settle: { resolve: (result: autocannon.Result) => void; reject: (error: unknown) => void } | undefined
  const finished = new Promise<autocannon.Result>((resolve, reject) => (settle = { resolve, reject }))
  const instance = autocannonRun(
    {
      url: task.url,
      connections: task.connections,
      duration: task.durationSeconds,
      headers: task.headers,
      requests,
      // Latencies of every answer, not only 2xx, in autocannon's own figures too.
      excludeErrorStats: false,
    } as autocannon.Options,
    (error, result) => (error ? settle!.reject(error) : settle!.resolve(result)),
  )
  startedAt = Date.now()
  post({ type: 'started', at: startedAt })

  const record = (bucket: Bucket, status: number, latency: number) => {
    bucket.statuses[status] = (bucket.statuses[status] ?? 0) + 1
    let samples = bucket.groups.get(lastGroup)
    if (!samples) bucket.groups.set(lastGroup, (samples = new Samples()))
    samples.push(latency)
  }
  instance.on('response', (_client: unknown, status: number, _bytes: number, latency: number) => {
    record(bucketOf(windowOf(Date.now())), status, latency)
    record(total, status, latency)
  })
  instance.on('reqError', (error: Error) => {
    for (const bucket of [bucketOf(windowOf(Date.now())), total]) {
      bucket.errors++
      bucket.errorMessages[error.message] = (bucket.errorMessages[error.message] ?? 0) + 1
    }
  })

  const flush = (upTo: number) => {
    for (let index = posted + 1; index <= upTo; index++) {
      post({ type: 'window', window: figuresOf(index, windows.get(index) ?? newBucket()) })
      windows.delete(index)
      posted = index
    }
  }
  const timer = setInterval(() => flush(windowOf(Date.now()) - 1), 250)

  const result = await finished
  clearInterval(timer)
  flush(lastWindow)
  post({
    type: 'done',
    total: figuresOf(-1, total),
    autocannon: {
      requests: result.requests.total,
      averageRequestsPerSecond: result.requests.average,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      resets: (result as unknown as { resets?: number }).resets ?? 0,
      statusCodeStats: (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {},
    },
    badSamples,
  })
}

if (parentPort && workerData?.soakLoad) {
  run(workerData.soakLoad as LoadTask).catch((error: Error) => {
    throw error
  })
}
