import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { formatNames, toWords } from 'payload'

import { type RunningServer, startServer } from '../../src/server/start'
import { type DatabaseKind, freshDatabaseUrl, testSettings } from '../helpers/databases'

type Role = 'admin' | 'editor' | 'reviewer' | 'auditor' | 'agent' | 'disabled agent' | 'anonymous'
type Access = 'read' | 'create' | 'update' | 'delete'

const PEOPLE = ['admin', 'editor', 'reviewer', 'auditor'] as const
const ROLES: Role[] = [...PEOPLE, 'agent', 'disabled agent', 'anonymous']
const API_KEY = 'route-privileges-agent-0123456789abcdef'
const DISABLED_KEY = 'route-privileges-disabled-0123456789ab'
/** Ids no document has: every write the matrix sends targets one, so the fixtures survive. */
const MISSING = 999999

/** Words only unpublished content holds: an agent's answer must never contain any of them. */
const UNPUBLISHED = ['closing.matrix_draft', '未發布機密', '未发布机密', '草稿改寫內容', '草稿改写内容', 'draft-author@example.com']

/**
 * A response's body; of an event stream (which never ends), what it sends up to its `ready`
 * event (the backlog), then it hangs up.
 */
async function bodyOf(response: Response): Promise<string> {
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) return response.text()
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let text = ''
  while (!/^event: ?ready$/m.test(text)) {
    const { value, done } = await reader.read()
    if (done) break
    text += decoder.decode(value, { stream: true })
  }
  await reader.cancel()
  return text
}

/**
 * Who may use each access operation of each collection. A collection not listed (one added later,
 * or Payload's own) gets the strictest default: admins only, never an agent, so it is covered the
 * day it appears and widening it is a deliberate edit here.
 */
const ACCESS: Record<string, Partial<Record<Access, Role[]>>> = {
  phrases: { read: [...PEOPLE, 'agent'], create: ['admin', 'editor', 'reviewer'], update: ['admin', 'editor', 'reviewer'], delete: ['admin'] },
  categories: { read: [...PEOPLE, 'agent'] },
  holidays: { read: [...PEOPLE, 'agent'] },
  scenarios: { read: [...PEOPLE, 'agent'], create: ['admin', 'editor', 'reviewer'], update: ['admin', 'editor', 'reviewer'] },
  'forbidden-terms': { read: [...PEOPLE, 'agent'], create: ['admin', 'reviewer'], update: ['admin', 'reviewer'], delete: ['admin', 'reviewer'] },
  glossary: { read: [...PEOPLE, 'agent'] },
  // People read (and change) their own record only.
  users: { read: [...PEOPLE], update: [...PEOPLE] },
  'audit-log': { read: ['admin', 'auditor'], create: [], update: [], delete: [] },
  'scheduled-runs': { read: ['admin', 'reviewer'], create: [], update: [], delete: [] },
  'delivery-revisions': { create: [], update: [], delete: [] },
  'phrase-usage': { create: [], update: [], delete: [] },
  // Webhooks are admins' (the default); their deliveries and Payload's jobs are written by the server.
  'webhook-deliveries': { create: [], update: [], delete: [] },
  'payload-jobs': { create: [], update: [] },
  // Payload's own, for the admin: each person their own preferences, and edit locks.
  'payload-preferences': { read: [...PEOPLE], create: [...PEOPLE], update: [...PEOPLE], delete: [...PEOPLE] },
  'payload-locked-documents': { read: [...PEOPLE], create: [...PEOPLE], update: [...PEOPLE], delete: [...PEOPLE] },
  'payload-kv': { read: [], create: [], update: [], delete: [] },
}
const allowedFor = (slug: string, access: Access): Role[] => ACCESS[slug]?.[access] ?? ['admin']
/**
 * Roles whose access is limited to their own documents: a write by id to another document (here
 * one that does not exist) is refused; lists and bulk writes answer with their own documents only.
 */
const OWN_ONLY: Record<string, Partial<Record<Access, Role[]>>> = {
  users: { update: ['editor', 'reviewer', 'auditor'] },
  // Duplicating one (a create) needs to read it first.
  'payload-preferences': { create: [...PEOPLE], update: [...PEOPLE], delete: [...PEOPLE] },
}

