import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { saying } from '../../collections/writeIntent'
import { type RunningServer, startServer } from '../../src/server/start'
import { type DatabaseKind, freshDatabaseUrl, testSettings } from '../helpers/databases'
import { signInPeople } from '../helpers/people'

const PEOPLE = { editor: ['editor'], reviewer: ['reviewer'], second_reviewer: ['reviewer'] } as const
const API_KEY = 'restore-conversion-key-0123456789abcdef'
const SCRIPTED = ['title', 'text', 'agentNotes', 'machineConverted', 'ambiguities'] as const

type Json = Record<string, any>

/**
 * Both scripts travel together: every version holds both (the conversion is part of the save that
 * wrote the source), a restore of any version brings back both with their marks and flags as a
 * draft, titles and agent notes are flagged like the text, an import row with one script converts
 * the other, and a person's settled flag survives a later edit of the source. Through a real server.
 */
export function describeRestoreConversion(kind: Exclude<DatabaseKind, 'mongodb'>): void {
  describe(`restore and conversion of both scripts on ${kind}`, () => {
    let server: RunningServer
    const tokens: Record<string, string> = {}
    let categoryId: number | string

    const api = (path: string, who?: string, init: RequestInit = {}) =>
      fetch(server.url + path, {
        ...init,
        headers: {
          ...(init.body instanceof FormData ? {} : { 'content-type': 'application/json' }),
          ...(who === 'agent' ? { authorization: `api-clients API-Key ${API_KEY}` } : who ? { authorization: `JWT ${tokens[who]}` } : {}),
        },
      })
    const post = (path: string, who: string, body: unknown = {}) => api(path, who, { method: 'POST', body: JSON.stringify(body) })
    const patch = (id: number | string, who: string, locale: string, body: unknown) =>
      api(`/api/phrases/${id}?locale=${locale}&draft=true&depth=0`, who, { method: 'PATCH', body: JSON.stringify(body) })
    const json = async (response: Response | Promise<Response>) => (await (await response).json()) as Json
    const ok = async (response: Response | Promise<Response>, status = 200) => {
      const answered = await response
      if (answered.status !== status) throw new Error(`${answered.url}: ${answered.status} ${await answered.text()}`)
      return (await answered.json()) as Json
    }
    /** Every locale of the latest version (draft or not). */
    const latest = (id: number | string) => server.payload.findByID({ collection: 'phrases', id, draft: true, locale: 'all', depth: 0, overrideAccess: true }) as Promise<Json>
    const published = (id: number | string) => server.payload.findByID({ collection: 'phrases', id, locale: 'all', depth: 0, overrideAccess: true }) as Promise<Json>
    const versionContent = async (versionId: number | string) =>
      ((await server.payload.findVersionByID({ collection: 'phrases', id: String(versionId), locale: 'all', depth: 0, overrideAccess: true })) as Json).version as Json
    const scripts = (doc: Json) => Object.fromEntries(SCRIPTED.map((field) => [field, { 'zh-Hant': doc[field]?.['zh-Hant'] ?? null, 'zh-Hans': doc[field]?.['zh-Hans'] ?? null }]))
    const historyOf = async (id: number | string) => (await ok(api(`/api/phrases/${id}/history`, 'reviewer'))).versions as Json[]
    /** Agents are served a publish within a second (delivery revisions); this waits that long. */
    async function served(key: string, locale: string): Promise<Json> {
      let response: Response | undefined
      for (let tries = 0; tries < 30; tries++) {
        if (tries) await new Promise((resolve) => setTimeout(resolve, 100))
        response = await api(`/v1/phrases/${key}?locale=${locale}`, 'agent')
        if (response.status === 200) break
      }
      return { status: response!.status, ...(await response!.json()) }
    }

    beforeAll(async () => {
      const name = `restore_conversion_${kind}`
      const settings = testSettings(await freshDatabaseUrl(kind, name), name)
      server = await startServer(settings, { admin: false })
      Object.assign(tokens, await signInPeople(server, PEOPLE))
      await server.payload.create({ collection: 'api-clients', data: { name: 'Agent desktop', enableAPIKey: true, apiKey: API_KEY } })
      categoryId = (await server.payload.create({ collection: 'categories', locale: 'zh-Hant', data: { slug: 'closing', name: '結束語' } })).id
    })
    afterAll(async () => {
      await server?.close()
    })

    const WRITTEN = {
      'zh-Hans': { other: 'zh-Hant', title: '回复干先生', text: '衣服都干了，请稍后再来。', agentNotes: '先问候干先生', edit: '衣服都干了，请明天再来。', again: '衣服还没干，请明天再来。' },
      'zh-Hant': { other: 'zh-Hans', title: '回覆乾先生', text: '衣服都乾了，請稍後再來。', agentNotes: '先問候乾先生', edit: '衣服都乾了，請明天再來。', again: '衣服還沒乾，請明天再來。' },
    } as const

    it.each(['zh-Hans', 'zh-Hant'] as const)('every version of a phrase written in %s holds both scripts and restores both as a draft', async (source) => {
      const w = WRITTEN[source]
      const key = `closing.restore_${source === 'zh-Hans' ? 'hans' : 'hant'}`
      const id = (await ok(post(`/api/phrases?draft=true&locale=${source}`, 'editor', { key, category: categoryId, title: w.title, text: w.text, agentNotes: w.agentNotes }), 201)).doc.id
      // Its history: create, a person's confirmation of the other script, an edit, submit, approve
      // (published), another edit, submit, reject, submit, approve, retire.
      await ok(patch(id, 'editor', w.other, { machineConverted: false }))
      await ok(patch(id, 'editor', source, { text: w.edit }))
      await ok(post(`/api/phrases/${id}/submit`, 'editor'))
      await ok(post(`/api/phrases/${id}/approve`, 'reviewer'))
      await ok(patch(id, 'editor', source, { text: w.again }))
      await ok(post(`/api/phrases/${id}/submit`, 'editor'))
      await ok(post(`/api/phrases/${id}/reject`, 'reviewer', { comment: '請再改' }))
      await ok(post(`/api/phrases/${id}/submit`, 'editor'))
      // The mainland's text may hold a character the scripts no longer agree on (a person's Simplified text was not
      // rewritten with the edit): the reviewer approves it as it stands, knowingly.
      await ok(post(`/api/phrases/${id}/approve`, 'reviewer', { acknowledgeWarnings: true }))
      await ok(post(`/api/phrases/${id}/retire`, 'reviewer', { comment: '不再使用' }))
      const history = await historyOf(id)
      expect(history.map((v) => v.action).reverse()).toEqual(
        expect.arrayContaining(['create', 'edit', 'submit', 'approve', 'reject', 'retire']),
      )

      for (const entry of history.slice().reverse()) {
        const version = await versionContent(entry.version)
        // Every version holds both scripts and says which one a person wrote.
        expect([entry.action, version.sourceScript, Boolean(version.text?.['zh-Hant']), Boolean(version.text?.['zh-Hans'])]).toEqual([entry.action, source, true, true])
        const servedBefore = scripts(await published(id))
        const restored = await post(`/api/phrases/${id}/restore`, 'reviewer', { version: entry.version })
        expect([entry.action, restored.status]).toEqual([entry.action, 200])
        const draft = await latest(id)
        expect({ action: entry.action, ...scripts(draft), sourceScript: draft.sourceScript }).toEqual({ action: entry.action, ...scripts(version), sourceScript: version.sourceScript })
        expect([draft._status, draft.workflowState, draft.changeAction, draft.changedBy]).toEqual(['draft', 'draft', 'restore', 'reviewer@example.com'])
        // A script the machine wrote, or open flags anywhere (a region's proposal is the machine's until approved, so only its flags count).
        const machineScript = ['zh-Hant', 'zh-Hans'].some((script) => version.machineConverted?.[script])
        expect(draft.needsReview).toBe(machineScript || Object.values(version.ambiguities ?? {}).some((flags) => Array.isArray(flags) && flags.length > 0))
        // What agents are served does not move.
        expect(scripts(await published(id))).toEqual(servedBefore)
      }

      // The create version restored and approved: agents are served it in every locale.
      const created = history.at(-1)!
      const content = await versionContent(created.version)
      await ok(post(`/api/phrases/${id}/restore`, 'editor', { version: created.version }))
      await ok(post(`/api/phrases/${id}/submit`, 'editor'))
      // As created, its machine-made texts had open flags: approved as they stand, knowingly.
      await ok(post(`/api/phrases/${id}/approve`, 'second_reviewer', { acknowledgeWarnings: true }))
      for (const locale of ['zh-Hant', 'zh-Hans', 'zh-TW', 'zh-CN']) {
        const phrase = await served(key, locale)
        expect([locale, phrase.status]).toEqual([locale, 200])
        if (locale === 'zh-Hant' || locale === 'zh-Hans') expect(phrase.text).toBe(content.text[locale])
      }
    })

    it('restores the marks and flags a version had, not the current ones', async () => {
      const id = (await ok(post('/api/phrases?draft=true&locale=zh-Hans', 'editor', { key: 'closing.marks', category: categoryId, title: '结束', text: '衣服都干了。' }), 201)).doc.id
      const [created] = await historyOf(id)
      // A person writes the Traditional text: it is theirs now, no longer machine-converted.
      await ok(patch(id, 'editor', 'zh-Hant', { text: '衣服都乾了。' }))
      expect(scripts(await latest(id)).machineConverted).toEqual({ 'zh-Hant': false, 'zh-Hans': false })
      await ok(post(`/api/phrases/${id}/restore`, 'reviewer', { version: created.version }))
      const draft = await latest(id)
      expect(scripts(draft).text).toEqual({ 'zh-Hant': '衣服都幹了。', 'zh-Hans': '衣服都干了。' })
      expect(scripts(draft).machineConverted).toEqual({ 'zh-Hant': true, 'zh-Hans': false })
      expect(draft.ambiguities['zh-Hant']).toEqual([{ index: 3, char: '干', chosen: '幹', candidates: ['乾', '幹', '干'] }])
      expect(draft.needsReview).toBe(true)
    })

    it('restores a version saved before both scripts were written together by converting the script it lacks', async () => {
      // As releases before this one saved a create: the written script only, sourceScript left at its default.
      const legacy = await server.payload.create({
        collection: 'phrases',
        locale: 'zh-Hans',
        draft: true,
        data: { _status: 'draft', key: 'closing.legacy', category: categoryId as number, title: '回复干先生', text: '衣服都干了。' },
        // Saved as given, one locale only: the write intent of a glossary re-proposal converts nothing.
        context: saying({ kind: 'reproposal', change: { action: 'edit', by: 'an earlier release' } }),
        overrideAccess: true,
      })
      const [old] = await historyOf(legacy.id)
      expect(scripts(await versionContent(old.version)).text).toEqual({ 'zh-Hant': null, 'zh-Hans': '衣服都干了。' })

      await ok(post(`/api/phrases/${legacy.id}/restore`, 'reviewer', { version: old.version }))
      const draft = await latest(legacy.id)
      expect(scripts(draft).text).toEqual({ 'zh-Hant': '衣服都幹了。', 'zh-Hans': '衣服都干了。' })
      expect(scripts(draft).title).toEqual({ 'zh-Hant': '回覆幹先生', 'zh-Hans': '回复干先生' })
      expect(scripts(draft).machineConverted).toEqual({ 'zh-Hant': true, 'zh-Hans': false })
      expect((draft.ambiguities['zh-Hant'] as Json[]).map((f) => [f.field ?? 'text', f.char])).toEqual([['title', '干'], ['text', '干']])
      expect([draft.sourceScript, draft.workflowState, draft.needsReview]).toEqual(['zh-Hans', 'draft', true])
    })

    it('flags ambiguous characters in titles and agent notes like the text, as /v1/convert does, until a person settles them', async () => {
      const created = await ok(
        post('/api/phrases?draft=true&locale=zh-Hans', 'editor', { key: 'closing.titled', category: categoryId, title: '回复干先生', text: '谢谢。', agentNotes: '请问候干先生' }),
        201,
      )
      const id = created.doc.id
      const phrase = await latest(id)
      expect(phrase.title['zh-Hant']).toBe('回覆幹先生')
      const convert = async (text: string) => (await ok(post('/v1/convert', 'agent', { text, to: 'zh-Hant' }))).ambiguities as Json[]
      const fieldFlags = (field: string) => (phrase.ambiguities['zh-Hant'] as Json[]).filter((flag) => flag.field === field).map(({ field: _field, ...flag }) => flag)
      expect(fieldFlags('title')).toEqual(await convert('回复干先生'))
      expect(fieldFlags('title').map((flag) => flag.char)).toEqual(['干'])
      expect(fieldFlags('agentNotes')).toEqual(await convert('请问候干先生'))
      expect(fieldFlags('agentNotes')).not.toEqual([])
      expect(phrase.needsReview).toBe(true)

      // The workspace keeps showing text flags where the text is, and the others by field.
      const workspace = await ok(api(`/api/phrases/${id}/workspace`, 'reviewer'))
      expect(workspace.scripts['zh-Hant'].ambiguities).toEqual([])
      expect(workspace.scripts['zh-Hant'].fieldAmbiguities.title.map((flag: Json) => flag.char)).toEqual(['干'])

      // Settling the title's 干 changes the title only and keeps the other flags.
      const flag = fieldFlags('title').find((f) => f.char === '干')!
      expect((await post(`/api/phrases/${id}/resolve-ambiguity`, 'reviewer', { locale: 'zh-Hant', field: 'title', index: flag.index + 1, choice: '乾' })).status).toBe(409)
      expect((await post(`/api/phrases/${id}/resolve-ambiguity`, 'reviewer', { locale: 'zh-Hant', field: 'summary', index: flag.index, choice: '乾' })).status).toBe(400)
      await ok(post(`/api/phrases/${id}/resolve-ambiguity`, 'reviewer', { locale: 'zh-Hant', field: 'title', index: flag.index, choice: '乾' }))
      const settled = await latest(id)
      expect(settled.title['zh-Hant']).toBe('回覆乾先生')
      expect(settled.text['zh-Hant']).toBe('謝謝。')
      expect((settled.ambiguities['zh-Hant'] as Json[]).map((f) => [f.field, f.char])).toEqual([...fieldFlags('agentNotes').map((f) => ['agentNotes', f.char])])
      expect(settled.needsReview).toBe(true)
    })

    it('keeps a person’s settled flag when the source is edited again around it, and asks again where the wording changed', async () => {
      const id = (await ok(post('/api/phrases?draft=true&locale=zh-Hans', 'editor', { key: 'closing.laundry', category: categoryId, title: '洗衣', text: '衣服都干了，谢谢。' }), 201)).doc.id
      const flag = ((await latest(id)).ambiguities['zh-Hant'] as Json[]).find((f) => f.char === '干')!
      await ok(post(`/api/phrases/${id}/resolve-ambiguity`, 'reviewer', { locale: 'zh-Hant', index: flag.index, choice: '乾' }))
      expect((await latest(id)).text['zh-Hant']).toBe('衣服都乾了，謝謝。')

      await ok(patch(id, 'editor', 'zh-Hans', { text: '您好，衣服都干了，谢谢您。' }))
      let phrase = await latest(id)
      expect(phrase.text['zh-Hant']).toBe('您好，衣服都乾了，謝謝您。')
      expect((phrase.ambiguities['zh-Hant'] as Json[]).filter((f) => f.char === '干')).toEqual([])
      expect(phrase.machineConverted['zh-Hant']).toBe(true)

      // A different clause around 干 is a new question.
      await ok(patch(id, 'editor', 'zh-Hans', { text: '您好，他都干了，谢谢您。' }))
      phrase = await latest(id)
      expect((phrase.ambiguities['zh-Hant'] as Json[]).filter((f) => f.char === '干').map((f) => f.index)).toEqual([5])
    })

    it('converts the other script of an import row that leaves it empty, flagged and machine-marked', async () => {
      const upload = (csv: string) => {
        const form = new FormData()
        form.append('file', new Blob([csv]), 'phrases.csv')
        return api('/api/phrases/import?dryRun=false', 'editor', { method: 'POST', body: form })
      }
      const header = 'key,category,sourceScript,title_zh-Hant,title_zh-Hans,text_zh-Hant,text_zh-Hans'
      await ok(upload(`${header}\nclosing.imported,closing,zh-Hans,結語,结束,感謝您耐心等候。,谢谢您的耐心。\n`))
      const id = (await server.payload.find({ collection: 'phrases', where: { key: { equals: 'closing.imported' } }, draft: true, depth: 0 })).docs[0]!.id
      expect(scripts(await latest(id)).machineConverted).toEqual({ 'zh-Hant': false, 'zh-Hans': false })

      await ok(upload(`${header}\nclosing.imported,closing,zh-Hans,,回复干先生,,衣服都干了，谢谢。\n`))
      const phrase = await latest(id)
      expect(scripts(phrase).title).toEqual({ 'zh-Hant': '回覆幹先生', 'zh-Hans': '回复干先生' })
      expect(scripts(phrase).text).toEqual({ 'zh-Hant': '衣服都幹了，謝謝。', 'zh-Hans': '衣服都干了，谢谢。' })
      expect(scripts(phrase).machineConverted).toEqual({ 'zh-Hant': true, 'zh-Hans': false })
      expect((phrase.ambiguities['zh-Hant'] as Json[]).map((f) => [f.field ?? 'text', f.char])).toEqual([
        ['title', '干'],
        ['text', '干'],
      ])
      expect(phrase.needsReview).toBe(true)
    })

    // Found by the fuzz suite once the conversion moved into the save: collection hooks run before
    // field validation, so the converter was handed an object and the create was a 500.
    it('refuses a text that is no text with a 400 that writes nothing, before converting it', async () => {
      const count = async () => (await server.payload.count({ collection: 'phrases', overrideAccess: true })).totalDocs
      const before = await count()
      for (const locale of ['zh-Hans', 'zh-Hant']) {
        for (const field of ['text', 'title', 'agentNotes']) {
          const body = { key: `closing.not_text_${field.toLowerCase()}`, category: categoryId, title: '測試', text: '謝謝。', [field]: { id: '' } }
          const answer = await api(`/api/phrases?locale=${locale}`, 'editor', { method: 'POST', body: JSON.stringify(body) })
          expect(answer.status).toBe(400)
          expect((await answer.json()).error.code).toEqual(expect.any(String))
        }
      }
      expect(await count()).toBe(before)
    })
  })
}
