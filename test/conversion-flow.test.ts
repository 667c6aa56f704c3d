import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import { freshDatabaseUrl, startPayload, testSettings } from './helpers/databases'

/** What an editor and a reviewer see when one script is written and the other is generated. */
describe('conversion on save and after glossary changes (SQLite)', () => {
  let payload: Payload
  let categoryId: number

  beforeAll(async () => {
    payload = await startPayload(testSettings(await freshDatabaseUrl('sqlite', 'conversion_flow'), 'conversion-flow'))
    const category = await payload.create({ collection: 'categories', locale: 'zh-Hant', data: { slug: 'special', name: '特殊情況' } })
    categoryId = category.id as number
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  const read = (id: number | string, locale: 'zh-Hant' | 'zh-Hans', draft = true) =>
    payload.findByID({ collection: 'phrases', id, locale, draft, depth: 0 })

  async function writeInSimplified(key: string, text: string) {
    return payload.create({
      collection: 'phrases',
      locale: 'zh-Hans',
      draft: true,
      data: { _status: 'draft', key, category: categoryId, title: '测试', text },
    })
  }

  it('generates Traditional from an editor\'s Simplified text, marked machine-converted', async () => {
    const doc = await writeInSimplified('special.relogin', '请重新登录账号后再试。')
    const hant = await read(doc.id, 'zh-Hant')
    const hans = await read(doc.id, 'zh-Hans')
    expect(hant.text).toBe('請重新登錄帳號後再試。')
    expect(hant.title).toBe('測試')
    expect(hant.machineConverted).toBe(true)
    expect(hans.machineConverted).toBe(false)
    expect(hans.sourceScript).toBe('zh-Hans')
    expect(hant.ambiguities).toEqual([
      // 登錄 is the mainland's word: Taiwan and Hong Kong log in with 登入, a person's choice.
      { index: 3, char: '登錄', chosen: '登錄', candidates: ['登入', '登錄'], kind: 'wording' },
      { index: 7, char: '后', chosen: '後', candidates: ['後', '后'] },
    ])
  })

  it('flags 衣服都干了 at 干 on the phrase', async () => {
    const doc = await writeInSimplified('special.laundry', '衣服都干了')
    const hant = await read(doc.id, 'zh-Hant')
    expect(hant.ambiguities).toEqual([{ index: 3, char: '干', chosen: hant.text![3], candidates: ['乾', '幹', '干'] }])
  })

  it('keeps the mark until a person edits or confirms, and never overwrites a person\'s text', async () => {
    const doc = await writeInSimplified('special.laundry_fixed', '衣服都干了')
    // The reviewer resolves the flag by editing the Traditional text.
    await payload.update({ collection: 'phrases', id: doc.id, locale: 'zh-Hant', draft: true, data: { text: '衣服都乾了' } })
    let hant = await read(doc.id, 'zh-Hant')
    expect([hant.text, hant.machineConverted, hant.ambiguities ?? null]).toEqual(['衣服都乾了', false, null])

    // A later edit of the Simplified text leaves the person's Traditional text alone.
    await payload.update({ collection: 'phrases', id: doc.id, locale: 'zh-Hans', draft: true, data: { text: '衣服都干了吗？' } })
    hant = await read(doc.id, 'zh-Hant')
    expect(hant.text).toBe('衣服都乾了')

    // Confirming without editing clears the mark and the flags.
    const other = await writeInSimplified('special.confirm', '请稍后。')
    expect((await read(other.id, 'zh-Hant')).machineConverted).toBe(true)
    await payload.update({ collection: 'phrases', id: other.id, locale: 'zh-Hant', draft: true, data: { machineConverted: false } })
    const confirmed = await read(other.id, 'zh-Hant')
    expect([confirmed.text, confirmed.machineConverted, confirmed.ambiguities ?? null]).toEqual(['請稍後。', false, null])
  })

  it('re-converts affected machine-converted texts as drafts for review when the glossary changes', async () => {
    const doc = await writeInSimplified('special.brand', '欢迎致电江南云商。')
    expect((await read(doc.id, 'zh-Hant')).text).toBe('歡迎致電江南雲商。')
    // Published as it stands (no text change, so no conversion runs).
    await payload.update({ collection: 'phrases', id: doc.id, locale: 'zh-Hans', data: { _status: 'published' } })
    const untouched = await writeInSimplified('special.unrelated', '请稍等。')

    const auditBefore = (await payload.count({ collection: 'audit-log' })).totalDocs
    await payload.create({ collection: 'glossary', data: { term: '江南云商', protect: true } })

    const draft = await read(doc.id, 'zh-Hant')
    expect(draft.text).toBe('歡迎致電江南云商。')
    expect(draft.machineConverted).toBe(true)
    expect(draft.workflowState).toBe('draft')
    // Agents still get the published text until a reviewer approves the new draft.
    expect((await read(doc.id, 'zh-Hant', false)).text).toBe('歡迎致電江南雲商。')
    expect((await read(untouched.id, 'zh-Hant')).text).toBe('請稍等。')

    const { docs } = await payload.find({ collection: 'audit-log', sort: 'sequence', where: { sequence: { greater_than: auditBefore } } })
    expect(docs.map((e) => [e.action, e.documentKey])).toEqual([
      ['glossary_change', '江南云商'],
      ['edit', 'special.brand'],
    ])
  })
})
