import express, { type NextFunction, type Request, type Response, type Router } from 'express'
import type { Payload } from 'payload'

import type { MessageKey } from '../delivery/messages'
import { openApiDocument } from '../delivery/openapi'
import type { PhraseSearch } from '../delivery/search'
import { type PhraseSuggest, readSuggestRequest, suggestPhrases } from '../delivery/suggest'
import { isDeliveryLocale } from '../delivery/snapshot'
import type { DeliveryStore } from '../delivery/store'
import { CHANNELS, DELIVERY_LOCALES } from '../domain/locales'
import { isUsageOutcome, USAGE_OUTCOMES } from '../domain/usageOutcomes'
import { scriptOf } from '../conversion/targets'
import { currentForbiddenTerms } from '../lint/currentMatcher'
import { parsedDeliveryBody } from './apiRequests'
import { convertRoute, MAX_CONVERT_CHARACTERS } from './convertRoute'
import { type CredentialCache, type Principal } from './credentials'
import { DeliveryError, one } from '../delivery/request'
import { addDeliveryRoutes, checkedCursor, guarded, type ResponseCache, sendDeliveryError } from './deliveryRoutes'
import type { DeliveryEvents } from './events'
import type { UsageRecorder } from './usage'

declare module 'express-serve-static-core' {
  interface Request {
    /** The API client or person the request is authenticated as (see `authenticate`). */
    principal?: Principal
  }
}

/** Agent tools authenticate with an API client key or a signed-in person's token; anything else is 401. */
function authenticate(credentials: CredentialCache) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const principal = await credentials.principalOf(req.headers)
    if (!principal) {
      sendDeliveryError(req, res, new DeliveryError(401, 'unauthorized', 'unauthorized'))
      return
    }
    req.principal = principal
    next()
  }
}

/** A 400 `invalid_body`, told in the caller's language. */
const invalidBody = (req: Request, res: Response) => (messageKey: MessageKey, values: Record<string, string> = {}) =>
  sendDeliveryError(req, res, new DeliveryError(400, 'invalid_body', messageKey, values))

/** `POST /v1/usage {key, locale, channel, outcome?}` → 202: an agent used a published phrase (and what became of it). */
function usageRoute(store: DeliveryStore, usage: UsageRecorder) {
  return (req: Request, res: Response) => {
    const { key, locale, channel, outcome = null } = (req.body ?? {}) as Record<string, unknown>
    const invalid = invalidBody(req, res)
    if (typeof key !== 'string' || !key) return invalid('usage_body')
    if (!isDeliveryLocale(locale)) return invalid('body_locale', { allowed: DELIVERY_LOCALES.join(', ') })
    if (typeof channel !== 'string' || !(CHANNELS as readonly string[]).includes(channel)) return invalid('body_channel', { allowed: CHANNELS.join(', ') })
    if (outcome !== null && !isUsageOutcome(outcome)) return invalid('body_outcome', { allowed: USAGE_OUTCOMES.join(', ') })
    const phrase = store.snapshot.phrases.get(key)
    if (!phrase) return sendDeliveryError(req, res, new DeliveryError(404, 'not_found', 'phrase_not_found', { key }))
    const principal = req.principal!
    usage.record({
      key,
      locale,
      channel,
      outcome,
      clientKind: principal.collection === 'api-clients' ? 'api-client' : 'user',
      clientId: String(principal.id),
      clientName: principal.name ?? null,
    }, phrase.variantOf ?? key)
    res.status(202).json({ accepted: true })
  }
}

/** `POST /v1/suggest {utterance, locale, scenario?, limit?}` → the approved phrases that fit what the customer said. */
function suggestRoute(store: DeliveryStore, suggest: PhraseSuggest, timeZone: string) {
  return guarded((req, res) => {
    const snapshot = store.snapshot
    res.json(suggestPhrases(snapshot, suggest, readSuggestRequest(req.body, snapshot, timeZone)))
  })
}

/**
 * `POST /v1/lint {text, locale?}` → `{ok, findings}`: chat consoles check a reply before it is
 * sent. `ok` is false when a `block` term is in it; suggestions come in the locale's script.
 */
function lintRoute(payload: Payload) {
  return async (req: Request, res: Response) => {
    const { text, locale = 'zh-Hant' } = (req.body ?? {}) as Record<string, unknown>
    const invalid = invalidBody(req, res)
    if (typeof text !== 'string') return invalid('lint_body')
    if (!isDeliveryLocale(locale)) return invalid('body_locale', { allowed: DELIVERY_LOCALES.join(', ') })
    if (text.length > MAX_CONVERT_CHARACTERS) {
      return sendDeliveryError(req, res, new DeliveryError(413, 'text_too_long', 'text_too_long', { length: text.length, max: MAX_CONVERT_CHARACTERS }))
    }
    const findings = (await currentForbiddenTerms(payload)).lint(text, scriptOf(locale))
    res.json({ ok: !findings.some((finding) => finding.severity === 'block'), findings })
  }
}

/**
 * `GET /v1/events[?since=N]`: the change stream (see DeliveryEvents). A reconnecting EventSource's
 * `Last-Event-ID` wins over `since` (the address it reconnects to is the first one); with
 * neither, the stream starts at the current revision.
 */
function eventsRoute(store: DeliveryStore, events: DeliveryEvents) {
  return async (req: Request, res: Response) => {
    const given = one(req.headers['last-event-id']) ?? one((req.query as Record<string, unknown>).since)
    try {
      const since = given === undefined ? store.snapshot.revision : await checkedCursor(given, store)
      await events.open(req, res, since)
    } catch (error) {
      if (!(error instanceof DeliveryError)) throw error
      sendDeliveryError(req, res, error)
    }
  }
}

export type DeliveryParts = {
  store: DeliveryStore
  usage: UsageRecorder
  responses: ResponseCache
  credentials: CredentialCache
  events: DeliveryEvents
  search: PhraseSearch
  suggest: PhraseSuggest
  timeZone: string
}

/** The delivery API for agent tools (docs/contract.md "Delivery API"). */
export function v1Router(payload: Payload, { store, usage, responses, credentials, events, search, suggest, timeZone }: DeliveryParts): Router {
  const router = express.Router()
  const openApi = JSON.stringify(openApiDocument())
  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(openApi)
  })
  router.use(authenticate(credentials))
  router.use(parsedDeliveryBody)
  router.get('/', (_req, res) => {
    res.json({ name: 'Phrasebook CMS delivery API', version: 1 })
  })
  addDeliveryRoutes(router, payload, store, search, responses, timeZone)
  router.post('/convert', convertRoute(payload))
  router.post('/lint', lintRoute(payload))
  router.post('/suggest', suggestRoute(store, suggest, timeZone))
  router.post('/usage', usageRoute(store, usage))
  router.get('/events', eventsRoute(store, events))
  router.use((req, res) =>
    sendDeliveryError(req, res, new DeliveryError(404, 'not_found', 'route_not_found', { method: req.method, path: `${req.baseUrl}${req.path}` })),
  )
  return router
}