/**
 * What each kind of route needs. Payload generates the routes below for every collection (its
 * `defaultCollectionEndpoints` and auth endpoints); any other route is a custom endpoint.
 * `open`: answered to anyone (sign-in, the permission summary), so only its content is checked.
 */
type Need = { access: Access; peopleOnly?: boolean } | 'open' | 'custom'
const GENERATED: Record<string, Need> = {
  'get /': { access: 'read' },
  'get /count': { access: 'read' },
  'get /:id': { access: 'read' },
  'post /': { access: 'create' },
  'post /:id/duplicate': { access: 'create' },
  'patch /': { access: 'update' },
  'patch /:id': { access: 'update' },
  'delete /': { access: 'delete' },
  'delete /:id': { access: 'delete' },
  // Versions hold drafts, rejected texts, authors and comments: people only, whatever `read` says.
  'get /versions': { access: 'read', peopleOnly: true },
  'get /versions/:id': { access: 'read', peopleOnly: true },
  'post /versions/:id': { access: 'update', peopleOnly: true },
  'post /access/:id?': 'open',
  'get /access': 'open',
  'post /login': 'open',
  'post /logout': 'open',
  'get /me': 'open',
  'post /refresh-token': 'open',
  'get /init': 'open',
  'post /first-register': 'open',
  'post /forgot-password': 'open',
  'post /reset-password': 'open',
  'post /unlock': 'open',
  'post /verify/:id': 'open',
  // The caller's own admin preferences (payload-preferences).
  'get /:key': 'open',
  'post /:key': 'open',
}
/** Custom endpoints meant for agents (none today: agents use /v1). Every other one refuses them. */
const CUSTOM_FOR_AGENTS = new Set<string>()

type Outcome = 'allowed' | 'refused' | 'unauthorized'
const outcomeOf = (status: number): Outcome => (status === 401 ? 'unauthorized' : status === 403 ? 'refused' : 'allowed')

/** `writeById`: the call changes one document named by its id (for OWN_ONLY, never theirs here). */
function expectedOutcome(role: Role, slug: string, route: string, need: Need, writeById = false): Outcome | 'any' {
  // A disabled client is refused as if its key were wrong, on every route.
  if (role === 'disabled agent') return 'unauthorized'
  if (need === 'open') return 'any'
  const person = (PEOPLE as readonly string[]).includes(role)
  if (need === 'custom') return person ? 'any' : CUSTOM_FOR_AGENTS.has(`${slug} ${route}`) && role === 'agent' ? 'allowed' : 'refused'
  if (need.peopleOnly && !person) return 'refused'
  if (writeById && OWN_ONLY[slug]?.[need.access]?.includes(role)) return 'refused'
  return allowedFor(slug, need.access).includes(role) ? 'allowed' : 'refused'
}

/** The route Payload answers an address with: the first of the collection's endpoints that matches (as handleEndpoints does). */
function answeringRoute(endpoints: { method: string; path: string }[], method: string, address: string): string | undefined {
  const matches = (path: string) => new RegExp(`^${path.replace(/\/:[a-z]+\?/gi, '(/[^/]+)?').replace(/:[a-z]+/gi, '[^/]+')}/?$`, 'i').test(address)
  const endpoint = endpoints.find((e) => e.method === method && matches(e.path))
  return endpoint && `${endpoint.method} ${endpoint.path}`
}

/**
 * The privilege matrix derived from the running configuration: every collection, every REST route
 * Payload generates for it and every custom endpoint, every GraphQL query, for each role. A route
 * or collection added later is in the matrix without editing this file.
 */
