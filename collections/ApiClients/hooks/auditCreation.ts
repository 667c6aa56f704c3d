import type { CollectionAfterChangeHook } from 'payload'

import { recordAuditFor } from '../../../src/audit/log'
import type { ApiClient } from '../../../src/payload-types'

/** A new agent tool with an API key is in the audit trail (never the key itself). */
export const auditApiClientCreation: CollectionAfterChangeHook<ApiClient> = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  await recordAuditFor(req, {
    action: 'api_client_created',
    summary: `API client "${doc.name}" created`,
    targetCollection: 'api-clients',
    documentId: String(doc.id),
    documentKey: doc.name,
    after: { name: doc.name, enabled: doc.enabled ?? true, apiKeyEnabled: Boolean(doc.enableAPIKey) },
  })
  return doc
}
