import type { Access, SanitizedConfig } from 'payload'

import { isApiClient } from './roles'

/**
 * Payload's own collections (preferences, edit locks, its key-value store) serve the admin, that
 * is people. Payload lets any authenticated caller use them, so an agent tool could keep
 * preferences or lock a phrase in an editor's face: API clients are refused there.
 */
export function payloadCollectionsForPeopleOnly(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    if (!collection.slug.startsWith('payload-')) continue
    const access = collection.access as Record<string, Access | undefined>
    for (const [operation, allowed] of Object.entries(access)) {
      if (typeof allowed === 'function') access[operation] = (args) => (isApiClient(args.req.user) ? false : allowed(args))
    }
  }
  return config
}
