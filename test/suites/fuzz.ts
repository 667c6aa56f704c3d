import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'

import { isAmbiguityList } from '../../src/conversion/converter'
import { verifyAuditLog } from '../../src/audit/log'
import { isoInstant } from '../../src/domain/isoTime'
import { CHANNELS, CONTENT_LOCALES } from '../../src/domain/locales'
import { PHRASE_LIMITS } from '../../src/domain/phraseLimits'
import { phraseKeyProblem, VARIABLE_NAME_PATTERN } from '../../src/domain/phraseKey'
import { characterProblem } from '../../src/domain/textInput'
import { variableCheck } from '../../src/domain/variableCheck'
import { WORKFLOW_STATES } from '../../src/domain/workflow'
import { runtimeSettings } from '../../src/runtimeSettings'
import { type RunningServer, startServer } from '../../src/server/start'
import { smallLibrary } from '../fixtures/smallLibrary'
import { type DatabaseKind, seededSettings } from '../helpers/databases'

type Json = Record<string, any>

/** Runs per property (FUZZ_RUNS scales them); FUZZ_SEED replays a failure fast-check reported. */
const SCALE = Number(process.env.FUZZ_RUNS ?? 1)
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED)
const runs = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns: Math.max(1, Math.round(numRuns * SCALE)),
  ...(SEED === undefined ? {} : { seed: SEED }),
  // Shrinking replays requests against a server whose state moved on; the first counterexample is what helps.
  endOnFailure: true,
})

/** The library is not the subject here: the small one (copied from its template) keeps each write's side effects small. */
const LIBRARY = smallLibrary()
const API_KEY = 'fuzz-agent-key-0123456789abcdef'
const PEOPLE = { editor: ['editor'], reviewer: ['reviewer'], reviewer2: ['reviewer'], auditor: ['auditor'], admin: ['admin'] } as const
type Who = keyof typeof PEOPLE | 'agent' | 'anonymous'

// Values -------------------------------------------------------------------------------------

/** `encodeURIComponent` of any string: half a surrogate pair has no UTF-8, so it goes as U+FFFD. */
const encode = (value: string) => encodeURIComponent((value as string & { toWellFormed(): string }).toWellFormed())

/** Strings that broke, or could break, something once: controls, surrogate halves, private use, braces, escapes, odd dates. */
const NASTY = [
  '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\ud800', '\udfff', '\ue000', '\uf8ff', '\uffff', '\ufffd', '\u202e', '\u2066',
  '\u200b', '{{', '}}', '{{x}}', '{{ Company }}', '{{customer}}', '{{{{', '%', '%ff', '%2e%2e', '..', '/', '\\', '\n', '\r\n', '\t',
  '😀', '𠀀', 'null', 'undefined', 'NaN', '0000-00-00', '2027-02-30', '2027-13-01', '9999999999999', '-1', '1e999', '__proto__',
  '<script>', "' OR 1=1 --", '您好', '干', '面', '江南云商',
]
const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.string({ unit: 'grapheme', maxLength: 24 }),
  fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 4 })), { maxLength: 8 }).map((parts) => parts.join('')),
  // Lengths at and around every limit.
  fc.constantFrom(99, 100, 101, 199, 200, 201, 499, 500, 501, 999, 1000, 1001, 1999, 2000, 2001, 5001).map((n) => '話'.repeat(n)),
)
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, Number.MAX_VALUE, 1e-9),
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
  fc.constant([]),
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('id', 'name', 'value', 'relationTo', 'zhHant', '$ne', 'equals'), nastyString, { maxKeys: 2 }),
)
const isoish = fc.oneof(
  fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2027-01-28', '2027-02-30', '0000-00-00', '2027-01-28T24:00:00Z', '2027-01-28T09:00:00+15:00', 'tomorrow', '1', '', '2027-1-2'),
)

// The suite ----------------------------------------------------------------------------------

/**
 * Property-based fuzzing (fast-check) of everything a client can send: the `/v1` routes, phrase
 * creates and edits, the workflow actions, other collections' writes, and raw requests. Whatever
 * is sent: no 5xx; every refusal is a 4xx in the API's JSON error shape and writes nothing
 * (phrases, versions, audit entries, delivery revisions and the phrase itself unchanged); every
 * write that is accepted leaves a phrase that keeps its invariants; and the server is healthy and
 * its audit chain verifies afterwards.
 */
