import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { type RunningServer, startServer } from '../src/server/start'
import { seededSettings } from './helpers/databases'

type Role = 'admin' | 'editor' | 'reviewer' | 'auditor' | 'agent' | 'anonymous'
type Operation = 'read' | 'create' | 'update' | 'delete'

const ROLES: Role[] = ['admin', 'editor', 'reviewer', 'auditor', 'agent', 'anonymous']
const PEOPLE: Role[] = ['admin', 'editor', 'reviewer', 'auditor']
const API_KEY = 'privileges-test-key-0123456789abcdef'

/**
 * Who may do what, collection by collection: the table the access predicates must implement.
 * `read` of phrases by agents is allowed but filtered to published ones (checked below).
 */
const ALLOWED: Record<string, Record<Operation, Role[]>> = {
  phrases: { read: [...PEOPLE, 'agent'], create: ['admin', 'editor', 'reviewer'], update: ['admin', 'editor', 'reviewer'], delete: ['admin'] },
  categories: { read: [...PEOPLE, 'agent'], create: ['admin'], update: ['admin'], delete: ['admin'] },
  holidays: { read: [...PEOPLE, 'agent'], create: ['admin'], update: ['admin'], delete: ['admin'] },
  scenarios: { read: [...PEOPLE, 'agent'], create: ['admin', 'editor', 'reviewer'], update: ['admin', 'editor', 'reviewer'], delete: ['admin'] },
  'forbidden-terms': { read: [...PEOPLE, 'agent'], create: ['admin', 'reviewer'], update: ['admin', 'reviewer'], delete: ['admin', 'reviewer'] },
  glossary: { read: [...PEOPLE, 'agent'], create: ['admin'], update: ['admin'], delete: ['admin'] },
  users: { read: PEOPLE, create: ['admin'], update: ['admin'], delete: ['admin'] },
  'api-clients': { read: ['admin'], create: ['admin'], update: ['admin'], delete: ['admin'] },
  'audit-log': { read: ['admin', 'auditor'], create: [], update: [], delete: [] },
  'scheduled-runs': { read: ['admin', 'reviewer'], create: [], update: [], delete: [] },
  'delivery-revisions': { read: ['admin'], create: [], update: [], delete: [] },
  'phrase-usage': { read: ['admin'], create: [], update: [], delete: [] },
}

