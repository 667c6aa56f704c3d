import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'

import { isPerson } from '../../../src/access'
import { fieldOf, FLAGGED_FIELDS, type FlaggedField, type PhraseFlag } from '../../../src/conversion/converter'
import { currentConverter } from '../../../src/conversion/currentConverter'
import { convertedScript } from '../../../src/conversion/phraseScript'
import { proposalSource } from '../../../src/conversion/regionalProposals'
import { message, requestLanguage } from '../../../src/delivery/messages'
import { deliveryStoreOf } from '../../../src/delivery/store'
import { resolvePhrase } from '../../../src/delivery/snapshot'
import { isPhraseLocale, isScript, otherScript, PHRASE_LOCALES, type PhraseLocale, type Script, SCRIPTS } from '../../../src/domain/locales'
import { variableCheck } from '../../../src/domain/variableCheck'
import { decideTransition, WORKFLOW_ACTIONS, type WorkflowState } from '../../../src/domain/workflow'
import { currentForbiddenTerms } from '../../../src/lint/currentMatcher'
import { lintPhrase } from '../../../src/lint/reviewGate'
import { preservingRequest } from '../../../src/preservingRequest'
import { runtimeSettings } from '../../../src/runtimeSettings'
import { DeliveryError, phraseBody, readQuery } from '../../../src/delivery/request'
import { errorResponse } from '../../../src/errorResponse'
import { inTransaction } from '../../../src/transaction'
import { saying } from '../../writeIntent'

const MAX_TEXT = 4000
const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, MAX_TEXT) : '')
const signInFirst = () => errorResponse(401, 'unauthorized', 'Sign in to use the phrase workspace.')

/** The latest version of a phrase with every locale, or null. */
function latestVersion(req: PayloadRequest, id: string) {
  return preservingRequest(req, () =>
    req.payload.findByID({ collection: 'phrases', id, draft: true, locale: 'all', depth: 0, overrideAccess: true, disableErrors: true, req }),
  )
}

/**
 * `POST /api/phrases/convert-preview` `{from, title?, text?, agentNotes?, variables?}`: what the
 * other script will be, the converter's doubts, forbidden terms in both, and the variables check,
 * while the editor types (nothing is stored).
 */
export const convertPreviewEndpoint: Endpoint = {
  path: '/convert-preview',
  method: 'post',
  handler: async (req) => {
    if (!isPerson(req.user)) return signInFirst()
    await addDataAndFileToRequest(req)
    const body = (req.data ?? {}) as Record<string, unknown>
    if (!isScript(body.from)) return errorResponse(400, 'invalid_script', '"from" must be zh-Hant or zh-Hans.')
    const source = { title: text(body.title), text: text(body.text), agentNotes: text(body.agentNotes) }
    const to = otherScript(body.from)
    const converted = convertedScript(await currentConverter(req.payload), source, to)
    const terms = await currentForbiddenTerms(req.payload)
    const declared = Array.isArray(body.variables) ? body.variables.filter((name): name is string => typeof name === 'string') : []
    return Response.json({
      from: body.from,
      to,
      converted: { title: converted.title ?? '', text: converted.text ?? '', agentNotes: converted.agentNotes ?? '' },
      ambiguities: converted.ambiguities,
      findings: {
        source: terms.lint(source.text, body.from),
        converted: terms.lint(converted.text ?? '', to),
      },
      variables: variableCheck(source.text, declared),
    })
  },
}

/**
 * `GET /api/phrases/:id/workspace`: the phrase's latest version in both scripts and every
 * region, with the converter's flags and the forbidden terms, and the workflow actions this person may take now,
 * decided by the same rules the workflow endpoints enforce.
 */
export const workspaceEndpoint: Endpoint = {
  path: '/:id/workspace',
  method: 'get',
  handler: async (req) => {
    if (!isPerson(req.user)) return signInFirst()
    const id = String(req.routeParams?.id)
    const latest = await latestVersion(req, id)
    if (!latest) return errorResponse(404, 'not_found', `No phrase ${id}.`)
    const current = await req.payload.findByID({ collection: 'phrases', id, depth: 0, overrideAccess: true, req })
    const live = current._status === 'published' && current.workflowState === 'published'
    const actor = { id: String(req.user!.id), roles: (req.user as { roles?: string[] }).roles ?? [] }
    const actions = WORKFLOW_ACTIONS.filter(
      (action) =>
        decideTransition({
          action,
          state: latest.workflowState as WorkflowState,
          live,
          actor,
          authors: (latest.pendingAuthors as string[] | null) ?? [],
          // Asked "could this person": a reject's comment is the only missing input.
          comment: 'a comment',
          now: new Date(),
        }).ok,
    )
    const localized = latest as unknown as Record<string, Record<string, unknown> | null>
    const flagsOf = (locale: PhraseLocale) => (localized.ambiguities?.[locale] as PhraseFlag[] | null) ?? []
    const textsIn = (locale: PhraseLocale) => ({
      title: localized.title?.[locale] ?? null,
      text: localized.text?.[locale] ?? null,
      machineConverted: Boolean(localized.machineConverted?.[locale]),
      // The text's flags where the workspace marks them in the text; the title's and notes' apart.
      ambiguities: flagsOf(locale).filter((flag) => fieldOf(flag) === 'text'),
      fieldAmbiguities: {
        title: flagsOf(locale).filter((flag) => flag.field === 'title'),
        agentNotes: flagsOf(locale).filter((flag) => flag.field === 'agentNotes'),
      },
    })
    const scripts = Object.fromEntries(SCRIPTS.map((script) => [script, textsIn(script)]))
    // What agents of each served region will receive once approved: exactly these texts.
    const regions = Object.fromEntries(runtimeSettings(req.payload).regions.map((region) => [region, { ...textsIn(region), proposedFrom: proposalSource(region, latest.sourceScript as Script) }]))
    const findings = lintPhrase(await currentForbiddenTerms(req.payload), latest as unknown as Parameters<typeof lintPhrase>[1])
    return Response.json({
      id: latest.id,
      key: latest.key,
      workflowState: latest.workflowState,
      publishAt: latest.publishAt ?? null,
      live,
      sourceScript: latest.sourceScript,
      pendingAuthors: latest.pendingAuthors ?? [],
      actions,
      scripts,
      regions,
      findings,
    })
  },
}

