import { describe, expect, it } from '@jest/globals'
import { compileErrors, validate } from '@readme/openapi-parser'

import { DOCUMENTED_ROUTES, openApiDocument } from '../src/delivery/openapi'
import { CHANNELS, DELIVERY_LOCALES } from '../src/domain/locales'
import { PHRASE_KEY_PATTERN, VARIABLE_NAME_PATTERN } from '../src/domain/phraseKey'

type Json = Record<string, any>

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

const document = openApiDocument() as Json

function operations(doc: Json): { method: string; path: string; op: Json }[] {
  return Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => method in item).map((method) => ({ method, path, op: item[method] as Json })),
  )
}

/** Follows a local `$ref` (the operations refer to shared components). */
function resolve(node: Json): Json {
  if (typeof node?.$ref !== 'string') return node
  const target = (node.$ref as string)
    .replace(/^#\//, '')
    .split('/')
    .reduce((at: Json, part) => at[part], document)
  return resolve(target)
}

/** Every `enum` in the document, with where it is. */
function enums(node: unknown, at = '#'): { at: string; values: unknown[] }[] {
  if (Array.isArray(node)) return node.flatMap((child, i) => enums(child, `${at}/${i}`))
  if (!node || typeof node !== 'object') return []
  return Object.entries(node).flatMap(([key, value]) =>
    key === 'enum' && Array.isArray(value) ? [{ at, values: value }] : enums(value, `${at}/${key}`),
  )
}

const operationList = operations(document)
const queryParameters = (op: Json) => ((op.parameters ?? []) as Json[]).map(resolve).filter((p) => p.in === 'query')

describe('OpenAPI document of the delivery API', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    // The validator dereferences its input in place; give it a copy.
    const result = await validate(structuredClone(openApiDocument('https://phrasebook.example.com')) as never)
    if (!result.valid) throw new Error(compileErrors(result))
    expect(result.warnings).toEqual([])
    expect(document.openapi).toBe('3.1.0')
    expect(document.info).toMatchObject({ title: 'Phrasebook CMS delivery API', version: '1' })
  })

  it('is plain JSON, so it can be served as is', () => {
    expect(JSON.parse(JSON.stringify(document))).toEqual(document)
  })

  it('names the server only when given one', () => {
    expect(document.servers).toBeUndefined()
    expect((openApiDocument('https://phrasebook.example.com') as Json).servers).toEqual([
      expect.objectContaining({ url: 'https://phrasebook.example.com' }),
    ])
  })

  it('gives every operation an operationId, a summary and a 2xx response', () => {
    expect(operationList.length).toBeGreaterThan(0)
    for (const { method, path, op } of operationList) {
      const where = `${method.toUpperCase()} ${path}`
      expect([where, typeof op.operationId]).toEqual([where, 'string'])
      expect([where, typeof op.summary === 'string' && op.summary.length > 0]).toEqual([where, true])
      expect([where, Object.keys(op.responses).some((status) => /^2\d\d$/.test(status))]).toEqual([where, true])
    }
    const ids = operationList.map(({ op }) => op.operationId)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('documents the errors each operation can answer', () => {
    for (const { method, path, op } of operationList) {
      const statuses = Object.keys(op.responses)
      const where = `${method.toUpperCase()} ${path}`
      const authenticated = !(Array.isArray(op.security) && op.security.length === 0)
      if (authenticated) expect([where, statuses]).toEqual([where, expect.arrayContaining(['401', '429'])])
      if (method === 'get' && !streams(op)) expect([where, statuses]).toEqual([where, expect.arrayContaining(['304'])])
      if (queryParameters(op).length > 0 || op.requestBody) expect([where, statuses]).toEqual([where, expect.arrayContaining(['400'])])
      if (op.requestBody) expect([where, statuses]).toEqual([where, expect.arrayContaining(['413'])])
      for (const [status, response] of Object.entries(op.responses as Record<string, Json>)) {
        if (Number(status) >= 400) {
          expect([where, status, resolve(response).content['application/json'].schema]).toEqual([
            where,
            status,
            { $ref: '#/components/schemas/Error' },
          ])
        }
      }
    }
  })

  it('sends ETag and Cache-Control on every GET but the event stream, and takes If-None-Match', () => {
    for (const { path, op } of operationList.filter(({ method, op }) => method === 'get' && !streams(op))) {
      const ok = op.responses['200'] as Json
      expect([path, Object.keys(ok.headers)]).toEqual([path, expect.arrayContaining(['ETag', 'Cache-Control'])])
      expect([path, (op.parameters as Json[]).map(resolve).map((p) => p.name)]).toEqual([path, expect.arrayContaining(['If-None-Match'])])
      expect(Object.keys(resolve(op.responses['304']).headers)).toContain('ETag')
    }
    expect(resolve(document.components.headers.CacheControl).schema.const).toBe('private, no-cache')
    // The one stream: server-sent events, resumed from Last-Event-ID or since.
    expect(operationList.filter(({ op }) => streams(op)).map(({ path }) => path)).toEqual(['/v1/events'])
    const events = document.paths['/v1/events'].get
    expect((events.parameters as Json[]).map(resolve).map((p) => p.name)).toEqual(['since', 'Last-Event-ID', 'Accept-Language'])
  })

  it('is authenticated by an API client key or a user token, except for the document itself', () => {
    expect(document.security).toEqual([{ apiClientKey: [] }, { userToken: [] }])
    expect(document.components.securitySchemes.apiClientKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' })
    expect(document.components.securitySchemes.apiClientKey.description).toContain('api-clients API-Key <key>')
    expect(document.components.securitySchemes.userToken).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' })
    expect(document.components.securitySchemes.userToken.description).toContain('JWT <token>')
    expect(document.paths['/v1/openapi.json'].get.security).toEqual([])
    const publicOperations = operationList.filter(({ op }) => Array.isArray(op.security) && op.security.length === 0)
    expect(publicOperations.map(({ path }) => path)).toEqual(['/v1/openapi.json'])
  })

  it('uses the delivery locales and channels of src/domain for every locale and channel enum', () => {
    const all = enums(document)
    const localeEnums = all.filter(({ values }) => values.some((v) => (DELIVERY_LOCALES as readonly unknown[]).includes(v)))
    const channelEnums = all.filter(({ values }) => values.some((v) => (CHANNELS as readonly unknown[]).includes(v)))
    expect(localeEnums.length).toBeGreaterThanOrEqual(1)
    expect(channelEnums.length).toBeGreaterThanOrEqual(1)
    for (const { at, values } of localeEnums) expect([at, values]).toEqual([at, [...DELIVERY_LOCALES]])
    for (const { at, values } of channelEnums) expect([at, values]).toEqual([at, [...CHANNELS]])

    // And the places a client looks for them resolve to those enums.
    const { parameters, schemas } = document.components
    expect(resolve(parameters.locale.schema).enum).toEqual([...DELIVERY_LOCALES])
    expect(resolve(parameters.locale.schema).default).toBe('zh-Hant')
    expect(resolve(parameters.lng.schema).enum).toEqual([...DELIVERY_LOCALES])
    expect(resolve(parameters.channel.schema).enum).toEqual([...CHANNELS])
    expect(resolve(schemas.Phrase.properties.locale).enum).toEqual([...DELIVERY_LOCALES])
    expect(resolve(schemas.Phrase.properties.channels.items).enum).toEqual([...CHANNELS])
    expect(resolve(schemas.ConvertRequest.properties.to).enum).toEqual([...DELIVERY_LOCALES])
    expect(resolve(schemas.UsageEvent.properties.channel).enum).toEqual([...CHANNELS])
  })

  it('uses the phrase key and variable name patterns of src/domain', () => {
    const { parameters, schemas } = document.components
    expect(resolve(parameters.phraseKey.schema).pattern).toBe(PHRASE_KEY_PATTERN.source)
    expect(schemas.Variable.properties.name.pattern).toBe(VARIABLE_NAME_PATTERN.source)
    expect(parameters.vars.schema.propertyNames.pattern).toBe(VARIABLE_NAME_PATTERN.source)
    expect(parameters.vars).toMatchObject({ in: 'query', style: 'deepObject', explode: true })
    // The patterns of the document are valid JavaScript (and so JSON Schema) regular expressions.
    expect(new RegExp(resolve(parameters.phraseKey.schema).pattern).test('closing.standard')).toBe(true)
  })

  it('lists every operation once in DOCUMENTED_ROUTES', () => {
    const expected = operationList.map(({ method, path }) => ({ method, path }))
    expect(DOCUMENTED_ROUTES).toHaveLength(expected.length)
    expect([...DOCUMENTED_ROUTES].sort(byRoute)).toEqual(expected.sort(byRoute))
    expect(new Set(DOCUMENTED_ROUTES.map((r) => `${r.method} ${r.path}`)).size).toBe(DOCUMENTED_ROUTES.length)
    expect(DOCUMENTED_ROUTES).toEqual(
      expect.arrayContaining([
        { method: 'get', path: '/v1' },
        { method: 'get', path: '/v1/phrases/{key}' },
        { method: 'get', path: '/v1/i18n/{lng}/{ns}.json' },
        { method: 'post', path: '/v1/usage' },
        { method: 'get', path: '/v1/openapi.json' },
      ]),
    )
  })
})

/** An operation answering a stream of server-sent events rather than one JSON document. */
function streams(op: Json): boolean {
  return 'text/event-stream' in ((op.responses['200'] as Json | undefined)?.content ?? {})
}

function byRoute(a: { method: string; path: string }, b: { method: string; path: string }): number {
  return `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`)
}
