import type { Access } from 'payload'

import { isApiClient, isPerson } from './roles'

/**
 * People see drafts; agent tools (API clients) see published documents only, so nothing
 * unapproved can reach an agent through the REST or GraphQL API.
 */
export const publishedUnlessPerson: Access = ({ req }) => {
  if (isPerson(req.user)) return true
  if (isApiClient(req.user)) return { _status: { equals: 'published' } }
  return false
}