export function describeFuzz(kind: Exclude<DatabaseKind, 'mongodb'>): void {
  describe(`hostile input on ${kind}`, () => {
    let server: RunningServer
    const tokens: Partial<Record<Who, string>> = {}
    const ids = { categories: [] as (number | string)[], holidays: [] as (number | string)[], phrases: [] as (number | string)[], drafts: [] as (number | string)[] }
    let keyCounter = 0
    const freshKey = () => `opening.fuzz_${kind}_${++keyCounter}`

    const authorization = (who: Who): Record<string, string> =>
      who === 'agent' ? { authorization: `api-clients API-Key ${API_KEY}` } : who === 'anonymous' ? {} : { authorization: `JWT ${tokens[who]}` }

    type Sent = { status: number; text: string; json: Json | null; contentType: string }
    const send = async (path: string, init: { method?: string; who?: Who; body?: string; headers?: Record<string, string> } = {}): Promise<Sent> => {
      const response = await fetch(server.url + path, {
        method: init.method ?? 'GET',
        headers: { ...authorization(init.who ?? 'editor'), ...init.headers },
        body: init.body,
      })
      const text = await response.text()
      if (process.env.FUZZ_LOG) console.log(`${init.method ?? "GET"} ${path.slice(0, 80)} ${init.headers?.["content-type"] ?? ""} ${init.body?.length ?? 0} -> ${response.status}`)
      let json: Json | null = null
      try {
        json = JSON.parse(text)
      } catch {
        json = null
      }
      return { status: response.status, text, json, contentType: response.headers.get('content-type') ?? '' }
    }
    const sendJson = (path: string, who: Who, method: string, body: unknown, headers: Record<string, string> = {}) =>
      send(path, { method, who, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } })

    /** A refusal: 4xx, JSON, `{error: {code, message}}`. Never a 5xx. */
    const expectWellFormed = (sent: Sent, context: unknown) => {
      if (sent.status >= 500 || (sent.status >= 400 && !(typeof sent.json?.error?.code === 'string' && typeof sent.json?.error?.message === 'string'))) {
        throw new Error(`Answer ${sent.status} ${sent.text.slice(0, 500)}\nfor ${JSON.stringify(context).slice(0, 2000)}`)
      }
    }

    /** What a refusal must leave as it was. */
    const state = async (phraseId?: number | string) => {
      const count = async (collection: 'phrases' | 'audit-log' | 'delivery-revisions' | 'scenarios' | 'glossary' | 'forbidden-terms' | 'categories' | 'holidays') =>
        (await server.payload.count({ collection, overrideAccess: true })).totalDocs
      return {
        phrases: await count('phrases'),
        versions: (await server.payload.countVersions({ collection: 'phrases', overrideAccess: true })).totalDocs,
        audit: await count('audit-log'),
        revisions: await count('delivery-revisions'),
        scenarios: await count('scenarios'),
        glossary: await count('glossary'),
        forbiddenTerms: await count('forbidden-terms'),
        categories: await count('categories'),
        holidays: await count('holidays'),
        phrase: phraseId === undefined ? null : await stored(phraseId),
      }
    }
    const stored = async (id: number | string) =>
      (await server.payload.findByID({ collection: 'phrases', id, draft: true, locale: 'all', depth: 0, overrideAccess: true, disableErrors: true })) as Json | null

    /** What no stored phrase may break, however it was written. */
    const phraseProblems = async (doc: Json): Promise<string[]> => {
      const problems: string[] = []
      const check = (ok: boolean, problem: string) => ok || problems.push(problem)
      check(phraseKeyProblem(doc.key) === null, `key ${JSON.stringify(doc.key)}`)
      everyString(doc, (value, path) => {
        const problem = characterProblem(value)
        check(problem === null, `${path} holds ${problem?.character}`)
      })
      const declared = ((doc.variables ?? []) as Json[]).map((v) => v.name)
      check(declared.length <= PHRASE_LIMITS.variables.items && new Set(declared).size === declared.length, `variables ${JSON.stringify(declared)}`)
      check(declared.every((name) => typeof name === 'string' && VARIABLE_NAME_PATTERN.test(name)), `variable names ${JSON.stringify(declared)}`)
      for (const field of ['title', 'text', 'agentNotes'] as const) {
        for (const locale of CONTENT_LOCALES) {
          const value = doc[field]?.[locale]
          if (value === null || value === undefined) continue
          check(typeof value === 'string' && value.length <= PHRASE_LIMITS.length[field], `${field}.${locale} of length ${value?.length}`)
          if (field === 'text' && typeof value === 'string') {
            const variables = variableCheck(value, declared)
            check(!variables.unbalanced && variables.undeclared.length === 0, `text.${locale} ${JSON.stringify(value)} with ${JSON.stringify(declared)}`)
          }
        }
        check(doc.ambiguities === null || doc.ambiguities === undefined || Object.values(doc.ambiguities).every((flags) => flags === null || isAmbiguityList(flags)), 'ambiguities')
      }
      check((doc.channels ?? []).every((c: string) => (CHANNELS as readonly string[]).includes(c)), `channels ${JSON.stringify(doc.channels)}`)
      const tags = (doc.tags ?? []) as string[]
      check(tags.length <= PHRASE_LIMITS.tags.items && tags.every((t) => typeof t === 'string' && t.length <= PHRASE_LIMITS.tags.length), 'tags')
      check(doc.order === null || doc.order === undefined || (Number.isInteger(doc.order) && Math.abs(doc.order) <= PHRASE_LIMITS.order), `order ${doc.order}`)
      for (const field of ['validFrom', 'validUntil', 'createdAt', 'updatedAt']) {
        check(doc[field] === null || doc[field] === undefined || isoInstant(doc[field]) !== null, `${field} ${doc[field]}`)
      }
      check(!doc.validFrom || !doc.validUntil || doc.validFrom < doc.validUntil, 'validFrom before validUntil')
      check(Date.now() - Date.parse(doc.createdAt) < 24 * 3600_000, `createdAt ${doc.createdAt} is the server's`)
      check((WORKFLOW_STATES as readonly string[]).includes(doc.workflowState), `workflowState ${doc.workflowState}`)
      for (const [field, collection] of [['category', 'categories'], ['holiday', 'holidays'], ['variantOf', 'phrases']] as const) {
        if (doc[field] === null || doc[field] === undefined) continue
        const target = await server.payload.findByID({ collection, id: doc[field], depth: 0, overrideAccess: true, disableErrors: true, draft: true })
        check(Boolean(target), `${field} ${doc[field]} exists`)
      }
      check(doc.variantOf === null || doc.variantOf === undefined || String(doc.variantOf) !== String(doc.id), 'not a variant of itself')
      // Everything that reads a phrase can still read it.
      for (const path of [`/api/phrases/${doc.id}?draft=true&locale=all`, `/api/phrases/${doc.id}/history`, `/api/phrases/${doc.id}/workspace`, `/api/phrases/${doc.id}/lint`]) {
        const read = await send(path, { who: 'reviewer' })
        check(read.status === 200, `GET ${path} answered ${read.status} ${read.text.slice(0, 200)}`)
      }
      return problems
    }

    beforeAll(async () => {
      const name = `fuzz_${kind}`
      server = await startServer(await seededSettings(kind, name, {}, 'small'), { admin: false })
      for (const [who, roles] of Object.entries(PEOPLE)) {
        await server.payload.create({ collection: 'users', data: { email: `${who}@fuzz.example`, password: `${who}-password`, roles: [...roles] } })
        const login = await fetch(`${server.url}/api/users/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: `${who}@fuzz.example`, password: `${who}-password` }),
        })
        tokens[who as Who] = ((await login.json()) as Json).token
      }
      await server.payload.create({ collection: 'api-clients', data: { name: 'Fuzz agent', enableAPIKey: true, apiKey: API_KEY } })
      const all = { depth: 0, pagination: false, overrideAccess: true } as const
      ids.categories = (await server.payload.find({ collection: 'categories', ...all })).docs.map((d) => d.id)
      ids.holidays = (await server.payload.find({ collection: 'holidays', ...all })).docs.map((d) => d.id)
      ids.phrases = (await server.payload.find({ collection: 'phrases', ...all, limit: 20 })).docs.slice(0, 20).map((d) => d.id)
      // A few drafts of the editor's to edit and move through review.
      for (let i = 0; i < 6; i++) {
        const created = await sendJson('/api/phrases?locale=zh-Hant', 'editor', 'POST', validPhrase(freshKey()))
        expect(created.status).toBe(201)
        ids.drafts.push(created.json!.doc.id)
      }
    })
    afterAll(async () => {
      await server?.close()
    })

    const openingId = () => ids.categories[0]!
    const validPhrase = (key: string): Json => ({
      key,
      category: openingId(),
      title: '測試情境',
      text: '您好，{{customer}}，很高興為您服務。',
      variables: [{ name: 'customer', fallback: { zhHant: '客戶', zhHans: '客户' } }],
      channels: ['phone', 'chat'],
    })

    /** Each phrase field: plausible values, wrong types, hostile strings, references to nothing. */
    const someId = (pool: () => (number | string)[]) =>
      fc.oneof(
        fc.constantFrom(...pool()),
        fc.constantFrom(0, -1, 424242, 2 ** 31, 99999999999999, '1e3', 'abc', '0x10', ' 1', '1.0'),
        nastyValue,
      )
    const phraseFields = (): Record<string, fc.Arbitrary<unknown>> => ({
      key: fc.oneof(fc.constantFrom('opening.standard', 'closing.fuzz', 'Opening.X', 'opening.', 'opening..x', `opening.${'x'.repeat(120)}`), fc.stringMatching(/^[a-z]{1,8}\.[a-z0-9_.-]{1,12}$/), nastyValue),
      category: someId(() => ids.categories),
      title: fc.oneof(fc.constantFrom('開場', '结束语', ''), nastyString, nastyValue),
      text: fc.oneof(fc.constantFrom('您好', '您好，{{customer}}', '{{ghost}}', '{{customer}', '你先听我说'), nastyString, nastyValue),
      agentNotes: fc.oneof(nastyString, nastyValue),
      sourceScript: fc.oneof(fc.constantFrom('zh-Hant', 'zh-Hans', 'en', 'zh-XX'), nastyValue),
      machineConverted: fc.oneof(fc.boolean(), nastyValue),
      ambiguities: fc.oneof(fc.constant([{ index: 0, char: '面', chosen: '麵', candidates: ['麵', '面'] }]), nastyValue),
      channels: fc.oneof(fc.subarray([...CHANNELS]), fc.array(nastyString, { maxLength: 3 }), nastyValue),
      variables: fc.oneof(
        fc.array(
          fc.record({ name: fc.oneof(fc.constantFrom('customer', 'company', 'Bad Name'), nastyString), description: nastyString, example: nastyValue, fallback: fc.oneof(fc.record({ zhHant: nastyString, zhHans: nastyString }), nastyValue) }, { requiredKeys: ['name'] }),
          { maxLength: 55 },
        ),
        nastyValue,
      ),
      variantOf: someId(() => ids.phrases),
      holiday: someId(() => ids.holidays),
      validFrom: fc.oneof(isoish, nastyValue),
      validUntil: fc.oneof(isoish, nastyValue),
      tags: fc.oneof(fc.array(nastyString, { maxLength: 55 }), nastyValue),
      order: fc.oneof(fc.integer(), fc.double(), nastyValue),
      sourceDocuments: fc.oneof(fc.array(nastyString, { maxLength: 25 }), nastyValue),
      createdAt: fc.oneof(isoish, nastyValue),
      updatedAt: fc.oneof(isoish, nastyValue),
      id: nastyValue,
      _status: fc.oneof(fc.constantFrom('draft', 'published'), nastyValue),
      workflowState: fc.oneof(fc.constantFrom(...WORKFLOW_STATES), nastyValue),
      publishAt: fc.oneof(isoish, nastyValue),
      pendingAuthors: nastyValue,
      changeAction: nastyValue,
      approvedBy: nastyValue,
      needsReview: nastyValue,
      forbiddenTermFindings: nastyValue,
      locale: fc.oneof(fc.constantFrom('zh-Hans', 'all', 'zh-XX'), nastyValue),
    })
    /** Up to three fields changed at once, so some writes are accepted and most are refused. */
    const someFields = () => {
      const fields = phraseFields()
      return fc.array(fc.oneof(...Object.entries(fields).map(([name, value]) => value.map((v) => [name, v] as const))), { maxLength: 3 }).map((entries) => Object.fromEntries(entries) as Json)
    }
    const localeParam = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('zh-Hant', 'zh-Hans') },
      { weight: 1, arbitrary: fc.constantFrom('en', 'all', '*', 'zh-XX', '', 'zh-hant', 'zh-Hant&locale=zh-Hans') },
      { weight: 1, arbitrary: nastyString.map(encode) },
    )

    /** The request, its answer and the state around it: a refusal changed nothing; an acceptance kept the invariants. */
    async function judge(context: Json, before: Awaited<ReturnType<typeof state>>, sent: Sent, phraseId?: number | string) {
      expectWellFormed(sent, context)
      if (sent.status >= 400) {
        const after = await state(phraseId)
        if (JSON.stringify(after) !== JSON.stringify(before)) {
          throw new Error(`Refused with ${sent.status} but changed the library:\nbefore ${JSON.stringify(before).slice(0, 1500)}\nafter  ${JSON.stringify(after).slice(0, 1500)}\nfor ${JSON.stringify(context).slice(0, 1500)}`)
        }
      }
    }
    const expectKept = async (id: number | string, context: unknown) => {
      const doc = await stored(id)
      const problems = doc ? await phraseProblems(doc) : ['the phrase is gone']
      if (problems.length) throw new Error(`Phrase ${id} was stored breaking: ${problems.join('; ')}\nfor ${JSON.stringify(context).slice(0, 2000)}`)
    }

    it('phrase creates: refused with a 4xx that writes nothing, or stored keeping every invariant', async () => {
      const who = fc.oneof({ weight: 8, arbitrary: fc.constant<Who>('editor') }, { weight: 1, arbitrary: fc.constantFrom<Who>('reviewer', 'auditor', 'agent', 'anonymous') })
      await fc.assert(
        fc.asyncProperty(someFields(), localeParam, who, fc.boolean(), async (fields, locale, by, draft) => {
          const body = { ...validPhrase(freshKey()), ...fields }
          const path = `/api/phrases?locale=${locale}${draft ? '&draft=true' : ''}`
          const before = await state()
          const sent = await sendJson(path, by, 'POST', body)
          await judge({ path, by, body }, before, sent)
          if (sent.status < 400) {
            expect(sent.status).toBe(201)
            const after = await state()
            expect(after.phrases).toBe(before.phrases + 1)
            // A person's create is a draft with an audit entry, never published by saving.
            expect(after.audit).toBeGreaterThan(before.audit)
            expect(sent.json!.doc).toMatchObject({ _status: 'draft', workflowState: 'draft' })
            await expectKept(sent.json!.doc.id, { path, body })
          }
        }),
        runs(120),
      )
    })

    it('phrase edits: a refusal leaves the phrase exactly as it was', async () => {
      const target = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids.drafts) }, { weight: 1, arbitrary: fc.constantFrom(...ids.phrases) })
      const ifMatch = fc.oneof(fc.constant(null), fc.constantFrom('"2020-01-01T00:00:00.000Z"', 'garbage', '*', '""', 'W/"x"'), nastyString.filter((s) => /^[\x20-\x7e]*$/.test(s)))
      const who = fc.oneof({ weight: 6, arbitrary: fc.constant<Who>('editor') }, { weight: 1, arbitrary: fc.constantFrom<Who>('reviewer', 'auditor', 'agent', 'anonymous') })
      await fc.assert(
        fc.asyncProperty(target, someFields(), localeParam, who, ifMatch, async (id, body, locale, by, match) => {
          const path = `/api/phrases/${id}?locale=${locale}&draft=true`
          const before = await state(id)
          const sent = await sendJson(path, by, 'PATCH', body, match === null ? {} : { 'if-match': match })
          await judge({ path, by, body, match }, before, sent, id)
          if (sent.status < 400) await expectKept(id, { path, body })
        }),
        runs(120),
      )
    })

    it('workflow actions with any id, body and person: no 5xx, and a refusal moves nothing', async () => {
      const action = fc.constantFrom('submit', 'approve', 'reject', 'retire', 'restore', 'history', 'diff', 'lint', 'workspace', 'preview', 'resolve-ambiguity')
      const id = fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...ids.drafts, ...ids.phrases).map(String) },
        { weight: 1, arbitrary: fc.constantFrom('%ff', '%2e%2e', '..', '%2F', '%00', '0', '-1', '1e3', '99999999999', 'abc', '%20', '') },
        { weight: 1, arbitrary: nastyString.map(encode) },
      )
      const body = fc.oneof(
        fc.record(
          { comment: fc.oneof(fc.constant('請修改措辭'), nastyValue), publishAt: fc.oneof(isoish, nastyValue), version: nastyValue, acknowledgeWarnings: nastyValue, locale: nastyValue, index: nastyValue, choice: nastyValue },
          { requiredKeys: [] },
        ),
        nastyValue,
      )
      const who = fc.constantFrom<Who>('editor', 'reviewer', 'reviewer2', 'auditor', 'agent', 'anonymous')
      const query = fc.oneof(fc.constant(''), fc.constantFrom('?from=1&to=2', '?from=abc', '?to=99999999999', '?locale=zh-XX', '?at=2027-02-30', '?vars[x]=1'), nastyString.map((s) => `?from=${encode(s)}`))
      await fc.assert(
        fc.asyncProperty(action, id, body, who, query, async (act, phraseId, data, by, q) => {
          const reads = ['history', 'diff', 'lint', 'workspace', 'preview'].includes(act)
          const path = `/api/phrases/${phraseId}/${act}${q}`
          const known = [...ids.drafts, ...ids.phrases].map(String).includes(phraseId) ? phraseId : undefined
          const before = await state(known)
          const sent = reads ? await send(path, { who: by }) : await sendJson(path, by, 'POST', data)
          await judge({ path, by, data }, before, sent, known)
          if (!reads && sent.status < 400 && known !== undefined) await expectKept(known, { path, data })
        }),
        runs(150),
      )
    })

    it('writes to scenarios, the glossary, forbidden terms, categories and holidays: no 5xx, refusals write nothing', async () => {
      const target = fc.constantFrom(
        { collection: 'scenarios', who: 'editor' as Who, base: () => ({ key: `fuzz_${++keyCounter}`, title: '測試腳本', steps: [{ phrase: ids.phrases[0], note: '等待3秒' }] }) },
        { collection: 'forbidden-terms', who: 'reviewer' as Who, base: () => ({ term: `測試忌語${++keyCounter}`, class: 'sarcasm', severity: 'warn' }) },
        { collection: 'glossary', who: 'admin' as Who, base: () => ({ term: `測試詞${++keyCounter}`, protect: true }) },
        { collection: 'categories', who: 'admin' as Who, base: () => ({ slug: `fuzz${++keyCounter}`, name: '測試類別' }) },
        { collection: 'holidays', who: 'admin' as Who, base: () => ({ code: `fuzz_${++keyCounter}`, name: '測試節日', calendar: 'solar', month: 3, day: 8 }) },
      )
      const field = fc.constantFrom('key', 'term', 'slug', 'code', 'title', 'name', 'note', 'description', 'suggestion', 'class', 'severity', 'steps', 'protect', 'overrides', 'order', 'calendar', 'month', 'day', 'startOffsetDays', 'durationDays', 'dates', 'sourceDocuments')
      const changes = fc.array(fc.tuple(field, fc.oneof(nastyValue, fc.constant([{ phrase: 424242 }]), fc.constant([{ phrase: 'abc', note: '\u0000' }]), fc.constant({ zhTW: '\ue000' }))), { maxLength: 3 })
      await fc.assert(
        fc.asyncProperty(target, changes, localeParam, async ({ collection, who, base }, entries, locale) => {
          const body = { ...base(), ...Object.fromEntries(entries) }
          const path = `/api/${collection}?locale=${locale}`
          const before = await state()
          const sent = await sendJson(path, who, 'POST', body)
          await judge({ path, body }, before, sent)
          if (sent.status < 400) {
            everyString(sent.json!.doc, (value, at) => {
              const problem = characterProblem(value)
              if (problem) throw new Error(`${collection} stored ${at} with ${problem.character} for ${JSON.stringify(body).slice(0, 1000)}`)
            })
          }
        }),
        runs(100),
      )
    })

    it('the delivery API answers any query with data or a 4xx in its error shape', async () => {
      const route = fc.oneof(
        fc.constantFrom('/v1/phrases', '/v1/phrases/opening.standard', '/v1/phrases/closing.standard', '/v1/scenarios', '/v1/scenarios/silent_call', '/v1/i18n/zh-TW/closing.json', '/v1/changes', '/v1/', '/v1/openapi.json'),
        fc.constantFrom('/v1/phrases/%ff', '/v1/phrases/%2e%2e', '/v1/i18n/zh-XX/closing.json', '/v1/i18n/zh-TW/..%2F..%2Fetc.json', '/v1/scenarios/%00', '/v1/nope'),
        nastyString.map((s) => `/v1/phrases/${encode(s)}`),
        nastyString.map((s) => `/v1/i18n/${encode(s)}/${encode(s)}.json`),
      )
      const name = fc.constantFrom('locale', 'category', 'channel', 'at', 'q', 'since', 'vars[customer]', 'vars[Bad]', 'vars[]', 'vars', 'limit', 'locale[]', 'at[0]')
      const value = fc.oneof(
        fc.constantFrom('zh-TW', 'zh-HK', 'zh-CN', 'zh-Hant', 'zh-Hans', 'closing', 'phone', 'sms', '2027-02-06', '2027-02-30', '2027-02-06T10:00:00+08:00', '0', '-1', '1e3', '999999999999999999', 'fax', 'en'),
        nastyString,
      ).map(encode)
      // Escapes no string encodes to: half a surrogate pair in UTF-8, a byte that starts nothing, a lone %.
      const rawValue = fc.oneof(value, fc.constantFrom('%ED%A0%80', '%ff', '%', '%E4%BD'))
      const query = fc.array(fc.tuple(name, rawValue), { maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'))
      const who = fc.oneof({ weight: 6, arbitrary: fc.constant<Who>('agent') }, { weight: 1, arbitrary: fc.constantFrom<Who>('editor', 'anonymous') })
      const language = fc.constantFrom('zh-TW', 'zh-CN', 'en', '', '*;q=0', 'xx-YY, zh;q=0.5', '\u00ff')
      await fc.assert(
        fc.asyncProperty(route, query, who, language, fc.boolean(), async (path, q, by, lang, conditional) => {
          const url = q ? `${path}?${q}` : path
          const headers: Record<string, string> = lang ? { 'accept-language': encode(lang) === lang ? lang : 'zh-TW' } : {}
          if (conditional) headers['if-none-match'] = 'W/"1-x"'
          const sent = await send(url, { who: by, headers })
          expectWellFormed(sent, { url, by, lang })
          if (sent.status === 200 && path !== '/v1/openapi.json') expect(sent.contentType).toContain('application/json')
        }),
        runs(300),
      )
    })

    it('the delivery API refuses any bad body with a 4xx and writes nothing', async () => {
      const route = fc.constantFrom('/v1/convert', '/v1/lint', '/v1/usage', '/v1/phrases', '/v1/nope')
      const fieldValue = fc.oneof(fc.constantFrom('zh-TW', 'zh-CN', 'zh-Hans', 'closing.standard', 'phone', '您好', '干'), nastyValue)
      const body = fc.oneof(
        fc.record({ text: fieldValue, to: fieldValue, locale: fieldValue, key: fieldValue, channel: fieldValue }, { requiredKeys: [] }).map((b) => JSON.stringify(b)),
        fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
        fc.constantFrom('', '{', '{"text":', 'null', '[]', '"text"', '1e999', '{"text":"\\ud800"}', '{"text":"a","to":"zh-TW"}'.repeat(2)),
        fc.constant(JSON.stringify({ text: '話'.repeat(20_001), to: 'zh-TW' })),
        fc.constant(JSON.stringify({ text: 'a'.repeat(300_000) })),
        nastyString,
      )
      const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/json; charset=latin1', 'application/x-www-form-urlencoded', 'APPLICATION/JSON', '')
      await fc.assert(
        fc.asyncProperty(route, body, contentType, async (path, raw, type) => {
          const before = await state()
          const sent = await send(path, { method: 'POST', who: 'agent', body: raw, headers: type ? { 'content-type': type } : {} })
          expectWellFormed(sent, { path, raw: raw.slice(0, 300), type })
          const after = await state()
          expect(after).toEqual(before)
        }),
        runs(200),
      )
    })

    it('raw requests to the REST API: malformed JSON, wrong types, odd methods and paths are 4xx that write nothing', async () => {
      const path = fc.oneof(
        fc.constantFrom('/api/phrases', '/api/phrases?locale=zh-Hant', '/api/scenarios', '/api/glossary', '/api/forbidden-terms', '/api/categories', '/api/holidays', '/api/audit-log', '/api/users', '/api/api-clients', '/api/phrases/import?dryRun=true', '/api/phrases/convert-preview'),
        fc.constantFrom(...ids.drafts).map((id) => `/api/phrases/${id}`),
        fc.constantFrom('/api/phrases/%ff', '/api/%2e%2e/users', '/api/phrases/99999999999', '/api/nope', '/api/phrases/abc', '/api/audit-log/1', '/api/phrases/1/nope'),
      )
      const method = fc.constantFrom('POST', 'PATCH', 'PUT', 'DELETE', 'GET')
      const raw = fc.oneof(
        fc.constantFrom('', '{', 'null', '[]', '[{}]', '"x"', '1', 'true', '{"key":null}', '{"where":{"id":{"equals":1}}}', '{"_payload":"{"}', '{"__proto__":{"x":1}}', '1e999', 'limit=0', 'depth=99&where[id][equals]=99999999999', 'where[order][equals]=abc', 'where[key][in]=%ff'),
        fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
        fc.constant(JSON.stringify({ title: 'a'.repeat(1_100_000) })),
        nastyString,
      )
      const contentType = fc.constantFrom('application/json', 'text/plain', 'application/json; charset=latin1', 'multipart/form-data', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'Application/Json', '')
      const who = fc.constantFrom<Who>('editor', 'reviewer', 'auditor', 'agent', 'anonymous')
      // The admin's long-list reads: a POST whose body is the query string.
      const override = fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) })
      await fc.assert(
        fc.asyncProperty(path, method, raw, contentType, who, override, async (url, verb, body, type, by, asRead) => {
          const before = await state()
          const headers: Record<string, string> = type ? { 'content-type': type } : {}
          if (asRead) headers['x-payload-http-method-override'] = 'GET'
          const sent = await send(url, { method: verb, who: by, body: verb === 'GET' ? undefined : body, headers })
          await judge({ url, verb, body: body.slice(0, 300), type, by, asRead }, before, sent)
        }),
        runs(200),
      )
    })

    it('list queries with any where, sort, page and select: data or a 4xx, never a 5xx', async () => {
      const target = fc.constantFrom(
        { path: '/api/phrases', who: 'editor' as Who },
        { path: '/api/phrases/versions', who: 'admin' as Who },
        { path: '/api/phrases/count', who: 'editor' as Who },
        { path: '/api/phrases/export', who: 'editor' as Who },
        { path: '/api/categories', who: 'agent' as Who },
        { path: '/api/scenarios', who: 'editor' as Who },
        { path: '/api/holidays', who: 'editor' as Who },
        { path: '/api/forbidden-terms', who: 'reviewer' as Who },
        { path: '/api/glossary', who: 'admin' as Who },
        { path: '/api/audit-log', who: 'auditor' as Who },
        { path: '/api/users', who: 'admin' as Who },
        { path: '/api/scheduled-runs', who: 'admin' as Who },
      )
      const fieldPath = fc.oneof(
        fc.constantFrom('id', 'key', 'title', 'title.zh-Hans', 'text', 'category', 'category.slug', 'holiday', 'holiday.code', 'variantOf', 'channels', 'tags', 'order', 'validFrom', 'createdAt', 'updatedAt', '_status', 'workflowState', 'needsReview', 'forbiddenTermFindings', 'variables', 'variables.name', 'ambiguities', 'pendingAuthors', 'parent', 'version.key', 'version.title', 'latest', 'sequence', 'action', 'slug', 'code', 'dates.year', 'steps.phrase', 'term', 'severity', 'roles', 'email'),
        nastyString.map(encode),
      )
      const operator = fc.oneof(fc.constantFrom('equals', 'not_equals', 'in', 'not_in', 'all', 'exists', 'contains', 'like', 'not_like', 'greater_than', 'less_than_equal', 'near', 'within', 'intersects'), nastyString.map(encode))
      const value = fc.oneof(
        fc.constantFrom('1', '0', '-1', '1,2', 'abc', 'true', 'maybe', 'null', '2027-01-01', '0000-00-00', '1e999', '99999999999', 'draft', 'published', 'phone', 'closing', '%ff', '%00', '%ED%A0%80', ''),
        nastyString.map(encode),
      )
      const condition = fc.tuple(fc.constantFrom('', 'or][0][', 'and][1][', 'or][0][and][0]['), fieldPath, operator, value).map(([prefix, field, op, v]) => `where[${prefix}${field}][${op}]=${v}`)
      const extra = fc.constantFrom('', 'sort=-title', 'sort=nope', 'sort=%00', 'page=0', 'page=-1', 'page=abc', 'page=2', 'limit=1', 'depth=0', 'select[key]=true', 'select[nope]=true', 'populate[categories][slug]=true', 'joins=abc', 'draft=maybe', 'locale=zh-Hans', 'locale=zh-XX', 'locale=all', 'trash=true', 'where=abc', 'where={"key":{"equals":1}}', 'data=abc', 'format=csv', 'format=exe')
      const query = fc.tuple(fc.array(condition, { maxLength: 3 }), fc.array(extra, { maxLength: 3 })).map(([conditions, extras]) => [...conditions, ...extras].filter(Boolean).join('&'))
      await fc.assert(
        fc.asyncProperty(target, query, async ({ path, who }, q) => {
          const url = q ? `${path}?${q}` : path
          const sent = await send(url, { who })
          expectWellFormed(sent, { url, who })
        }),
        runs(300),
      )
    })

    it('is healthy afterwards: health checks, every phrase readable, the library served, the audit chain verifies', async () => {
      expect((await send('/healthz')).status).toBe(200)
      expect((await send('/readyz')).status).toBe(200)
      let page = 1
      for (;;) {
        const list = await send(`/api/phrases?draft=true&locale=all&depth=1&limit=100&page=${page}`, { who: 'reviewer' })
        expect(list.status).toBe(200)
        if (!list.json!.hasNextPage) break
        page++
      }
      await server.store.refresh()
      const served = await send('/v1/phrases?locale=zh-TW&limit=2000', { who: 'agent' })
      expect(served.status).toBe(200)
      // Every phrase of the library the fuzzing never wrote to is still served.
      const touched = new Set((await server.payload.find({ collection: 'phrases', where: { id: { in: ids.phrases } }, depth: 0, pagination: false, overrideAccess: true })).docs.map((d) => d.key))
      const untouched = LIBRARY.phrases.filter((p) => !p.variantOf && !touched.has(p.key)).map((p) => p.key)
      expect(untouched.length).toBeGreaterThan(10)
      expect(served.json!.items.map((item: Json) => item.key)).toEqual(expect.arrayContaining(untouched))
      const verified = await verifyAuditLog(server.payload, runtimeSettings(server.payload).auditKey)
      // The whole verdict, so a failure names the first bad entry and why.
      expect(verified).toEqual({ ok: true, entries: expect.any(Number) })
    })
  })
}

/** Calls `visit` with every string inside a JSON value and its path. */
function everyString(value: unknown, visit: (value: string, path: string) => void, path = '$'): void {
  if (typeof value === 'string') visit(value, path)
  else if (Array.isArray(value)) value.forEach((item, i) => everyString(item, visit, `${path}[${i}]`))
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) everyString(item, visit, `${path}.${key}`)
}