/**
 * `POST /api/phrases/:id/resolve-ambiguity` `{locale, index, choice, field?}`: a person settles one
 * of the converter's flags in a generated script or a region's proposal by choosing a candidate; `field` is the flag's
 * (title, text or agentNotes; the text if not given). The other flags stay for review; the change
 * is a person's edit (audited, counts as authorship for four-eyes).
 */
export const resolveAmbiguityEndpoint: Endpoint = {
  path: '/:id/resolve-ambiguity',
  method: 'post',
  handler: async (req) => {
    if (!isPerson(req.user)) return signInFirst()
    await addDataAndFileToRequest(req)
    const { locale, index, choice, field = 'text' } = (req.data ?? {}) as Record<string, unknown>
    if (!isPhraseLocale(locale)) return errorResponse(400, 'invalid_script', `"locale" must be one of ${PHRASE_LOCALES.join(', ')}.`)
    if (!(FLAGGED_FIELDS as readonly unknown[]).includes(field)) return errorResponse(400, 'invalid_field', `"field" must be one of ${FLAGGED_FIELDS.join(', ')}.`)
    const id = String(req.routeParams?.id)
    const latest = await latestVersion(req, id)
    if (!latest) return errorResponse(404, 'not_found', `No phrase ${id}.`)
    const localized = latest as unknown as Record<string, Record<string, unknown> | null>
    const flags = ((localized.ambiguities?.[locale] as PhraseFlag[] | null) ?? []).slice()
    const flag = flags.find((f) => fieldOf(f) === field && f.index === index)
    if (!flag) return errorResponse(409, 'no_such_flag', `The ${locale} ${String(field)} has no flag at ${String(index)} (it may have been resolved or re-converted).`)
    if (typeof choice !== 'string' || !flag.candidates.includes(choice)) {
      return errorResponse(400, 'invalid_choice', `Choose one of ${flag.candidates.join(' ')} for ${flag.char}.`)
    }
    const current = String(localized[field as FlaggedField]?.[locale] ?? '')
    const end = flag.index + flag.chosen.length
    const updated = current.slice(0, flag.index) + choice + current.slice(end)
    // A candidate of another length moves the flags after it in the same field.
    const shift = choice.length - flag.chosen.length
    const remaining = flags.filter((f) => f !== flag).map((f) => (fieldOf(f) === field && f.index > flag.index ? { ...f, index: f.index + shift } : f))
    await inTransaction(req, () =>
      req.payload.update({
        collection: 'phrases',
        id,
        locale,
        draft: true,
        data: { [field as FlaggedField]: updated, ambiguities: remaining },
        context: saying({ kind: 'settle-flag' }),
        overrideAccess: false,
        user: req.user,
        depth: 0,
        req,
      }),
    )
    return Response.json({ id: latest.id, locale, field, [field as FlaggedField]: updated, ambiguities: remaining })
  },
}

/**
 * `GET /api/phrases/:id/preview?locale=&at=&channel=&vars[name]=`: the phrase as an agent tool
 * would receive it for that locale, day and channel if its latest version were published now
 * (holiday variant chosen, variables rendered), with the same query rules as `/v1`.
 */
export const previewEndpoint: Endpoint = {
  path: '/:id/preview',
  method: 'get',
  handler: async (req) => {
    if (!isPerson(req.user)) return signInFirst()
    const store = deliveryStoreOf(req.payload)
    if (!store) return errorResponse(503, 'delivery_unavailable', 'The delivery snapshot is not running in this process.')
    const id = String(req.routeParams?.id)
    const latest = await latestVersion(req, id)
    if (!latest) return errorResponse(404, 'not_found', `No phrase ${id}.`)
    const snapshot = await store.withPhrase(latest as unknown as Record<string, unknown>)
    const { timezone } = runtimeSettings(req.payload)
    try {
      const query = readQuery(Object.fromEntries(req.searchParams), snapshot, timezone)
      const resolved = resolvePhrase(snapshot, latest.key, query)
      if (!resolved) {
        return errorResponse(404, 'not_served', 'Agents would get nothing for this day and channel (outside its validity or channels).')
      }
      return Response.json({ ...phraseBody(snapshot, resolved.phrase, resolved.variant, query, latest.key), day: query.day })
    } catch (error) {
      if (!(error instanceof DeliveryError)) throw error
      const language = requestLanguage(req)
      return errorResponse(error.status, error.code, message(error.messageKey, language, error.values))
    }
  },
}

export const workspaceEndpoints: Endpoint[] = [convertPreviewEndpoint, workspaceEndpoint, resolveAmbiguityEndpoint, previewEndpoint]