/** Least privilege over REST and GraphQL: roles × collections × operations, and the server-only fields. */
describe('privileges over REST and GraphQL', () => {
  let server: RunningServer
  const headers: Partial<Record<Role, Record<string, string>>> = { agent: { authorization: `api-clients API-Key ${API_KEY}` }, anonymous: {} }
  /** One existing document per collection (updates target it; deletes target a missing id). */
  const existing: Record<string, number | string> = {}

  const call = (who: Role, method: string, path: string, body?: unknown) =>
    fetch(server.url + path, {
      method,
      headers: { 'content-type': 'application/json', ...headers[who] },
      body: body === undefined ? undefined : JSON.stringify(body),
    })

  beforeAll(async () => {
    const name = 'privileges'
    server = await startServer(await seededSettings('sqlite', name), { admin: false })
    const payload = server.payload
    await payload.create({ collection: 'api-clients', data: { name: 'Agent desktop', enableAPIKey: true, apiKey: API_KEY } })
    for (const role of PEOPLE) {
      const email = `${role}@example.com`
      await payload.create({ collection: 'users', data: { email, password: `${role}-pw`, roles: [role as 'admin'] } })
      const login = await fetch(server.url + '/api/users/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: `${role}-pw` }),
      })
      headers[role] = { authorization: `JWT ${((await login.json()) as { token: string }).token}` }
    }
    const category = (await payload.find({ collection: 'categories', limit: 1 })).docs[0]!
    existing.phrases = (
      await payload.create({ collection: 'phrases', locale: 'zh-Hant', draft: true, data: { key: 'closing.privileges', category: category.id, title: '測試', text: '測試文字。' } })
    ).id
    for (const slug of Object.keys(ALLOWED)) {
      if (existing[slug] !== undefined) continue
      const doc = (await payload.find({ collection: slug as 'categories', limit: 1, overrideAccess: true, sort: 'id' })).docs[0]
      if (doc) existing[slug] = doc.id
    }
    existing.users = (await payload.find({ collection: 'users', where: { email: { equals: 'admin@example.com' } } })).docs[0]!.id
  })
  afterAll(async () => {
    await server?.close()
  })

  const cases = Object.entries(ALLOWED).flatMap(([slug, allowed]) =>
    (['read', 'create', 'update', 'delete'] as const).map((operation) => [slug, operation, allowed[operation]] as const),
  )

  it.each(cases)('%s: %s', async (slug, operation, allowed) => {
    const outcome: Record<string, string> = {}
    for (const role of ROLES) {
      let response: Response
      if (operation === 'read') response = await call(role, 'GET', `/api/${slug}?limit=1&depth=0`)
      else if (operation === 'create') response = await call(role, 'POST', `/api/${slug}`, {})
      else if (operation === 'update') {
        if (existing[slug] === undefined) continue
        response = await call(role, 'PATCH', `/api/${slug}/${existing[slug]}?draft=true`, {})
      } else response = await call(role, 'DELETE', `/api/${slug}/999999`)
      // Refused: 401/403 (or, for a where-filtered update, 404: the document is not theirs to see).
      const refused = response.status === 401 || response.status === 403 || (operation === 'update' && response.status === 404)
      expect(response.status).toBeLessThan(500)
      outcome[role] = refused ? 'refused' : 'allowed'
    }
    const expected = Object.fromEntries(Object.keys(outcome).map((role) => [role, allowed.includes(role as Role) ? 'allowed' : 'refused']))
    expect(outcome).toEqual(expected)
  })

  /** GraphQL names: `Phrases` lists, `deletePhrase` deletes (a common way around REST-only rules). */
  const GRAPHQL: Record<string, [list: string, singular: string]> = {
    phrases: ['Phrases', 'Phrase'],
    categories: ['Categories', 'Category'],
    holidays: ['Holidays', 'Holiday'],
    scenarios: ['Scenarios', 'Scenario'],
    'forbidden-terms': ['ForbiddenTerms', 'ForbiddenTerm'],
    glossary: ['Glossaries', 'Glossary'],
    users: ['Users', 'User'],
    'api-clients': ['ApiClients', 'ApiClient'],
    'audit-log': ['AuditLogs', 'AuditLog'],
    'scheduled-runs': ['ScheduledRuns', 'ScheduledRun'],
    'delivery-revisions': ['DeliveryRevisions', 'DeliveryRevision'],
    'phrase-usage': ['PhraseUsages', 'PhraseUsage'],
  }

  it.each(Object.keys(ALLOWED))('%s: the same rules over GraphQL (list and delete)', async (slug) => {
    const [list, singular] = GRAPHQL[slug]!
    const outcome: Record<string, string> = {}
    const expected: Record<string, string> = {}
    for (const role of ROLES) {
      for (const [operation, query] of [
        ['read', `{ ${list}(limit: 1) { totalDocs } }`],
        ['delete', `mutation { delete${singular}(id: 999999) { id } }`],
      ] as const) {
        const response = await call(role, 'POST', '/api/graphql', { query })
        expect(response.status).toBeLessThan(500)
        const body = (await response.json()) as { errors?: { extensions?: { statusCode?: number } }[] }
        // Messages are in the admin's language; the status code is not.
        const refused = body.errors?.some((e) => e.extensions?.statusCode === 401 || e.extensions?.statusCode === 403) ?? false
        outcome[`${role} ${operation}`] = refused ? 'refused' : 'allowed'
        expected[`${role} ${operation}`] = ALLOWED[slug]![operation].includes(role) ? 'allowed' : 'refused'
      }
    }
    expect(outcome).toEqual(expected)
  })

  it('shows agents published phrases only, and people only their own user record', async () => {
    const agentView = (await (await call('agent', 'GET', '/api/phrases?limit=100&where[key][equals]=closing.privileges')).json()) as { totalDocs: number }
    expect(agentView.totalDocs).toBe(0)
    const editorUsers = (await (await call('editor', 'GET', '/api/users?limit=100')).json()) as { docs: { email: string }[] }
    expect(editorUsers.docs.map((u) => u.email)).toEqual(['editor@example.com'])
  })

  it('lets nobody write the server-only fields of a phrase, nor their own roles', async () => {
    const id = existing.phrases!
    const patched = await call('admin', 'PATCH', `/api/phrases/${id}?draft=true&locale=zh-Hant`, {
      workflowState: 'published',
      pendingAuthors: [],
      changedBy: 'someone else',
      approvedBy: 'admin@example.com',
      publishAt: '2030-01-01T00:00:00Z',
    })
    expect(patched.status).toBe(200)
    const phrase = await server.payload.findByID({ collection: 'phrases', id, draft: true })
    expect(phrase).toMatchObject({ workflowState: 'draft', changedBy: 'admin@example.com', approvedBy: null, publishAt: null })
    expect(phrase.pendingAuthors).toEqual(expect.arrayContaining([expect.any(String)]))

    const editorId = (await server.payload.find({ collection: 'users', where: { email: { equals: 'editor@example.com' } } })).docs[0]!.id
    await call('editor', 'PATCH', `/api/users/${editorId}`, { roles: ['admin'] })
    expect((await server.payload.findByID({ collection: 'users', id: editorId })).roles).toEqual(['editor'])
  })
})
