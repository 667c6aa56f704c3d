import type { CollectionAfterChangeHook } from 'payload'

import { actorOf } from '../../../src/audit/actor'
import { recordAudit } from '../../../src/audit/log'
import { runtimeSettings } from '../../../src/runtimeSettings'

/** A new agent tool with an API key is in the audit trail (never the key itself). */
export const auditApiClientCreation: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  await recordAudit(
    req.payload,
    runtimeSettings(req.payload).auditKey,
    {
      action: 'api_client_created',
      ...actorOf(req.user),
      summary: `API client "${doc.name}" created`,
      targetCollection: 'api-clients',
      documentId: String(doc.id),
      documentKey: doc.name,
      after: { name: doc.name, enabled: doc.enabled ?? true, apiKeyEnabled: Boolean(doc.enableAPIKey) },
    },
    req,
  )
  return doc
}
