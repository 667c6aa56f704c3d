import { APIError, type CollectionBeforeDeleteHook } from 'payload'

import { PHRASE_TEXT_FIELDS } from '../../../src/domain/locales'
import { DIFFED_SHARED_FIELDS } from '../../../src/domain/phraseDiff'
import { inUseRefusal } from '../../../src/domain/phraseUses'
import { auditDeletion } from '../../hooks/auditDeletion'

const RECORDED_FIELDS = ['workflowState', 'publishAt', ...PHRASE_TEXT_FIELDS, ...DIFFED_SHARED_FIELDS] as const

/** Where the phrase's last content waits for its audit entry, per phrase (a bulk delete has many). */
const lastContent = (id: unknown) => `deletedPhrase:${String(id)}`

const keysOf = (...results: { docs: { key?: unknown }[] }[]) => [...new Set(results.flatMap(({ docs }) => docs.map((doc) => String(doc.key))))].sort()

/**
 * A phrase a scenario uses, or the base of holiday variants, is not deleted (409 `in_use`, naming
 * them, in the caller's language): the scenario's step would fail, the variant would stay served
 * by key with no base. Otherwise its last content (both scripts, the latest version) is kept for
 * the audit entry written once it is gone.
 */
export const refuseDeletingUsedPhrase: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const common = { depth: 0, pagination: false, overrideAccess: true, req } as const
  const phrase = await req.payload.findByID({ collection: 'phrases', id, draft: true, locale: 'all', depth: 0, overrideAccess: true, req })
  // One query after the other: they share the request's transaction.
  const scenarios = await req.payload.find({ collection: 'scenarios', where: { 'steps.phrase': { equals: id } }, ...common })
  // The published variant and a later draft may differ: either still points here.
  const published = await req.payload.find({ collection: 'phrases', where: { variantOf: { equals: id } }, ...common })
  const drafts = await req.payload.find({ collection: 'phrases', draft: true, where: { variantOf: { equals: id } }, ...common })
  const uses = { scenarios: keysOf(scenarios), variants: keysOf(published, drafts) }
  const refusal = inUseRefusal(String(phrase.key), uses, req.headers?.get('accept-language'))
  if (refusal) throw new APIError(refusal.message, 409, refusal, true)
  req.context[lastContent(id)] = Object.fromEntries(RECORDED_FIELDS.map((field) => [field, (phrase as unknown as Record<string, unknown>)[field] ?? null]))
}

export const auditPhraseDeletion = auditDeletion('phrases', (doc, context) => ({
  key: doc.key,
  before: context[lastContent(doc.id)] as Record<string, unknown>,
}))
