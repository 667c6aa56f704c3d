import type { Payload } from 'payload'

type Role = 'admin' | 'editor' | 'reviewer' | 'auditor'

/**
 * Creates one user per name (`<name>@example.com`, password `<name>-pw`) with the given roles and
 * signs each in over HTTP, as the admin does; returns their tokens by name.
 */
export async function signInPeople(
  server: { url: string; payload: Payload },
  people: Record<string, readonly Role[]>,
): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {}
  for (const [name, roles] of Object.entries(people)) {
    const email = `${name}@example.com`
    const password = `${name}-pw`
    await server.payload.create({ collection: 'users', data: { email, password, roles: [...roles] } })
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    if (login.status !== 200) throw new Error(`${email} could not sign in: ${login.status} ${await login.text()}`)
    tokens[name] = ((await login.json()) as { token: string }).token
  }
  return tokens
}
