import type { Endpoint, PayloadRequest } from 'payload'

import { hasRole, isPerson } from '../../../src/access'
import { message, requestLanguage } from '../../../src/delivery/messages'
import { type PhraseVersionRecord, servedVersionAt, textsIn } from '../../../src/domain/asServed'
import { holidaysOn, localDay } from '../../../src/domain/holidays'
import { type DeliveryLocale, regionOf, servedLocales } from '../../../src/domain/locales'
import { runtimeSettings } from '../../../src/runtimeSettings'
import { errorResponse } from '../../../src/errorResponse'

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

const versionsOf = async (req: PayloadRequest, id: number | string) =>
  (
    await req.payload.findVersions({
      collection: 'phrases',
      where: { parent: { equals: id } },
      pagination: false,
      depth: 0,
      locale: 'all',
      overrideAccess: true,
      req,
    })
  ).docs as unknown as PhraseVersionRecord[]

/**
 * `GET /api/phrases/as-served?key=&locale=&at=`: what agents of a region received for a key at an
 * instant (the holiday variant their region kept that day applied), from the versions as they
 * were published, withdrawn and approved. For auditors, reviewers and admins.
 */
export const asServedEndpoint: Endpoint = {
  path: '/as-served',
  method: 'get',
  handler: async (req) => {
    const language = requestLanguage(req)
    const refuse = (status: number, code: string, key: Parameters<typeof message>[0], values: Record<string, unknown> = {}) =>
      errorResponse(status, code, message(key, language, values))
    if (!isPerson(req.user)) return errorResponse(401, 'unauthorized', 'Sign in to ask what agents were served.')
    if (!hasRole(req.user, 'admin', 'reviewer', 'auditor')) return refuse(403, 'forbidden', 'as_served_role')
    const { key, locale, at = new Date().toISOString() } = Object.fromEntries(req.searchParams) as Record<string, string | undefined>
    if (!key || !locale) return refuse(400, 'invalid_query', 'as_served_key')
    const { timezone, defaultTraditional, regions } = runtimeSettings(req.payload)
    const served = servedLocales(regions, defaultTraditional)
    if (!(served as string[]).includes(locale)) return refuse(400, 'unknown_locale', 'unknown_locale', { value: locale, allowed: served.join(', ') })
    const time = ISO_INSTANT.test(at) ? Date.parse(at) : NaN
    if (Number.isNaN(time)) return refuse(400, 'invalid_at', 'as_served_at', { value: at })

    const { docs } = await req.payload.find({ collection: 'phrases', where: { key: { equals: key } }, limit: 1, depth: 0, overrideAccess: true, req })
    const phrase = docs[0]
    if (!phrase) return refuse(404, 'not_found', 'phrase_key_not_found', { key })
    const region = regionOf(locale as DeliveryLocale, defaultTraditional)
    // The variants of the holidays the region kept that day come first, as /v1 chose them then.
    const [holidays, variants] = await Promise.all([
      req.payload.find({ collection: 'holidays', pagination: false, depth: 0, overrideAccess: true, req }),
      req.payload.find({ collection: 'phrases', where: { variantOf: { equals: phrase.id } }, pagination: false, depth: 0, overrideAccess: true, req }),
    ])
    const codeOf = new Map(holidays.docs.map((holiday) => [holiday.id, holiday.code]))
    const candidates = holidaysOn(localDay(new Date(time), timezone), holidays.docs, region)
      .flatMap((code) => variants.docs.filter((variant) => codeOf.get(variant.holiday as number) === code))
      .concat(phrase)
    for (const candidate of candidates) {
      const served = servedVersionAt(await versionsOf(req, candidate.id), time)
      const texts = served && textsIn(served, region)
      if (!served || !texts) continue
      // The entry that put this version before agents: the last publish, or approval that published, by then.
      const audit = await req.payload.find({
        collection: 'audit-log',
        where: { and: [{ documentId: { equals: String(candidate.id) } }, { action: { in: ['approve', 'publish'] } }, { at: { less_than_equal: new Date(time).toISOString() } }] },
        sort: '-sequence',
        limit: 20,
        depth: 0,
        overrideAccess: true,
        req,
      })
      const entry = (audit.docs as { sequence?: number; at?: string; action?: string; after?: { workflowState?: string } | null }[]).find(
        (doc) => doc.action === 'publish' || doc.after?.workflowState === 'published',
      )
      return Response.json({
        key,
        locale,
        region,
        at: new Date(time).toISOString(),
        served: true,
        variantKey: candidate.key,
        ...texts,
        version: served.id,
        approvedBy: served.version.approvedBy ?? null,
        approvedAt: entry?.at ?? served.updatedAt,
        auditSequence: entry?.sequence ?? null,
      })
    }
    return Response.json({ key, locale, region, at: new Date(time).toISOString(), served: false })
  },
}
