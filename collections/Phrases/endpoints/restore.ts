import { type Endpoint, restoreVersionOperation } from 'payload'

import { isStorableId } from '../../../src/domain/documentIds'
import { errorResponse } from '../../../src/errorResponse'
import { inTransaction } from '../../../src/transaction'
import { said } from '../refusals'
import { decide } from './workflow'

/**
 * `POST /api/phrases/:id/restore` `{version}`: the old version's content becomes a new draft of
 * the restorer's, which goes through review like any change. It never publishes.
 */
export const restoreEndpoint: Endpoint = {
  path: '/:id/restore',
  method: 'post',
  // Decided and written in one transaction (see `decide`).
  handler: (req) => inTransaction(req, async () => {
    const decided = await decide(req, 'restore')
    if (decided instanceof Response) return decided
    const { phrase, body } = decided
    const versionId = typeof body.version === 'string' || typeof body.version === 'number' ? String(body.version) : ''
    if (!versionId) return errorResponse(400, 'version_required', said(req, 'version_required'))
    const version = isStorableId(versionId, req.payload.db.defaultIDType)
      ? await req.payload.findVersionByID({ collection: 'phrases', id: versionId, depth: 0, overrideAccess: true, disableErrors: true, req })
      : null
    if (!version || String(version.parent) !== String(phrase.id)) {
      return errorResponse(404, 'version_not_found', said(req, 'version_not_found', { key: phrase.key, version: versionId }))
    }
    req.context.write = { kind: 'restore', version: versionId }
    // draft: true writes a new draft version and leaves what agents are served untouched.
    await restoreVersionOperation({ id: versionId, collection: req.payload.collections.phrases, draft: true, depth: 0, overrideAccess: true, req })
    return Response.json({ id: phrase.id, key: phrase.key, workflowState: 'draft', restoredVersion: versionId })
  }),
}
