import { type GraphQLExtension, NotFound, type SanitizedConfig } from 'payload'

type Collection = SanitizedConfig['collections'][number]

/** Routes Payload mounts whether or not they can work, and when a collection keeps them. */
const KEPT_WHEN: Record<string, (collection: Collection) => boolean> = {
  'get /versions': (collection) => Boolean(collection.versions),
  'get /versions/:id': (collection) => Boolean(collection.versions),
  'post /versions/:id': (collection) => Boolean(collection.versions),
  'post /verify/:id': (collection) => Boolean(collection.auth?.verify),
  // Its query fails on the SQL adapters (Payload 3.90), and the admin never deletes a preference.
  'delete /:key': (collection) => collection.slug !== 'payload-preferences',
}

/**
 * Payload mounts the versions routes on every collection and e-mail verification on every auth
 * collection; where the collection keeps no versions or verifies no e-mail they fail with a 500
 * (no such table or column). Those routes are dropped, so they answer 404.
 */
export function withoutRoutesOfUnusedFeatures(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    if (!collection.endpoints) continue
    collection.endpoints = collection.endpoints.filter((endpoint) => KEPT_WHEN[`${endpoint.method} ${endpoint.path}`]?.(collection) ?? true)
  }
  return config
}

/**
 * GraphQL has e-mail verification on every auth collection too, failing the same way: where it
 * is off, `verifyEmail<Collection>` answers not found.
 */
export const verifyEmailOnlyWhereVerified: GraphQLExtension = (_graphQL, { collections, Mutation }) => {
  const replaced: Record<string, unknown> = {}
  for (const { config, graphQL } of Object.values(collections)) {
    const name = `verifyEmail${graphQL?.type?.name}`
    if (!config.auth || config.auth.verify || !Mutation.fields[name]) continue
    replaced[name] = {
      ...Mutation.fields[name],
      resolve: () => {
        throw new NotFound()
      },
    }
  }
  return replaced
}
