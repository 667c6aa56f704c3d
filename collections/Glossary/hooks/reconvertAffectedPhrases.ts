import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload, PayloadRequest } from 'payload'

import { actorOf } from '../../../src/audit/actor'
import { recordAudit, recordAuditFor } from '../../../src/audit/log'
import type { PhraseFlag } from '../../../src/conversion/converter'
import { loadConverter } from '../../../src/conversion/currentConverter'
import { convertedScript } from '../../../src/conversion/phraseScript'
import { otherScript, type PhraseLocale, SCRIPTS, type Script } from '../../../src/domain/locales'
import { preservingRequest } from '../../../src/preservingRequest'
import { runtimeSettings } from '../../../src/runtimeSettings'
import { inLocale, regionProposals } from '../../Phrases/hooks/conversion'
import { type ChangeStamp, saying } from '../../writeIntent'
import type { Glossary } from '../../../src/payload-types'

const RECONVERSION_ACTOR = 'Glossary re-conversion'

export type ReconversionReport = { examined: number; reconverted: string[] }

/**
 * Re-converts the machine-converted script and regional proposals of every phrase whose source
 * text contains one of the terms, with the glossary as it now stands. Each change is saved as a
 * new draft (with `workflowState: draft`), so it goes through review and never straight to agents.
 */
export function reconvertPhrasesContaining(
  payload: Payload,
  terms: string[],
  { req, log = () => {} }: { req?: PayloadRequest; log?: (line: string) => void } = {},
): Promise<ReconversionReport> {
  return preservingRequest(req, () => reconvert(payload, terms, req, log))
}

async function reconvert(
  payload: Payload,
  terms: string[],
  req: PayloadRequest | undefined,
  log: (line: string) => void,
): Promise<ReconversionReport> {
  const converter = await loadConverter(payload, req)
  const report: ReconversionReport = { examined: 0, reconverted: [] }
  const candidates = new Map<string | number, Script>()
  // The history and the audit entry name the glossary change, not the phrase's last approver.
  const stamp: ChangeStamp = {
    action: 'reconvert',
    by: RECONVERSION_ACTOR,
    comment: `Glossary change by ${actorOf(req?.user).actorLabel}: ${terms.join(' → ')}`,
    approvedBy: null,
  }
  // A term in either script: the written one converts to the other, the Traditional one to Taiwan and Hong Kong.
  for (const script of SCRIPTS) {
    for (const term of terms) {
      const { docs } = await payload.find({
        collection: 'phrases',
        locale: script,
        draft: true,
        pagination: false,
        depth: 0,
        overrideAccess: true,
        where: { text: { contains: term } },
        req,
      })
      for (const doc of docs) candidates.set(doc.id, (doc.sourceScript as Script | null) ?? 'zh-Hant')
    }
  }
  for (const [id, source] of candidates) {
    report.examined++
    // Every locale in one read, as the phrase stands before the re-conversion.
    const stored = (await payload.findByID({ collection: 'phrases', id, locale: 'all', draft: true, depth: 0, overrideAccess: true, req })) as unknown as Record<string, any>
    const from = inLocale(stored, source)
    if (!from.text) continue
    // A new draft for each locale the machine wrote (a person's text stays theirs), in one audit entry.
    const changes: { locale: PhraseLocale; before: string | null | undefined; after: string | null }[] = []
    const propose = async (locale: PhraseLocale, current: { text?: string | null }, proposal: { text: string | null }) => {
      await payload.update({
        collection: 'phrases',
        id,
        locale,
        draft: true,
        // Like a person's edit, it cancels an approval for later (the approval saw the old wording).
        data: { ...proposal, workflowState: 'draft', publishAt: null },
        context: saying({ kind: 'reproposal', change: stamp }),
        overrideAccess: true,
        depth: 0,
        req,
      })
      changes.push({ locale, before: current.text, after: proposal.text })
    }
    const target = otherScript(source)
    const other = inLocale(stored, target)
    const converted = convertedScript(converter, from, target)
    const scriptChanged = Boolean(other.machineConverted) && converted.text !== other.text
    if (scriptChanged) await propose(target, other, converted)
    // The regions follow the scripts as they now stand; a rule for one region changes that region only.
    const now = scriptChanged ? converted : other
    const scripts = { [source]: from, [target]: now } as Record<Script, typeof from>
    const flags = { [source]: from.ambiguities, [target]: now.ambiguities } as Record<Script, PhraseFlag[] | null>
    for (const [region, proposal] of regionProposals(converter, runtimeSettings(payload).regions, stored, scripts, flags, source)) {
      const current = inLocale(stored, region)
      // Only the machine's own proposals are proposed again.
      if (current.machineConverted && proposal.text !== current.text) await propose(region, current, proposal)
    }
    if (!changes.length) continue
    const locales = changes.map((change) => change.locale)
    await recordAudit(payload, runtimeSettings(payload).auditKey, {
      action: 'edit',
      actorKind: 'system',
      actorId: 'glossary',
      actorLabel: RECONVERSION_ACTOR,
      summary: `Re-converted ${stored.key} (${locales.join(', ')}) after a glossary change; draft awaits review`,
      targetCollection: 'phrases',
      documentId: String(id),
      documentKey: stored.key,
      locale: locales.length === 1 ? locales[0] : null,
      before: Object.fromEntries(changes.map((change) => [change.locale, { text: change.before ?? null }])),
      after: Object.fromEntries(changes.map((change) => [change.locale, { text: change.after }])),
      comment: stamp.comment,
    }, req)
    report.reconverted.push(stored.key)
    if (report.reconverted.length % 25 === 0) log(`Re-converting after a glossary change: ${report.reconverted.length} phrases…`)
  }
  log(`Glossary change: ${report.reconverted.length} of ${report.examined} affected phrases re-converted as drafts.`)
  return report
}

type GlossaryDoc = { id: string | number; term?: string | null }

async function afterGlossaryChange(req: PayloadRequest, before: GlossaryDoc | null, after: GlossaryDoc | null) {
  const terms = [...new Set([before?.term, after?.term].filter((t): t is string => Boolean(t)))]
  await recordAuditFor(req, {
    action: 'glossary_change',
    summary: `Glossary ${after ? (before ? 'changed' : 'added') : 'removed'}: ${terms.join(' → ')}`,
    targetCollection: 'glossary',
    documentId: String((after ?? before)!.id),
    documentKey: (after ?? before)!.term ?? null,
    before,
    after,
  })
  await reconvertPhrasesContaining(req.payload, terms, { req, log: (line) => req.payload.logger.info(line) })
}

export const reconvertAfterChange: CollectionAfterChangeHook<Glossary> = async ({ doc, previousDoc, operation, req, context }) => {
  if (context.write?.kind === 'seed') return doc
  await afterGlossaryChange(req, operation === 'create' ? null : previousDoc, doc)
  return doc
}

export const reconvertAfterDelete: CollectionAfterDeleteHook<Glossary> = async ({ doc, req }) => {
  await afterGlossaryChange(req, doc, null)
  return doc
}
