import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { recordAuditFor } from '../../../src/audit/log'
import type { ForbiddenTerm } from '../../../src/payload-types'

type Term = { id: number | string; term?: string | null; class?: string; severity?: string; suggestion?: string | null }

const shown = (doc: Term | undefined) => (doc ? { term: doc.term ?? null, class: doc.class ?? null, severity: doc.severity ?? null, suggestion: doc.suggestion ?? null } : null)

function audit(req: PayloadRequest, before: Term | undefined, after: Term | undefined, what: string) {
  const doc = (after ?? before)!
  return recordAuditFor(req, {
    action: 'forbidden_term_change',
    summary: `Forbidden term 「${doc.term ?? doc.id}」 ${what}`,
    targetCollection: 'forbidden-terms',
    documentId: String(doc.id),
    documentKey: doc.term ?? null,
    locale: typeof req.locale === 'string' ? req.locale : null,
    before: shown(before),
    after: shown(after),
  })
}

/** The forbidden-term list decides what may be submitted: every change to it is audited (the import's excepted). */
export const auditTermChange: CollectionAfterChangeHook<ForbiddenTerm> = async ({ doc, previousDoc, operation, req, context }) => {
  if (context.write?.kind !== 'seed') await audit(req, operation === 'create' ? undefined : previousDoc, doc, operation === 'create' ? 'added' : 'changed')
  return doc
}

export const auditTermDeletion: CollectionAfterDeleteHook<ForbiddenTerm> = async ({ doc, req, context }) => {
  if (context.write?.kind !== 'seed') await audit(req, doc, undefined, 'removed')
  return doc
}
