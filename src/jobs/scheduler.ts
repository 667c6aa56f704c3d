import { createLocalReq, type Payload } from 'payload'

import { type TransitionWrite, writeTransition } from '../../collections/Phrases/transition'
import { inTransaction } from '../transaction'

/** A failed job is tried this many times in all (once per scheduler pass), then left to people. */
export const MAX_ATTEMPTS = 3
/** A run still "running" after this long died with its server process. */
export const INTERRUPTED_AFTER_MS = 10 * 60_000

type DueJob = {
  job: 'publish' | 'expire'
  phrase: { id: number | string; key: string; workflowState: string; approvedBy?: string | null }
  dueAt: string
}

export type SchedulerReport = { published: string[]; expired: string[]; failed: string[] }

/** Approved phrases whose `publishAt` has come (their latest version is the approved one). */
async function duePublications(payload: Payload, now: Date): Promise<DueJob[]> {
  const { docs } = await payload.find({
    collection: 'phrases',
    draft: true,
    where: { workflowState: { equals: 'approved' }, publishAt: { less_than_equal: now.toISOString() } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs.map((phrase) => ({ job: 'publish', phrase, dueAt: phrase.publishAt! }))
}

/** Published phrases past their `validUntil` (a holiday greeting after the holiday). */
async function dueExpiries(payload: Payload, now: Date): Promise<DueJob[]> {
  const { docs } = await payload.find({
    collection: 'phrases',
    where: {
      _status: { equals: 'published' },
      workflowState: { equals: 'published' },
      validUntil: { less_than_equal: now.toISOString() },
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs.map((phrase) => ({ job: 'expire', phrase, dueAt: phrase.validUntil! }))
}

const writeFor = (due: DueJob): TransitionWrite =>
  due.job === 'publish'
    ? { action: 'publish', next: 'published', publish: true, approvedBy: due.phrase.approvedBy ?? null, summary: `${due.phrase.key}: published as scheduled (${due.dueAt})` }
    : { action: 'expire', next: 'retired', unpublish: true, summary: `${due.phrase.key}: expired (valid until ${due.dueAt})` }

/** Runs still marked running long after they started: their process died; say so. */
async function markInterruptedRuns(payload: Payload): Promise<void> {
  const now = new Date()
  const { docs } = await payload.find({
    collection: 'scheduled-runs',
    where: { status: { equals: 'running' }, startedAt: { less_than: new Date(now.getTime() - INTERRUPTED_AFTER_MS).toISOString() } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  for (const run of docs) {
    await payload.update({
      collection: 'scheduled-runs',
      id: run.id,
      data: { status: 'failed', error: 'Interrupted: the server stopped during the run.', finishedAt: now.toISOString() },
      overrideAccess: true,
    })
  }
}

/**
 * Runs one due job at most once across every server process: the unique claim of this attempt
 * decides who runs it, and the phrase's transition, its audit entry and the run's success
 * commit together. A failure is kept with its error and retried on a later pass.
 */
async function runOnce(payload: Payload, due: DueJob, report: SchedulerReport): Promise<void> {
  const { docs: earlier } = await payload.find({
    collection: 'scheduled-runs',
    where: { job: { equals: due.job }, phrase: { equals: due.phrase.id }, dueAt: { equals: due.dueAt } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  if (earlier.some((run) => run.status !== 'failed') || earlier.length >= MAX_ATTEMPTS) return
  const attempt = earlier.length + 1
  let runId: number | string
  try {
    const run = await payload.create({
      collection: 'scheduled-runs',
      data: {
        job: due.job,
        phrase: due.phrase.id as number,
        phraseKey: due.phrase.key,
        dueAt: due.dueAt,
        attempt,
        claim: `${due.job}:${due.phrase.id}:${due.dueAt}:${attempt}`,
        status: 'running',
        startedAt: new Date().toISOString(),
      },
      depth: 0,
      overrideAccess: true,
    })
    runId = run.id
  } catch {
    return // another process claimed this attempt
  }
  const req = await createLocalReq({}, payload)
  try {
    await inTransaction(req, async () => {
      await writeTransition(req, due.phrase, writeFor(due))
      await payload.update({
        collection: 'scheduled-runs',
        id: runId,
        data: { status: 'succeeded', finishedAt: new Date().toISOString() },
        overrideAccess: true,
        req,
      })
    })
    report[due.job === 'publish' ? 'published' : 'expired'].push(due.phrase.key)
  } catch (error) {
    report.failed.push(due.phrase.key)
    payload.logger.error({ err: error }, `Scheduled ${due.job} of ${due.phrase.key} failed (attempt ${attempt})`)
    await payload.update({
      collection: 'scheduled-runs',
      id: runId,
      data: { status: 'failed', error: describeFailure(error), finishedAt: new Date().toISOString() },
      overrideAccess: true,
    })
  }
}

/** The error as admins should read it: a validation error names each field and its problem. */
function describeFailure(error: unknown): string {
  const { message, data } = error as { message?: string; data?: { errors?: { path?: string; message?: string }[] } }
  const fields = data?.errors?.map((field) => `${field.path}: ${field.message}`) ?? []
  return [message || String(error), ...fields].join(' — ')
}

/** One pass: publishes what is due, expires what is past its validity. */
export async function runDueJobs(payload: Payload, now = new Date()): Promise<SchedulerReport> {
  const report: SchedulerReport = { published: [], expired: [], failed: [] }
  await markInterruptedRuns(payload)
  for (const due of [...(await duePublications(payload, now)), ...(await dueExpiries(payload, now))]) {
    await runOnce(payload, due, report)
  }
  return report
}

/**
 * Runs `runDueJobs` now (catching up after a restart: the schedule lives in the database) and
 * every `intervalMs` after. Returns a stop function that waits for a pass in progress.
 */
export function startScheduler(payload: Payload, intervalMs: number): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve()
  const pass = () => {
    running = running.then(() => runDueJobs(payload)).catch((error) => payload.logger.error({ err: error }, 'Scheduler pass failed'))
  }
  pass()
  const timer = setInterval(pass, intervalMs)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await running
  }
}
