import type { Endpoint, PayloadRequest } from 'payload'

import { isPerson } from '../../../src/access'
import { diffPhraseVersions } from '../../../src/domain/phraseDiff'
import { errorResponse } from '../../../src/errorResponse'

/** The versions of one phrase, newest first, as Payload stores them (`locale: 'all'`). */
async function versionsOf(req: PayloadRequest, id: string) {
  const { docs } = await req.payload.findVersions({
    collection: 'phrases',
    where: { parent: { equals: id } },
    // A conversion can land in the same millisecond as the edit it follows: ids break the tie.
    sort: ['-updatedAt', '-id'],
    pagination: false,
    depth: 0,
    locale: 'all',
    overrideAccess: true,
    req,
  })
  return docs
}

type Versions = Awaited<ReturnType<typeof versionsOf>>
type Phrase = { id: number | string; key: string }

/** A GET endpoint about one phrase's versions, for signed-in people. */
function versionsEndpoint(path: string, respond: (req: PayloadRequest, phrase: Phrase, versions: Versions) => Response): Endpoint {
  return {
    path,
    method: 'get',
    handler: async (req) => {
      if (!isPerson(req.user)) return errorResponse(401, 'unauthorized', 'Sign in to read the history of a phrase.')
      const id = String(req.routeParams?.id)
      const phrase = await req.payload.findByID({ collection: 'phrases', id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req })
      if (!phrase) return errorResponse(404, 'not_found', `No phrase ${id}.`)
      return respond(req, phrase, await versionsOf(req, id))
    },
  }
}

/** `GET /api/phrases/:id/history`: every version with its author, state, time, approver and comment. */
export const historyEndpoint = versionsEndpoint('/:id/history', (_req, phrase, versions) =>
  Response.json({
      id: phrase.id,
      key: phrase.key,
      versions: versions.map(({ id, updatedAt, latest, version }) => ({
        version: id,
        time: updatedAt,
        latest: Boolean(latest),
        action: version.changeAction ?? null,
        author: version.changedBy ?? null,
        state: version.workflowState,
        status: version._status,
        approver: version.approvedBy ?? null,
        comment: version.changeComment ?? null,
        publishAt: version.publishAt ?? null,
      })),
    }),
)

/**
 * `GET /api/phrases/:id/diff?from=<version>&to=<version>`: the changed fields per locale,
 * character-level for the texts. `to` defaults to the latest version, `from` to the one before `to`.
 */
export const diffEndpoint = versionsEndpoint('/:id/diff', (req, phrase, versions) => {
  const pick = (name: 'from' | 'to', fallback: Versions[number] | undefined) => {
    const wanted = req.searchParams.get(name)
    if (!wanted) return fallback
    return versions.find((v) => String(v.id) === wanted) ?? null
  }
  const to = pick('to', versions[0])
  if (to === null) return errorResponse(404, 'version_not_found', `Phrase ${phrase.key} has no version ${req.searchParams.get('to')}.`)
  const from = pick('from', versions[versions.indexOf(to!) + 1])
  if (from === null) return errorResponse(404, 'version_not_found', `Phrase ${phrase.key} has no version ${req.searchParams.get('from')}.`)
  if (!to || !from) return errorResponse(400, 'nothing_to_compare', `Phrase ${phrase.key} has only one version.`)
  return Response.json({
    id: phrase.id,
    key: phrase.key,
    from: { version: from.id, time: from.updatedAt },
    to: { version: to.id, time: to.updatedAt },
    changes: diffPhraseVersions(from.version as unknown as Record<string, unknown>, to.version as unknown as Record<string, unknown>),
  })
})
