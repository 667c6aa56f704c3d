import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import ExcelJS from 'exceljs'

import { verifyAuditLog } from '../src/audit/log'
import { runtimeSettings } from '../src/runtimeSettings'
import { type RunningServer, startServer } from '../src/server/start'
import { phrasesFromRows, readSpreadsheet } from '../src/spreadsheet'
import { seededSettings } from './helpers/databases'

type Json = Record<string, any>

/**
 * What the admin workspace stands on, through real HTTP on SQLite: live conversion, the server's
 * list of allowed actions, settling a flag, the agent's preview of a draft, import and export.
 */
describe('the workspace endpoints', () => {
  let server: RunningServer
  let closingId: number | string
  const tokens: Record<string, string> = {}

  const call = async (who: string | null, path: string, init: { method?: string; body?: unknown; form?: FormData } = {}) => {
    const headers: Record<string, string> = who ? { authorization: `JWT ${tokens[who]}` } : {}
    if (init.body !== undefined) headers['content-type'] = 'application/json'
    const response = await fetch(server.url + path, {
      method: init.method ?? (init.body !== undefined || init.form ? 'POST' : 'GET'),
      headers: { 'accept-language': 'zh-TW', ...headers },
      body: init.form ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    })
    const type = response.headers.get('content-type') ?? ''
    return { status: response.status, body: (type.includes('json') ? await response.json() : null) as Json, bytes: type.includes('json') ? null : new Uint8Array(await response.arrayBuffer()) }
  }
  const byKey = async (key: string) =>
    (await server.payload.find({ collection: 'phrases', where: { key: { equals: key } }, draft: true, locale: 'all', depth: 0 })).docs[0] as Json | undefined
  const auditCount = async () => (await server.payload.count({ collection: 'audit-log' })).totalDocs
  const upload = (name: string, bytes: Uint8Array<ArrayBuffer> | string) => {
    const form = new FormData()
    form.append('file', new Blob([bytes]), name)
    return form
  }
  const workbook = async (rows: string[][]) => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('話術')
    for (const row of rows) sheet.addRow(row)
    return new Uint8Array(await book.xlsx.writeBuffer() as ArrayBuffer)
  }

  beforeAll(async () => {
    const name = 'workspace_api'
    server = await startServer(await seededSettings('sqlite', name, { PHRASEBOOK_TIMEZONE: 'Asia/Taipei' }), { admin: false })
    for (const [who, roles] of [['editor', ['editor']], ['reviewer', ['reviewer']], ['reviewer2', ['reviewer']], ['auditor', ['auditor']]] as const) {
      await server.payload.create({ collection: 'users', data: { email: `${who}@example.com`, password: `${who}-pw`, roles: [...roles] } })
      const login = await fetch(server.url + '/api/users/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `${who}@example.com`, password: `${who}-pw` }),
      })
      tokens[who] = ((await login.json()) as Json).token
    }
    closingId = (await server.payload.find({ collection: 'categories', where: { slug: { equals: 'closing' } } })).docs[0]!.id
    await server.store.refresh()
  })
  afterAll(async () => {
    await server?.close()
  })

  it('converts as the editor types: the other script, its flags, forbidden terms in both, the variables check', async () => {
    expect((await call(null, '/api/phrases/convert-preview', { body: { from: 'zh-Hans', text: '你好' } })).status).toBe(401)
    expect((await call('editor', '/api/phrases/convert-preview', { body: { from: 'zh-TW', text: '你好' } })).status).toBe(400)
    const { status, body } = await call('editor', '/api/phrases/convert-preview', {
      body: { from: 'zh-Hans', text: '你先听我说，您订的面已经送到了，{{ghost}}{{', variables: ['customer'] },
    })
    expect(status).toBe(200)
    expect(body.to).toBe('zh-Hant')
    expect(body.converted.text).toBe('你先聽我說，您訂的面已經送到了，{{ghost}}{{')
    expect(body.ambiguities).toEqual([{ index: 9, char: '面', chosen: '面', candidates: ['面', '麵'] }])
    expect(body.findings.source).toEqual([expect.objectContaining({ index: 0, length: 5, severity: 'block' })])
    expect(body.findings.converted).toEqual([expect.objectContaining({ index: 0, length: 5, term: '你先聽我說' })])
    expect(body.variables).toEqual({ used: ['ghost'], undeclared: ['ghost'], unused: ['customer'], unbalanced: true })
  })

  let draftId: number | string
  it('lists the actions each person may take now, by the workflow rules (four-eyes included)', async () => {
    const created = await call('editor', '/api/phrases?locale=zh-Hans&draft=true', {
      body: { key: 'closing.noodles', category: closingId, title: '外卖送达', text: '您订的面和汤已经送到了。' },
    })
    expect(created.status).toBe(201)
    draftId = created.body.doc.id
    const actions = async (who: string) => (await call(who, `/api/phrases/${draftId}/workspace`)).body.actions
    expect(await actions('editor')).toEqual(['submit', 'restore'])
    expect(await actions('auditor')).toEqual([])
    expect((await call(null, `/api/phrases/${draftId}/workspace`)).status).toBe(401)
    expect((await call('editor', `/api/phrases/${draftId}/submit`, { body: {} })).status).toBe(200)
    expect(await actions('editor')).toEqual(['restore'])
    expect(await actions('reviewer')).toEqual(['approve', 'reject', 'restore'])

    const workspace = (await call('reviewer', `/api/phrases/${draftId}/workspace`)).body
    expect(workspace.workflowState).toBe('in_review')
    expect(workspace.scripts['zh-Hant']).toMatchObject({ text: '您訂的面和湯已經送到了。', machineConverted: true })
    expect(workspace.scripts['zh-Hant'].ambiguities).toEqual([{ index: 3, char: '面', chosen: '面', candidates: ['面', '麵'] }])
    expect(workspace.scripts['zh-Hans']).toMatchObject({ machineConverted: false, ambiguities: [] })
  })

  it('settles one flag with a candidate: a person’s audited edit that makes them an author of the change', async () => {
    const before = await auditCount()
    expect((await call('reviewer', `/api/phrases/${draftId}/resolve-ambiguity`, { body: { locale: 'zh-Hant', index: 4, choice: '麵' } })).status).toBe(409)
    expect((await call('reviewer', `/api/phrases/${draftId}/resolve-ambiguity`, { body: { locale: 'zh-Hant', index: 3, choice: '麪' } })).status).toBe(400)
    expect((await call('reviewer', `/api/phrases/${draftId}/resolve-ambiguity`, { body: { locale: 'zh-XX', index: 3, choice: '麵' } })).status).toBe(400)
    // Taiwan's proposal is converted from the Traditional script: its characters are asked there, not again.
    expect((await call('reviewer', `/api/phrases/${draftId}/resolve-ambiguity`, { body: { locale: 'zh-TW', index: 3, choice: '麵' } })).status).toBe(409)
    expect((await call('auditor', `/api/phrases/${draftId}/resolve-ambiguity`, { body: { locale: 'zh-Hant', index: 3, choice: '麵' } })).status).toBe(403)
    expect(await auditCount()).toBe(before)

    const resolved = await call('reviewer', `/api/phrases/${draftId}/resolve-ambiguity`, { body: { locale: 'zh-Hant', index: 3, choice: '麵' } })
    expect(resolved.status).toBe(200)
    const phrase = (await byKey('closing.noodles'))!
    // Taiwan's and Hong Kong's proposals follow the settled Traditional script in the same save.
    expect(phrase.text).toEqual({
      'zh-Hant': '您訂的麵和湯已經送到了。',
      'zh-Hans': '您订的面和汤已经送到了。',
      'zh-TW': '您訂的麵和湯已經送到了。',
      'zh-HK': '您訂的麵和湯已經送到了。',
      'zh-CN': '您订的面和汤已经送到了。',
    })
    expect(phrase.ambiguities['zh-Hant']).toEqual([])
    // The Simplified original is not converted again over the settled Traditional.
    expect(phrase.machineConverted).toEqual({ 'zh-Hant': true, 'zh-Hans': false, 'zh-TW': true, 'zh-HK': true, 'zh-CN': true })
    // A fix during review stays in review (see guardWorkflow); its author is now an author of the change.
    expect(phrase.workflowState).toBe('in_review')
    expect(phrase.pendingAuthors).toHaveLength(2)
    expect(await auditCount()).toBe(before + 1)
    expect((await verifyAuditLog(server.payload, runtimeSettings(server.payload).auditKey)).ok).toBe(true)

    // Having written part of the change, this reviewer may no longer approve it; another may.
    expect((await call('reviewer', `/api/phrases/${draftId}/workspace`)).body.actions).not.toContain('approve')
    expect((await call('reviewer2', `/api/phrases/${draftId}/workspace`)).body.actions).toContain('approve')
  })

  it('flags regional wording in the other script; a person settles it with a click, and agents get what the reviewer approved', async () => {
    const created = await call('editor', '/api/phrases?locale=zh-Hans&draft=true', {
      body: { key: 'closing.mandarin_please', category: closingId, title: '请讲普通话', text: '早上好，请您讲普通话好吗？' },
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const flagsOf = async () => (await byKey('closing.mandarin_please'))!.ambiguities['zh-Hant'] as Json[]
    // 早上好 and 普通話 are the mainland's words: Taiwan says 早安 and 國語, Hong Kong 早晨 and 普通話.
    const mandarin = { char: '普通話', chosen: '普通話', candidates: ['國語', '華語', '普通話'], kind: 'wording' }
    expect(await flagsOf()).toEqual([
      { field: 'title', index: 2, ...mandarin },
      { index: 0, char: '早上好', chosen: '早上好', candidates: ['早安', '早晨', '早上好'], kind: 'wording' },
      { index: 7, ...mandarin },
    ])
    expect((await call('editor', `/api/phrases/${id}/resolve-ambiguity`, { body: { locale: 'zh-Hant', index: 7, choice: '國話' } })).status).toBe(400)

    // A shorter word moves the flags after it in the same field: 普通話 is now at 6.
    expect((await call('editor', `/api/phrases/${id}/resolve-ambiguity`, { body: { locale: 'zh-Hant', index: 0, choice: '早安' } })).status).toBe(200)
    expect((await flagsOf()).map((flag) => flag.index)).toEqual([2, 6])
    expect((await call('editor', `/api/phrases/${id}/resolve-ambiguity`, { body: { locale: 'zh-Hant', index: 6, choice: '國語' } })).status).toBe(200)
    expect((await call('editor', `/api/phrases/${id}/resolve-ambiguity`, { body: { locale: 'zh-Hant', field: 'title', index: 2, choice: '國語' } })).status).toBe(200)
    const settled = (await byKey('closing.mandarin_please'))!
    expect([settled.title['zh-Hant'], settled.text['zh-Hant'], settled.ambiguities['zh-Hant']]).toEqual(['請講國語', '早安，請您講國語好嗎？', []])
    expect(settled.text['zh-Hans']).toBe('早上好，请您讲普通话好吗？')

    expect((await call('editor', `/api/phrases/${id}/submit`, { body: {} })).status).toBe(200)
    // Hong Kong's proposal still holds Taiwan's 國語 (Hong Kong says 普通話): the reviewer approves it as it stands, knowingly.
    expect((await byKey('closing.mandarin_please'))!.ambiguities['zh-HK'].map((flag: Json) => [flag.char, flag.candidates[0]])).toEqual([['國語', '普通話'], ['國語', '普通話']])
    expect((await call('reviewer', `/api/phrases/${id}/approve`, { body: {} })).status).toBe(409)
    expect((await call('reviewer', `/api/phrases/${id}/approve`, { body: { acknowledgeWarnings: true } })).status).toBe(200)
    await server.store.refresh()
    const served = async (locale: string) =>
      ((await (await fetch(`${server.url}/v1/phrases/closing.mandarin_please?locale=${locale}`, { headers: { authorization: `JWT ${tokens.editor}` } })).json()) as Json).text
    expect(await served('zh-Hant')).toBe('早安，請您講國語好嗎？')
    expect(await served('zh-TW')).toBe('早安，請您講國語好嗎？')
    expect(await served('zh-Hans')).toBe('早上好，请您讲普通话好吗？')
  })

  it('serves each region exactly the text a reviewer approved, and a glossary change reaches agents only through review', async () => {
    const key = 'closing.mandarin_region'
    // Written in the mainland's region: the Simplified script says the same, the other script and regions are proposed from it.
    const created = await call('editor', '/api/phrases?locale=zh-CN&draft=true', { body: { key, category: closingId, title: '请讲普通话', text: '请您讲普通话好吗？' } })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const written = (await byKey(key))!
    expect([written.sourceScript, written.text['zh-Hans'], written.text['zh-Hant'], written.machineConverted['zh-CN'], written.machineConverted['zh-Hans']]).toEqual([
      'zh-Hans', '请您讲普通话好吗？', '請您講普通話好嗎？', false, false,
    ])
    // Every region is proposed in the same save; Taiwan's text is flagged where its agents would say another word.
    let workspace = (await call('editor', `/api/phrases/${id}/workspace`)).body
    expect(workspace.regions['zh-TW']).toMatchObject({ text: '請您講普通話好嗎？', machineConverted: true, proposedFrom: 'zh-Hant' })
    expect(workspace.regions['zh-TW'].ambiguities).toEqual([{ index: 3, char: '普通話', chosen: '普通話', candidates: ['國語', '華語', '普通話'], kind: 'wording' }])
    // Hong Kong says 普通話 too; the mainland's text is the one written.
    expect(workspace.regions['zh-HK']).toMatchObject({ text: '請您講普通話好嗎？', ambiguities: [] })
    expect(workspace.regions['zh-CN']).toMatchObject({ text: '请您讲普通话好吗？', ambiguities: [], proposedFrom: 'zh-Hans' })

    // Open flags on a region hold the approval back until they are settled or acknowledged.
    expect((await call('editor', `/api/phrases/${id}/submit`, { body: {} })).status).toBe(200)
    const held = await call('reviewer', `/api/phrases/${id}/approve`, { body: {} })
    expect([held.status, held.body.error.code]).toEqual([409, 'flags_unacknowledged'])
    expect(held.body.error.message).toContain('zh-TW')
    expect(held.body.error.message).toContain('國語')
    expect((await byKey(key))!.workflowState).toBe('in_review')

    // The editor settles it for Taiwan with one click; the other regions keep theirs.
    expect((await call('editor', `/api/phrases/${id}/resolve-ambiguity`, { body: { locale: 'zh-TW', index: 3, choice: '國語' } })).status).toBe(200)
    expect((await call('editor', `/api/phrases/${id}/resolve-ambiguity`, { body: { locale: 'zh-TW', field: 'title', index: 2, choice: '國語' } })).status).toBe(200)
    workspace = (await call('editor', `/api/phrases/${id}/workspace`)).body
    expect([workspace.regions['zh-TW'].title, workspace.regions['zh-TW'].text, workspace.regions['zh-TW'].ambiguities]).toEqual(['請講國語', '請您講國語好嗎？', []])
    expect(workspace.regions['zh-HK'].text).toBe('請您講普通話好嗎？')

    const approved = await call('reviewer', `/api/phrases/${id}/approve`, { body: {} })
    expect(approved.status).toBe(200)
    const approvedAt = new Date().toISOString()
    // The audit entry names the exact texts every region receives.
    const approval = (await server.payload.find({ collection: 'audit-log', where: { and: [{ documentKey: { equals: key } }, { action: { equals: 'approve' } }] }, sort: '-sequence', limit: 1 })).docs[0] as Json
    expect(approval.after.approvedTexts).toEqual({
      'zh-TW': { title: '請講國語', text: '請您講國語好嗎？', agentNotes: null },
      'zh-HK': { title: '請講普通話', text: '請您講普通話好嗎？', agentNotes: null },
      'zh-CN': { title: '请讲普通话', text: '请您讲普通话好吗？', agentNotes: null },
    })
    await server.store.refresh()
    const served = async (locale: string) =>
      ((await (await fetch(`${server.url}/v1/phrases/${key}?locale=${locale}`, { headers: { authorization: `JWT ${tokens.editor}` } })).json()) as Json).text
    expect(await served('zh-TW')).toBe('請您講國語好嗎？')
    expect(await served('zh-HK')).toBe('請您講普通話好嗎？')
    expect(await served('zh-CN')).toBe('请您讲普通话好吗？')
    // The aliases: zh-Hant is this deployment's Taiwan, zh-Hans the mainland.
    expect(await served('zh-Hant')).toBe('請您講國語好嗎？')
    expect(await served('zh-Hans')).toBe('请您讲普通话好吗？')

    // A glossary rule for Taiwan afterwards proposes a new text as a draft; agents keep the approved one.
    await server.payload.create({ collection: 'glossary', data: { term: '普通話', protect: false, overrides: { zhTW: '華語' } } })
    const proposed = (await byKey(key))!
    expect([proposed.text['zh-TW'], proposed.machineConverted['zh-TW'], proposed.workflowState]).toEqual(['請您講華語好嗎？', true, 'draft'])
    await server.store.refresh()
    expect(await served('zh-TW')).toBe('請您講國語好嗎？')

    expect((await call('editor', `/api/phrases/${id}/submit`, { body: {} })).status).toBe(200)
    expect((await call('reviewer', `/api/phrases/${id}/approve`, { body: {} })).status).toBe(200)
    const reapprovedAt = new Date().toISOString()
    await server.store.refresh()
    expect(await served('zh-TW')).toBe('請您講華語好嗎？')

    // What Taiwan's agents were served, for auditors: nothing before the approval, then each approved text.
    const asServed = (at: string, who = 'auditor', locale = 'zh-TW') => call(who, `/api/phrases/as-served?key=${key}&locale=${locale}&at=${encodeURIComponent(at)}`)
    expect((await asServed('2020-01-01T00:00:00Z')).body).toMatchObject({ key, locale: 'zh-TW', served: false })
    const first = (await asServed(approvedAt)).body
    expect(first).toMatchObject({ key, locale: 'zh-TW', served: true, variantKey: key, title: '請講國語', text: '請您講國語好嗎？', approvedBy: 'reviewer@example.com' })
    expect(first.auditSequence).toBe(approval.sequence)
    const second = (await asServed(reapprovedAt)).body
    expect([second.served, second.text]).toEqual([true, '請您講華語好嗎？'])
    expect(second.version).not.toBe(first.version)
    expect(second.auditSequence).toBeGreaterThan(first.auditSequence)
    expect((await asServed(reapprovedAt, 'auditor', 'zh-HK')).body.text).toBe('請您講普通話好嗎？')
    // Only auditors, reviewers and admins may ask; a question that is no question changes nothing and says why.
    expect((await asServed(reapprovedAt, 'editor')).status).toBe(403)
    expect((await call(null, `/api/phrases/as-served?key=${key}&locale=zh-TW`)).status).toBe(401)
    const badTime = await asServed('yesterday')
    expect([badTime.status, badTime.body.error.code]).toEqual([400, 'invalid_at'])
    expect(badTime.body.error.message).toContain('ISO 8601')
    expect((await asServed(reapprovedAt, 'auditor', 'zh-XX')).status).toBe(400)
    expect((await call('auditor', `/api/phrases/as-served?key=no.such_phrase&locale=zh-TW`)).status).toBe(404)
 
    // A person's own text for a region is theirs (no proposal replaces it) and is checked for forbidden terms like the scripts.
    const edited = await call('editor', `/api/phrases/${id}?locale=zh-TW&draft=true`, { method: 'PATCH', body: { text: '請您講華語好嗎？這是規定。' } })
    expect(edited.status).toBe(200)
    expect((await byKey(key))!.machineConverted['zh-TW']).toBe(false)
    expect((await call('editor', `/api/phrases/${id}?locale=zh-Hans&draft=true`, { method: 'PATCH', body: { text: '请您讲普通话，好吗？' } })).status).toBe(200)
    const after = (await byKey(key))!
    expect([after.text['zh-TW'], after.text['zh-HK']]).toEqual(['請您講華語好嗎？這是規定。', '請您講普通話，好嗎？'])
    const findings = (await call('editor', `/api/phrases/${id}/workspace`)).body.findings as Json[]
    expect(findings).toContainEqual(expect.objectContaining({ term: '這是規定', locale: 'zh-TW', field: 'text' }))
  })

  it('previews a draft exactly as /v1 would serve it once published: holiday variant, locale, variables', async () => {
    const base = (await byKey('closing.standard'))!
    const at = '2027-02-06' // 春節 2027
    const served = await fetch(`${server.url}/v1/phrases/closing.standard?locale=zh-TW&at=${at}`, { headers: { authorization: `JWT ${tokens.editor}` } })
    const agentGets = (await served.json()) as Json
    expect(agentGets.variant).toBe('spring_festival')
    const preview = await call('editor', `/api/phrases/${base.id}/preview?locale=zh-TW&at=${at}`)
    expect(preview.status).toBe(200)
    expect(preview.body).toMatchObject({ variant: agentGets.variant, variantKey: agentGets.variantKey, text: agentGets.text, locale: 'zh-TW' })

    // A draft of the noodles phrase, previewed in Taiwan Traditional with the settled character.
    const noodles = await call('editor', `/api/phrases/${draftId}/preview?locale=zh-TW&at=2027-03-01`)
    expect(noodles.body).toMatchObject({ text: '您訂的麵和湯已經送到了。', variant: 'default' })
    expect((await fetch(`${server.url}/v1/phrases/closing.noodles`, { headers: { authorization: `JWT ${tokens.editor}` } })).status).toBe(404)

    const typo = await call('editor', `/api/phrases/${base.id}/preview?locale=zh-XX`)
    expect(typo.status).toBe(400)
    expect(typo.body.error.code).toBe('unknown_locale')
  })

  it('keeps the list filters true: needs review and forbidden terms across both scripts', async () => {
    const created = await call('editor', '/api/phrases?locale=zh-Hant&draft=true', {
      body: { key: 'closing.honest', category: closingId, title: '請誠實', text: '請誠實回答，謝謝。' },
    })
    expect(created.status).toBe(201)
    const phrase = (await byKey('closing.honest'))!
    expect(phrase.needsReview).toBe(true)
    expect(phrase.forbiddenTermFindings).toBe(2)
    const listed = await call('editor', '/api/phrases?draft=true&depth=0&limit=100&where[forbiddenTermFindings][greater_than]=0')
    expect(listed.body.docs.map((d: Json) => d.key)).toEqual(['closing.honest'])
    // A person confirming the conversion clears "needs review".
    await call('editor', `/api/phrases/${phrase.id}?locale=zh-Hans&draft=true`, { method: 'PATCH', body: { machineConverted: false } })
    expect((await byKey('closing.honest'))!.needsReview).toBe(false)
  })

  it('refuses bad uploads with a clear error and writes nothing', async () => {
    const before = { phrases: (await server.payload.count({ collection: 'phrases' })).totalDocs, audit: await auditCount() }
    expect((await call(null, '/api/phrases/import', { form: upload('a.csv', 'key,category\n') })).status).toBe(401)
    expect((await call('auditor', '/api/phrases/import', { form: upload('a.csv', 'key,category\n') })).status).toBe(403)
    expect((await call('editor', '/api/phrases/import', { form: new FormData() })).body.error.code).toBe('file_required')
    expect((await call('editor', '/api/phrases/import', { form: upload('notes.txt', 'hello') })).status).toBe(415)
    const unreadable = await call('editor', '/api/phrases/import', { form: upload('broken.xlsx', 'not a zip at all') })
    expect(unreadable.status).toBe(400)
    expect(unreadable.body.error.message).toMatch(/XLSX/)
    const missing = await call('editor', '/api/phrases/import', { form: upload('a.csv', 'key,title_zh-Hant\nclosing.x,標題\n') })
    expect(missing.status).toBe(400)
    expect(missing.body.error.code).toBe('missing_columns')

    const bad = await workbook([
      ['key', 'category', 'title_zh-Hant', 'text_zh-Hant', 'variables'],
      ['closing.import_one', 'closing', '一', '謝謝您的來電。', ''],
      ['closing.import_two', 'nowhere', '二', '{{ghost}}，再見。', ''],
    ])
    for (const dryRun of ['true', 'false']) {
      const refused = await call('editor', `/api/phrases/import?dryRun=${dryRun}`, { form: upload('bad.xlsx', bad) })
      expect(refused.status).toBe(422)
      expect(refused.body.error.code).toBe('invalid_rows')
      expect(refused.body.error.errors.map((e: Json) => [e.row, e.column, e.code])).toEqual([
        [3, 'category', 'unknown_category'],
        [3, 'key', 'key_category_mismatch'],
        [3, 'text_zh-Hant', 'undeclared_variable'],
      ])
      expect(refused.body.error.errors[2].message).toContain('{{ghost}}')
    }
    expect((await server.payload.count({ collection: 'phrases' })).totalDocs).toBe(before.phrases)
    expect(await auditCount()).toBe(before.audit)
  })

  it('imports rows as drafts for review (new and updated), leaving what agents get until approved', async () => {
    const live = (await (await fetch(`${server.url}/v1/phrases/closing.standard?locale=zh-Hant&at=2027-03-01`, { headers: { authorization: `JWT ${tokens.editor}` } })).json()) as Json
    const file = await workbook([
      ['key', 'category', 'sourceScript', 'title_zh-Hant', 'text_zh-Hant', 'title_zh-Hans', 'text_zh-Hans', 'variables', 'text_zh-TW'],
      // Taiwan's cell says what the proposal says: nothing to keep as a person's text.
      ['closing.import_one', 'closing', 'zh-Hant', '感謝來電', '{{customer}}，感謝您的來電。', '', '', 'customer=您|您', '{{customer}}，感謝您的來電。'],
      ['closing.standard', 'closing', 'zh-Hant', live.title, '感謝您的來電，祝您愉快！', '', '', '', ''],
      // Taiwan's own wording, which the proposal would not give.
      ['closing.import_two', 'closing', 'zh-Hans', '', '', '感谢等候', '感谢您的耐心等候。', '', '感謝您耐心等候，祝您順心。'],
    ])
    const dry = await call('editor', '/api/phrases/import', { form: upload('good.xlsx', file) })
    expect(dry.body).toMatchObject({ dryRun: true, created: 2, updated: 1 })
    expect(await byKey('closing.import_one')).toBeUndefined()

    const before = await auditCount()
    const done = await call('editor', '/api/phrases/import?dryRun=false', { form: upload('good.xlsx', file) })
    expect(done.status).toBe(200)
    const one = (await byKey('closing.import_one'))!
    expect(one).toMatchObject({ workflowState: 'draft', _status: 'draft', sourceScript: 'zh-Hant' })
    expect(one.text).toMatchObject({ 'zh-Hant': '{{customer}}，感謝您的來電。', 'zh-Hans': '{{customer}}，感谢您的来电。', 'zh-TW': '{{customer}}，感謝您的來電。' })
    expect(one.variables[0]).toMatchObject({ name: 'customer', fallback: { zhHant: '您', zhHans: '您' } })
    expect(one.machineConverted['zh-TW']).toBe(true)
    const two = (await byKey('closing.import_two'))!
    expect(two.text).toMatchObject({ 'zh-Hans': '感谢您的耐心等候。', 'zh-Hant': '感謝您的耐心等候。', 'zh-CN': '感谢您的耐心等候。', 'zh-HK': '感謝您的耐心等候。' })
    expect([two.text['zh-TW'], two.machineConverted['zh-TW']]).toEqual(['感謝您耐心等候，祝您順心。', false])
    const updated = (await byKey('closing.standard'))!
    expect(updated).toMatchObject({ workflowState: 'draft' })
    expect(updated.text['zh-Hant']).toBe('感謝您的來電，祝您愉快！')
    expect(await auditCount()).toBeGreaterThan(before)
    expect((await verifyAuditLog(server.payload, runtimeSettings(server.payload).auditKey)).ok).toBe(true)

    await server.store.refresh()
    const stillLive = (await (await fetch(`${server.url}/v1/phrases/closing.standard?locale=zh-Hant&at=2027-03-01`, { headers: { authorization: `JWT ${tokens.editor}` } })).json()) as Json
    expect(stillLive.text).toBe(live.text)
  })

  it('exports the whole library or the filter, in columns the importer reads back', async () => {
    const all = await call('auditor', '/api/phrases/export?format=xlsx')
    expect(all.status).toBe(200)
    const sheet = await readSpreadsheet(all.bytes!, 'xlsx')
    expect(sheet.rows.length).toBe((await server.payload.count({ collection: 'phrases' })).totalDocs)
    const plan = phrasesFromRows(sheet, {
      categories: new Set((await server.payload.find({ collection: 'categories', pagination: false })).docs.map((c) => c.slug)),
      holidays: new Set((await server.payload.find({ collection: 'holidays', pagination: false })).docs.map((h) => h.code)),
      existingKeys: new Set(sheet.rows.map((r) => r.cells.key!)),
    })
    expect(plan.errors).toEqual([])
    expect(plan.phrases.every((p) => p.action === 'update')).toBe(true)

    const filtered = await call('editor', `/api/phrases/export?format=csv&where[workflowState][equals]=draft&where[category][equals]=${closingId}`)
    const drafts = await readSpreadsheet(filtered.bytes!, 'csv')
    expect(drafts.rows.map((r) => r.cells.key).sort()).toEqual(['closing.honest', 'closing.import_one', 'closing.import_two', 'closing.mandarin_region', 'closing.standard'])
    expect((await call('editor', '/api/phrases/export?format=pdf')).status).toBe(400)
    expect((await call(null, '/api/phrases/export')).status).toBe(401)

    const template = await call('editor', '/api/phrases/import-template?format=xlsx')
    const example = await readSpreadsheet(template.bytes!, 'xlsx')
    expect(phrasesFromRows(example, { categories: new Set(['opening']), holidays: new Set(), existingKeys: new Set() }).errors).toEqual([])
  })
})