export function describeRoutePrivileges(kind: DatabaseKind): void {
  describe(`privileges on every route (${kind})`, () => {
    let server: RunningServer
    const headers: Record<Role, Record<string, string>> = {
      admin: {},
      editor: {},
      reviewer: {},
      auditor: {},
      agent: { authorization: `api-clients API-Key ${API_KEY}` },
      'disabled agent': { authorization: `api-clients API-Key ${DISABLED_KEY}` },
      anonymous: {},
    }
    /** One document per collection that has any, for the routes that read by id. */
    const existing: Record<string, string | number> = {}
    let publishedId: string | number
    let draftVersionId: string | number
    let disabledClientId: string | number

    const call = (role: Role, method: string, path: string, body?: unknown) =>
      fetch(server.url + path, {
        method,
        headers: { 'content-type': 'application/json', 'accept-language': 'en', ...headers[role] },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    /** What unpublished words an answer to someone other than a person holds (beyond what they asked for, such as a key). */
    const leaks = (role: Role, text: string, asked = '') =>
      (PEOPLE as readonly string[]).includes(role) ? [] : UNPUBLISHED.filter((word) => text.includes(word) && !asked.includes(word))

    const signIn = async (role: (typeof PEOPLE)[number]) => {
      const login = await call('anonymous', 'POST', '/api/users/login', { email: `${role}@example.com`, password: `${role}-pw` })
      headers[role] = { authorization: `JWT ${((await login.json()) as { token: string }).token}` }
    }

    beforeAll(async () => {
      const name = `route_privileges_${kind}`
      server = await startServer(testSettings(await freshDatabaseUrl(kind, name), name), { admin: false })
      const { payload } = server
      await payload.create({ collection: 'api-clients', data: { name: 'Agent desktop', enableAPIKey: true, apiKey: API_KEY } })
      disabledClientId = (await payload.create({ collection: 'api-clients', data: { name: 'Retired desktop', enableAPIKey: true, apiKey: DISABLED_KEY } })).id
      for (const role of PEOPLE) {
        await payload.create({ collection: 'users', data: { email: `${role}@example.com`, password: `${role}-pw`, roles: [role] } })
        await signIn(role)
      }
      const category = await payload.create({ collection: 'categories', locale: 'zh-Hant', data: { slug: 'closing', name: '結束語' } })
      // A published phrase with a newer draft, and a phrase that was never published.
      const published = await payload.create({
        collection: 'phrases',
        locale: 'zh-Hant',
        data: { key: 'closing.matrix_published', category: category.id, title: '結束', text: '感謝您的來電。', _status: 'published' } as never,
      })
      publishedId = published.id
      await payload.update({ collection: 'phrases', id: publishedId, locale: 'zh-Hant', draft: true, data: { text: '草稿改寫內容。' } })
      await payload.create({
        collection: 'phrases',
        locale: 'zh-Hant',
        draft: true,
        data: { key: 'closing.matrix_draft', category: category.id, title: '草稿', text: '未發布機密。', changeComment: 'draft-author@example.com' } as never,
      })
      draftVersionId = (await payload.findVersions({ collection: 'phrases', where: { parent: { equals: publishedId } }, sort: '-updatedAt', limit: 1 })).docs[0]!.id
      for (const collection of payload.config.collections) {
        const doc = (await payload.find({ collection: collection.slug as 'categories', limit: 1, depth: 0, overrideAccess: true, sort: 'id' })).docs[0]
        if (doc) existing[collection.slug] = doc.id
      }
      existing.phrases = publishedId
      // Disabled by an admin over the API, as the admin panel does, right before the matrix runs.
      const disabled = await call('admin', 'PATCH', `/api/api-clients/${disabledClientId}`, { enabled: false })
      expect(disabled.status).toBe(200)
    }, 180_000)
    afterAll(async () => {
      await server?.close()
    })

    /** Every route of every collection in the running configuration, with a concrete address. */
    const routes = () =>
      server.payload.config.collections.flatMap((collection) =>
        (collection.endpoints || []).flatMap((endpoint) => {
          const id = (write: boolean) => String(write || existing[collection.slug] === undefined ? MISSING : existing[collection.slug])
          const write = endpoint.method !== 'get'
          const paths = endpoint.path.endsWith('/:id?') ? [endpoint.path.slice(0, -5), endpoint.path.slice(0, -1)] : [endpoint.path]
          return paths.flatMap((path) => {
            const address = path
              .replace('/versions/:id', `/versions/${write || collection.slug !== 'phrases' ? MISSING : draftVersionId}`)
              .replace(':id', id(write && endpoint.path !== '/access/:id?'))
              .replace(/:[a-z]+\??/gi, 'x')
            // Bulk writes address a document that does not exist.
            const query = write && path === '/' && endpoint.method !== 'post' ? `?where[id][equals]=${MISSING}` : ''
            // An earlier route may answer this address (payload-preferences' `/:key` shadows `/count`).
            const route = answeringRoute(collection.endpoints || [], endpoint.method, address)!
            const need = GENERATED[route] ?? 'custom'
            const url = `/api/${collection.slug}${address === '/' ? '' : address}${query}`
            // Reads once as published and once asking for drafts (`draft=true`), which agents must not get either.
            return (write ? [url] : [url, `${url}?draft=true`]).map((url) => ({ slug: collection.slug, route, need, method: endpoint.method.toUpperCase(), url }))
          })
        }),
      )

    it('covers every collection of the configuration and the versions routes', () => {
      const slugs = new Set(routes().map((r) => r.slug))
      expect([...slugs].sort()).toEqual(server.payload.config.collections.filter((c) => c.endpoints !== false).map((c) => c.slug).sort())
      expect(routes().filter((r) => r.slug === 'phrases').map((r) => r.route)).toEqual(expect.arrayContaining(['get /versions', 'get /versions/:id', 'post /versions/:id']))
    })

    it('answers each role on every REST route as the table says, and never gives an agent unpublished content', async () => {
      const mismatches: string[] = []
      for (const { slug, route, need, method, url } of routes()) {
        for (const role of ROLES) {
          const response = await call(role, method, url, method === 'GET' ? undefined : {})
          const text = await response.text()
          // Signing out (or refreshing) ends the session the next routes are called with.
          if (route === 'post /logout' || route === 'post /refresh-token') for (const person of PEOPLE) if (person === role) await signIn(person)
          if (response.status >= 500) mismatches.push(`${role} ${method} ${url}: ${response.status} ${text.slice(0, 200)}`)
          for (const word of leaks(role, text)) mismatches.push(`${role} ${method} ${url}: received unpublished "${word}"`)
          const expected = expectedOutcome(role, slug, route, need, method !== 'GET' && route.includes(':id'))
          const actual = outcomeOf(response.status)
          // A write to a document that does not exist may be answered 404 before access is
          // decided (Payload's duplicate and restore look the document up first): nothing changes.
          const refusedAsMissing = method !== 'GET' && url.includes(String(MISSING)) && response.status === 404
          const matches = expected === 'any' || actual === expected || (expected === 'refused' && (actual === 'unauthorized' || refusedAsMissing))
          if (!matches) mismatches.push(`${role} ${method} ${url} (${route}): expected ${expected}, got ${response.status}`)
        }
      }
      expect(mismatches).toEqual([])
    }, 300_000)

    it('answers the routes of the configuration outside collections (config.endpoints) only to people, and never to a disabled client', async () => {
      const mismatches: string[] = []
      for (const endpoint of server.payload.config.endpoints || []) {
        const url = `/api${endpoint.path.replace(/:[a-z]+\??/gi, 'x')}`
        const need = GENERATED[`${endpoint.method} ${endpoint.path}`] ?? 'custom'
        for (const role of ROLES) {
          const response = await call(role, endpoint.method.toUpperCase(), url, endpoint.method === 'get' ? undefined : {})
          const text = await response.text()
          expect(response.status).toBeLessThan(500)
          for (const word of leaks(role, text)) mismatches.push(`${role} ${url}: received unpublished "${word}"`)
          const expected = expectedOutcome(role, '', endpoint.path, need)
          const actual = outcomeOf(response.status)
          if (!(expected === 'any' || actual === expected || (expected === 'refused' && actual === 'unauthorized'))) mismatches.push(`${role} ${endpoint.method} ${url}: expected ${expected}, got ${response.status}`)
        }
      }
      expect(mismatches).toEqual([])
    })

    /** The GraphQL schema as served, and which collection and kind of access each field belongs to. */
    const graphQLSchema = async () => {
      type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null }
      type Field = { name: string; args: { name: string; type: TypeRef }[]; type: TypeRef }
      const ref = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }'
      const introspection = (await (
        await call('admin', 'POST', '/api/graphql', { query: `{ __schema { queryType { name } mutationType { name } types { name kind fields { name args { name type { ${ref} } } type { ${ref} } } } } }` })
      ).json()) as { data: { __schema: { queryType: { name: string }; mutationType: { name: string }; types: { name: string; fields: Field[] | null }[] } } }
      const types = new Map(introspection.data.__schema.types.map((type) => [type.name, type.fields ?? []]))
      const named = (type: TypeRef): TypeRef => (type.ofType ? named(type.ofType) : type)
      /** Every field that takes no arguments, three levels deep, so what an answer holds is seen. */
      const selection = (typeName: string, depth: number): string => {
        const parts = (types.get(typeName) ?? [])
          .filter((field) => field.args.length === 0)
          .flatMap((field) => {
            const inner = named(field.type)
            if (inner.kind === 'SCALAR' || inner.kind === 'ENUM') return [field.name]
            const sub = inner.kind === 'OBJECT' && depth > 0 ? selection(inner.name!, depth - 1) : ''
            return sub ? [`${field.name} ${sub}`] : []
          })
        return parts.length ? `{ ${parts.join(' ')} }` : '{ __typename }'
      }
      // The permission summary of the whole configuration, like GET /api/access.
      const collectionOf = new Map<string, { slug: string; need: Need }>([['Access', { slug: '', need: 'open' }]])
      for (const { slug, graphQL } of server.payload.config.collections) {
        if (graphQL === false) continue
        // Named as @payloadcms/graphql names them.
        const one = graphQL?.singularName ? toWords(graphQL.singularName, true) : formatNames(slug).singular
        const plural = graphQL?.pluralName ? toWords(graphQL.pluralName, true) : formatNames(slug).plural
        const many = plural === one ? `all${one}` : plural
        collectionOf.set(many, { slug, need: { access: 'read' } })
        collectionOf.set(one, { slug, need: { access: 'read' } })
        collectionOf.set(`count${many}`, { slug, need: { access: 'read' } })
        collectionOf.set(`versions${many}`, { slug, need: { access: 'read', peopleOnly: true } })
        collectionOf.set(`version${one}`, { slug, need: { access: 'read', peopleOnly: true } })
        collectionOf.set(`docAccess${one}`, { slug, need: 'open' })
        collectionOf.set(`me${one}`, { slug, need: 'open' })
        collectionOf.set(`initialized${one}`, { slug, need: 'open' })
        collectionOf.set(`delete${one}`, { slug, need: { access: 'delete' } })
        collectionOf.set(`duplicate${one}`, { slug, need: { access: 'create' } })
        collectionOf.set(`restoreVersion${one}`, { slug, need: { access: 'update', peopleOnly: true } })
        for (const name of ['login', 'logout', 'refreshToken', 'forgotPassword', 'resetPassword', 'unlock', 'verifyEmail']) collectionOf.set(`${name}${one}`, { slug, need: 'open' })
      }
      return { introspection, types, named, selection, collectionOf }
    }

    it('answers each role on every GraphQL query of the schema as the table says, versions to people only', async () => {
      const { introspection, types, named, selection, collectionOf } = await graphQLSchema()
      const mismatches: string[] = []
      for (const field of types.get(introspection.data.__schema.queryType.name)!) {
        const target = collectionOf.get(field.name) ?? { slug: '', need: 'custom' as const }
        const idArg = field.args.find((a) => a.name === 'id')
        const id = field.name.startsWith('version') && target.slug === 'phrases' ? draftVersionId : (existing[target.slug] ?? MISSING)
        const idValue = idArg ? `id: ${named(idArg.type).name === 'String' ? JSON.stringify(String(id)) : id}` : ''
        const inner = named(field.type)
        // Permission summaries hold no content (and Payload's types for them fail on fields without
        // an explicit permission): their name is enough.
        const fields = inner.kind !== 'OBJECT' ? '' : target.need === 'open' ? '{ __typename }' : selection(inner.name!, 3)
        // Where drafts can be asked for, asked once as published and once with `draft: true`.
        const argumentLists = field.args.some((arg) => arg.name === 'draft') ? [idValue, `${idValue} draft: true`] : [idValue]
        const queries = argumentLists.map((list) => `{ ${field.name}${list.trim() ? `(${list.trim()})` : ''} ${fields} }`)
        for (const [query, role] of queries.flatMap((query) => ROLES.map((role) => [query, role] as const))) {
          const response = await call(role, 'POST', '/api/graphql', { query })
          const text = await response.text()
          if (response.status >= 500) mismatches.push(`${role} ${field.name}: ${response.status}`)
          for (const word of leaks(role, text)) mismatches.push(`${role} ${field.name}: received unpublished "${word}"`)
          const body = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { statusCode?: number } }[] }
          const codes = (body.errors ?? []).map((e) => e.extensions?.statusCode)
          const actual: Outcome = response.status === 401 || codes.includes(401) ? 'unauthorized' : codes.includes(403) ? 'refused' : 'allowed'
          const expected = expectedOutcome(role, target.slug, field.name, target.need)
          // The query itself must be sound: where an admin is allowed, data (or not found) comes back.
          if (role === 'admin' && expected === 'allowed' && !codes.every((code) => code === 404)) mismatches.push(`admin ${field.name}: ${text.slice(0, 200)}`)
          const matches = expected === 'any' || actual === expected || (expected === 'refused' && actual === 'unauthorized')
          if (!matches) mismatches.push(`${role} ${field.name}: expected ${expected}, got ${actual} ${text.slice(0, 120)}`)
        }
      }
      expect(mismatches).toEqual([])
    }, 300_000)

    it('answers each role on every GraphQL mutation that needs no input but an id, as the table says', async () => {
      const { introspection, types, named, collectionOf } = await graphQLSchema()
      // Creates and updates take a document as input: their access is the REST routes' (above).
      const mutations = types.get(introspection.data.__schema.mutationType.name)!.filter((field) => field.args.every((arg) => arg.name === 'id' || arg.type.kind !== 'NON_NULL'))
      expect(mutations.map((field) => field.name)).toEqual(expect.arrayContaining(['deletePhrase', 'restoreVersionPhrase']))
      const mismatches: string[] = []
      for (const field of mutations) {
        const target = collectionOf.get(field.name) ?? { slug: '', need: 'custom' as const }
        const idArg = field.args.find((arg) => arg.name === 'id')
        const args = idArg ? `(id: ${named(idArg.type).name === 'String' ? JSON.stringify(String(MISSING)) : MISSING})` : ''
        const inner = named(field.type)
        const query = `mutation { ${field.name}${args} ${inner.kind === 'OBJECT' ? '{ __typename }' : ''} }`
        for (const role of ROLES) {
          const response = await call(role, 'POST', '/api/graphql', { query })
          const text = await response.text()
          if (field.name.startsWith('logout') || field.name.startsWith('refreshToken')) for (const person of PEOPLE) if (person === role) await signIn(person)
          if (response.status >= 500) mismatches.push(`${role} ${field.name}: ${response.status}`)
          const codes = ((JSON.parse(text) as { errors?: { extensions?: { statusCode?: number } }[] }).errors ?? []).map((e) => e.extensions?.statusCode)
          if (codes.includes(500)) mismatches.push(`${role} ${field.name}: ${text.slice(0, 200)}`)
          const actual: Outcome = response.status === 401 || codes.includes(401) ? 'unauthorized' : codes.includes(403) ? 'refused' : 'allowed'
          const expected = expectedOutcome(role, target.slug, field.name, target.need, Boolean(idArg))
          // As over REST: a write to a document that does not exist may be a 404 before access is decided.
          const matches = expected === 'any' || actual === expected || (expected === 'refused' && (actual === 'unauthorized' || codes.includes(404)))
          if (!matches) mismatches.push(`${role} ${field.name}: expected ${expected}, got ${actual} ${text.slice(0, 120)}`)
        }
      }
      expect(mismatches).toEqual([])
    })

    it('gives agents nothing unpublished on any GET of the delivery API (its OpenAPI document), and a disabled client nothing at all', async () => {
      const document = (await (await fetch(`${server.url}/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> }
      const values: Record<string, string[]> = { key: ['closing.matrix_draft', 'closing.matrix_published'], lng: ['zh-TW', 'zh-CN'], ns: ['closing'] }
      const addresses = Object.entries(document.paths)
        .filter(([, operations]) => 'get' in operations)
        .flatMap(([path]) =>
          Object.entries(values).reduce(
            (expanded, [name, options]) => expanded.flatMap((address) => (address.includes(`{${name}}`) ? options.map((value) => address.replace(`{${name}}`, value)) : [address])),
            [path],
          ),
        )
      expect(addresses).toEqual(expect.arrayContaining(['/v1/phrases', '/v1/phrases/closing.matrix_draft']))
      const mismatches: string[] = []
      for (const address of addresses) {
        // The event stream from the first revision: everything it would ever tell an agent.
        const urls = address === '/v1/events' ? ['/v1/events?since=0'] : [address, `${address}?locale=zh-CN`]
        for (const url of urls) {
          const agent = await call('agent', 'GET', url)
          const text = await bodyOf(agent)
          if (agent.status >= 500) mismatches.push(`agent ${url}: ${agent.status}`)
          for (const word of leaks('agent', text, url)) mismatches.push(`agent ${url}: received unpublished "${word}"`)
          const disabled = await call('disabled agent', 'GET', url)
          await bodyOf(disabled)
          if (disabled.status !== 401 && !url.startsWith('/v1/openapi.json')) mismatches.push(`disabled agent ${url}: ${disabled.status}`)
        }
      }
      expect(mismatches).toEqual([])
    })

    it('refuses a client at once, with 401 in the JSON error shape, on the process where an admin disabled it', async () => {
      const created = await server.payload.create({ collection: 'api-clients', data: { name: 'Soon disabled', enableAPIKey: true, apiKey: 'route-privileges-soon-0123456789abcdef' } })
      const soon = { authorization: 'api-clients API-Key route-privileges-soon-0123456789abcdef', 'accept-language': 'zh-Hans' }
      const read = () =>
        Promise.all([
          fetch(`${server.url}/api/phrases`, { headers: soon }),
          fetch(`${server.url}/api/graphql`, { method: 'POST', headers: { ...soon, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ Phrases { totalDocs } }' }) }),
          fetch(`${server.url}/api/access`, { headers: soon }),
          fetch(`${server.url}/v1/phrases`, { headers: soon }),
        ])
      expect((await read()).map((r) => r.status)).toEqual([200, 200, 200, 200])
      expect((await call('admin', 'PATCH', `/api/api-clients/${created.id}`, { enabled: false })).status).toBe(200)
      const after = await read()
      expect(after.map((r) => r.status)).toEqual([401, 401, 401, 401])
      for (const response of after) {
        expect(await response.json()).toMatchObject({ error: { code: 'unauthorized', message: expect.stringContaining('请提供') } })
      }
    })

    it('refuses a person at once on /v1 after they sign out, though /v1 had just trusted their token', async () => {
      await server.payload.create({ collection: 'users', data: { email: 'signing-out@example.com', password: 'signing-out-pw', roles: ['editor'] } })
      const login = await call('anonymous', 'POST', '/api/users/login', { email: 'signing-out@example.com', password: 'signing-out-pw' })
      const token = { authorization: `JWT ${((await login.json()) as { token: string }).token}` }
      expect((await fetch(`${server.url}/v1/phrases`, { headers: token })).status).toBe(200)
      expect((await fetch(`${server.url}/api/users/logout`, { method: 'POST', headers: token })).status).toBe(200)
      expect((await fetch(`${server.url}/v1/phrases`, { headers: token })).status).toBe(401)
    })
  })
}
