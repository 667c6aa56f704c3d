import type { AuthStrategy, Payload } from 'payload'

/**
 * A disabled API client (`enabled: false`) authenticates as nobody wherever Payload
 * authenticates (REST, GraphQL, versions, /access, custom endpoints, the admin): Payload's own
 * API-key strategy finds a client by its key whatever `enabled` says. It reads the client from
 * the database on every request, so disabling takes effect at once, in every process.
 */
export function refuseDisabledApiClients(payload: Payload, slug: string): void {
  payload.authStrategies = payload.authStrategies.map(
    (strategy): AuthStrategy =>
      strategy.name !== `${slug}-api-key`
        ? strategy
        : {
            ...strategy,
            authenticate: async (args) => {
              const result = await strategy.authenticate(args)
              return (result.user as { enabled?: boolean } | null)?.enabled === false ? { ...result, user: null } : result
            },
          },
  )
}
