import type { AuthStrategy, Payload } from 'payload'

let generation = 0

/**
 * Counts changes to API clients in this process, so what was checked about a key before a
 * change (e.g. the credential cache of /v1) is checked again at once after it.
 */
export const apiClientsGeneration = (): number => generation
export const apiClientsChanged = (): void => {
  generation += 1
}

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
