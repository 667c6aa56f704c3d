import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'

import { isPerson } from '../../../src/access'
import { actorOf } from '../../../src/audit/actor'
import { isStorableId } from '../../../src/domain/documentIds'
import { decideTransition, type WorkflowState } from '../../../src/domain/workflow'
import { currentForbiddenTerms } from '../../../src/lint/currentMatcher'
import { approvedTexts, flagRefusal, lintPhrase, lintRefusal, type LocatedFinding, openRegionFlags } from '../../../src/lint/reviewGate'
import { preservingRequest } from '../../../src/preservingRequest'
import { runtimeSettings } from '../../../src/runtimeSettings'
import { errorResponse } from '../../../src/errorResponse'
import { inTransaction, lockForUpdate } from '../../../src/transaction'
import { listedFindings, said } from '../refusals'
import { type TransitionWrite, writeTransition } from '../transition'

type Body = { comment?: unknown; publishAt?: unknown; version?: unknown; acknowledgeWarnings?: unknown }

const trimmed = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null)

/** The phrase as the workflow sees it: its latest version and whether agents are served it now. */
async function loadPhrase(req: PayloadRequest, id: string) {
  const latest = await req.payload.findByID({ collection: 'phrases', id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req })
  if (!latest) return null
  const current = await req.payload.findByID({ collection: 'phrases', id, depth: 0, overrideAccess: true, req })
  return { latest, live: current._status === 'published' && current.workflowState === 'published' }
}

/**
 * The start of every workflow endpoint: a signed-in person, the JSON body, the phrase, and the
 * workflow rules' decision. Returns the refusal as a Response, or what to write.
 *
 * Call it inside the transaction that writes the decision: it locks the phrase first, so a
 * decision racing this one (in this process or another) waits for that one to commit, then
 * decides on what it wrote, instead of both deciding on the state they read before either wrote.
 */
export async function decide(req: PayloadRequest, action: 'submit' | 'approve' | 'reject' | 'retire' | 'restore') {
  if (!isPerson(req.user)) return errorResponse(401, 'unauthorized', said(req, 'sign_in_for_review'))
  await addDataAndFileToRequest(req)
  const id = String(req.routeParams?.id)
  if (!isStorableId(id, req.payload.db.defaultIDType)) return errorResponse(404, 'not_found', said(req, 'phrase_id_not_found', { id }))
  await lockForUpdate(req, 'phrases', id)
  const phrase = await loadPhrase(req, id)
  if (!phrase) return errorResponse(404, 'not_found', said(req, 'phrase_id_not_found', { id }))
  const body = (req.data ?? {}) as Body
  const decision = decideTransition({
    action,
    state: phrase.latest.workflowState as WorkflowState,
    live: phrase.live,
    actor: { id: String(req.user!.id), roles: (req.user as { roles?: string[] }).roles ?? [] },
    authors: (phrase.latest.pendingAuthors as string[] | null) ?? [],
    comment: body.comment,
    publishAt: body.publishAt,
    now: new Date(),
  })
  if (!decision.ok) return errorResponse(decision.status, decision.code, said(req, decision.messageKey, decision.values))
  return { phrase: phrase.latest, decision, body }
}

/** The phrase's latest version with every locale. */
function latestWithLocales(req: PayloadRequest, id: number | string) {
  // A read with locale 'all' leaves req in that locale: the transition's write must not inherit it.
  return preservingRequest(req, () => req.payload.findByID({ collection: 'phrases', id, draft: true, locale: 'all', depth: 0, overrideAccess: true, req }))
}

type LatestVersion = Awaited<ReturnType<typeof latestWithLocales>>

/** The forbidden terms in a version read with every locale. */
async function findingsIn(req: PayloadRequest, version: LatestVersion): Promise<LocatedFinding[]> {
  return lintPhrase(await currentForbiddenTerms(req.payload), version as unknown as Parameters<typeof lintPhrase>[1])
}

/** The forbidden terms in the phrase's latest version, every locale. */
export async function findingsOf(req: PayloadRequest, id: number | string): Promise<LocatedFinding[]> {
  return findingsIn(req, await latestWithLocales(req, id))
}

/**
 * What an approval records: the exact texts of every region, and the open flags the reviewer
 * acknowledged; or the refusal when flags are open and not acknowledged.
 */
function regionalApproval(req: PayloadRequest, latest: LatestVersion, acknowledged: unknown): Response | Record<string, unknown> {
  const version = latest as unknown as Parameters<typeof approvedTexts>[0] & { ambiguities?: unknown }
  const { regions } = runtimeSettings(req.payload)
  const flags = openRegionFlags(version, regions)
  const refusal = flagRefusal(flags, acknowledged)
  if (refusal) {
    const listed = flags
      .map(({ locale, field, index, char, candidates }) => said(req, 'region_flag', { locale, field, index, char, candidates: candidates.join('/') }))
      .join(said(req, 'list_separator'))
    return errorResponse(refusal.status, refusal.code, said(req, refusal.messageKey, { flags: listed }), { flags })
  }
  return { approvedTexts: approvedTexts(version, regions), ...(flags.length ? { acknowledgedFlags: flags } : {}) }
}

function transition(action: 'submit' | 'approve' | 'reject' | 'retire'): Endpoint {
  return {
    path: `/:id/${action}`,
    method: 'post',
    // Decided and written in one transaction: see `decide`.
    handler: (req) => inTransaction(req, () => decideAndWrite(req, action)),
  }
}

async function decideAndWrite(req: PayloadRequest, action: 'submit' | 'approve' | 'reject' | 'retire'): Promise<Response> {
  const decided = await decide(req, action)
  if (decided instanceof Response) return decided
  const { phrase, decision, body } = decided
  let acknowledged: string[] = []
  // Read once: the forbidden terms and the regions' texts are checked in the same version.
  let version: LatestVersion | null = null
  if (action === 'submit' || action === 'approve') {
    version = await latestWithLocales(req, phrase.id)
    const findings = await findingsIn(req, version)
    const refusal = lintRefusal(action, findings, body.acknowledgeWarnings)
    if (refusal) {
      const text = said(req, refusal.messageKey, { findings: listedFindings(req, refusal.findings) })
      return errorResponse(refusal.status, refusal.code, text, { findings: refusal.findings })
    }
    acknowledged = [...new Set(findings.map((f) => f.term))]
  }
  const reviewer = actorOf(req.user).actorLabel
  const write: TransitionWrite = { action, next: decision.next, comment: trimmed(body.comment) }
  if (action === 'approve') {
    const regional = regionalApproval(req, version!, body.acknowledgeWarnings)
    if (regional instanceof Response) return regional
    Object.assign(write, { approvedBy: reviewer, publishAt: decision.publishAt, publish: decision.next === 'published' })
    write.details = { ...(acknowledged.length ? { acknowledgedWarnings: acknowledged } : {}), ...regional }
  }
  if (action === 'retire') write.unpublish = true
  await writeTransition(req, phrase, write)
  return Response.json({
    id: phrase.id,
    key: phrase.key,
    workflowState: decision.next,
    ...(decision.publishAt ? { publishAt: decision.publishAt.toISOString() } : {}),
  })
}

/** `POST /api/phrases/:id/submit | approve | reject | retire` (JSON body `{comment?, publishAt?}`). */
export const workflowEndpoints: Endpoint[] = (['submit', 'approve', 'reject', 'retire'] as const).map(transition)
