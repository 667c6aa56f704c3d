import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { type RunningServer, startServer } from '../src/server/start'
import { freshDatabaseUrl, testSettings } from './helpers/databases'

const PEOPLE = { editor: ['editor'], reviewer: ['reviewer'], second_reviewer: ['reviewer'], auditor: ['auditor'] } as const
type Person = keyof typeof PEOPLE
type Json = Record<string, any>
type Texts = { 'zh-Hant': string; 'zh-Hans': string; en: string }

/**
 * The refusals of the workflow and restore endpoints, of If-Match and of a save that tries to
 * publish, each in the language `Accept-Language` asks for: exact texts in 繁體中文, 简体中文 and
 * English, from one catalogue (src/delivery/messages.ts).
 */
describe('workflow refusals in the caller’s language', () => {
  let server: RunningServer
  const tokens: Partial<Record<Person, string>> = {}
  const ids: Record<string, number | string> = {}
  let categoryId: number | string
  let updatedAt: string

  const call = (method: string, path: string, who: Person | null, language: string | null, body?: unknown, extra: Record<string, string> = {}) =>
    fetch(server.url + path, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(who ? { authorization: `JWT ${tokens[who]}` } : {}),
        ...(language === null ? {} : { 'accept-language': language }),
        ...extra,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  async function draft(key: string, who: Person, text: string): Promise<number | string> {
    const response = await call('POST', '/api/phrases?draft=true&locale=zh-Hant', who, 'en', { key, category: categoryId, title: '結束語', text })
    expect(response.status).toBe(201)
    return ((await response.json()) as Json).doc.id
  }
  const submit = async (id: number | string, who: Person) => expect((await call('POST', `/api/phrases/${id}/submit`, who, 'en')).status).toBe(200)

  beforeAll(async () => {
    const name = 'workflow_messages'
    server = await startServer(testSettings(await freshDatabaseUrl('sqlite', name), name), { admin: false })
    for (const [person, roles] of Object.entries(PEOPLE)) {
      await server.payload.create({ collection: 'users', data: { email: `${person}@example.com`, password: `${person}-pw`, roles: [...roles] } })
      const login = await call('POST', '/api/users/login', null, null, { email: `${person}@example.com`, password: `${person}-pw` })
      tokens[person as Person] = ((await login.json()) as Json).token
    }
    categoryId = (await server.payload.create({ collection: 'categories', locale: 'zh-Hant', data: { slug: 'closing', name: '結束語' } })).id
    for (const [term, severity, suggestion] of [
      ['自己看著辦', 'block', '我來協助您處理'],
      ['沒辦法', 'warn', null],
    ] as const) {
      await server.payload.create({ collection: 'forbidden-terms', locale: 'zh-Hant', data: { term, class: 'indifference', severity, suggestion } })
    }
    ids.draft = await draft('closing.draft', 'editor', '感謝您的來電！')
    ids.inReview = await draft('closing.in_review', 'editor', '感謝您的來電，再見！')
    await submit(ids.inReview, 'editor')
    ids.ownChange = await draft('closing.own_change', 'reviewer', '祝您生活愉快！')
    await submit(ids.ownChange, 'reviewer')
    ids.blocked = await draft('closing.blocked', 'editor', '請您自己看著辦。')
    ids.warned = await draft('closing.warned', 'editor', '這個沒辦法。')
    await submit(ids.warned, 'editor')
    updatedAt = ((await (await call('GET', `/api/phrases/${ids.draft}?draft=true&depth=0`, 'editor', 'en')).json()) as Json).updatedAt
  })
  afterAll(async () => {
    await server?.close()
  })

  const REFUSALS: { name: string; send: (language: string | null) => Promise<Response>; status: number; code: string; texts: Texts }[] = [
    {
      name: 'a workflow call without signing in',
      send: (language) => call('POST', `/api/phrases/${ids.draft}/submit`, null, language),
      status: 401,
      code: 'unauthorized',
      texts: { 'zh-Hant': '請先登入，才能處理話術的審核流程。', 'zh-Hans': '请先登录，才能处理话术的审核流程。', en: 'Sign in to move a phrase through review.' },
    },
    {
      name: 'a phrase that does not exist',
      send: (language) => call('POST', '/api/phrases/999999/approve', 'reviewer', language),
      status: 404,
      code: 'not_found',
      texts: { 'zh-Hant': '沒有話術 999999。', 'zh-Hans': '没有话术 999999。', en: 'No phrase 999999.' },
    },
    {
      name: 'a role that may not submit',
      send: (language) => call('POST', `/api/phrases/${ids.draft}/submit`, 'auditor', language),
      status: 403,
      code: 'forbidden',
      texts: {
        'zh-Hant': '只有編輯與審核者可以送審話術。',
        'zh-Hans': '只有编辑与审核者可以提交审核话术。',
        en: 'Only editors and reviewers submit phrases for review.',
      },
    },
    {
      name: 'approving a draft',
      send: (language) => call('POST', `/api/phrases/${ids.draft}/approve`, 'reviewer', language),
      status: 409,
      code: 'wrong_state',
      texts: {
        'zh-Hant': '只有審核中的話術可以核准；此話術目前是「草稿」。',
        'zh-Hans': '只有审核中的话术可以批准；此话术当前是“草稿”。',
        en: 'Only a phrase in review can be approved; this one is draft.',
      },
    },
    {
      name: 'submitting a phrase already in review',
      send: (language) => call('POST', `/api/phrases/${ids.inReview}/submit`, 'editor', language),
      status: 409,
      code: 'wrong_state',
      texts: {
        'zh-Hant': '只有草稿可以送審；此話術目前是「審核中」。',
        'zh-Hans': '只有草稿可以提交审核；此话术当前是“审核中”。',
        en: 'Only a draft can be submitted; this phrase is in review.',
      },
    },
    {
      name: 'approving one’s own change',
      send: (language) => call('POST', `/api/phrases/${ids.ownChange}/approve`, 'reviewer', language),
      status: 403,
      code: 'four_eyes',
      texts: {
        'zh-Hant': '這次修改有您撰寫的部分，需由另一位審核者核准。',
        'zh-Hans': '这次修改有您撰写的部分，需由另一位审核者批准。',
        en: 'You wrote part of this change; another reviewer must approve it.',
      },
    },
    {
      name: 'rejecting without a comment',
      send: (language) => call('POST', `/api/phrases/${ids.inReview}/reject`, 'reviewer', language),
      status: 400,
      code: 'comment_required',
      texts: {
        'zh-Hant': '請說明原因：退回時必須填寫給作者的意見。',
        'zh-Hans': '请说明原因：退回时必须填写给作者的意见。',
        en: 'Say why: rejecting needs a comment for the author.',
      },
    },
    {
      name: 'a comment that is not text',
      send: (language) => call('POST', `/api/phrases/${ids.inReview}/reject`, 'reviewer', language, { comment: 5 }),
      status: 400,
      code: 'invalid_comment',
      texts: { 'zh-Hant': '「comment」必須是文字。', 'zh-Hans': '“comment”必须是文字。', en: 'comment must be text.' },
    },
    {
      name: 'a publication time that is not one',
      send: (language) => call('POST', `/api/phrases/${ids.inReview}/approve`, 'reviewer', language, { publishAt: 'tomorrow' }),
      status: 400,
      code: 'invalid_publish_at',
      texts: {
        'zh-Hant': '「publishAt」必須是存在的 ISO 8601 時間，例如 2027-01-28T00:00:00+08:00。',
        'zh-Hans': '“publishAt”必须是存在的 ISO 8601 时间，例如 2027-01-28T00:00:00+08:00。',
        en: 'publishAt must be an ISO 8601 time that exists, such as 2027-01-28T00:00:00+08:00.',
      },
    },
    {
      name: 'submitting a forbidden term',
      send: (language) => call('POST', `/api/phrases/${ids.blocked}/submit`, 'editor', language),
      status: 422,
      code: 'forbidden_terms',
      texts: {
        'zh-Hant': '請先修改服務忌語：「自己看著辦」（zh-Hant text，位置 2；建議說「我來協助您處理」）、「自己看著辦」（zh-Hans text，位置 2）。',
        'zh-Hans': '请先修改服务忌语：“自己看著辦”（zh-Hant text，位置 2；建议说“我來協助您處理”）、“自己看著辦”（zh-Hans text，位置 2）。',
        en: 'Forbidden terms (服務忌語) must go first: 「自己看著辦」(zh-Hant text, at 2; say 「我來協助您處理」), 「自己看著辦」(zh-Hans text, at 2).',
      },
    },
    {
      name: 'approving a warning term without acknowledging it',
      send: (language) => call('POST', `/api/phrases/${ids.warned}/approve`, 'reviewer', language),
      status: 409,
      code: 'warnings_unacknowledged',
      texts: {
        'zh-Hant': '請檢查這些用語，並以 "acknowledgeWarnings": true 核准：「沒辦法」（zh-Hant text，位置 2）、「沒辦法」（zh-Hans text，位置 2）。',
        'zh-Hans': '请检查这些用语，并以 "acknowledgeWarnings": true 批准：“沒辦法”（zh-Hant text，位置 2）、“沒辦法”（zh-Hans text，位置 2）。',
        en: 'Check these terms and approve with "acknowledgeWarnings": true: 「沒辦法」(zh-Hant text, at 2), 「沒辦法」(zh-Hans text, at 2).',
      },
    },
    {
      name: 'restoring without naming a version',
      send: (language) => call('POST', `/api/phrases/${ids.draft}/restore`, 'editor', language, {}),
      status: 400,
      code: 'version_required',
      texts: {
        'zh-Hant': '請指定要還原的版本：{"version": "<歷史紀錄中的版本 id>"}。',
        'zh-Hans': '请指定要恢复的版本：{"version": "<历史记录中的版本 id>"}。',
        en: 'Say which version to restore: {"version": "<version id from the history>"}.',
      },
    },
    {
      name: 'restoring a version the phrase does not have',
      send: (language) => call('POST', `/api/phrases/${ids.draft}/restore`, 'editor', language, { version: 999999 }),
      status: 404,
      code: 'version_not_found',
      texts: { 'zh-Hant': '話術 closing.draft 沒有版本 999999。', 'zh-Hans': '话术 closing.draft 没有版本 999999。', en: 'Phrase closing.draft has no version 999999.' },
    },
    {
      name: 'a save over a change made since it was read (If-Match)',
      send: (language) =>
        call('PATCH', `/api/phrases/${ids.draft}?draft=true&locale=zh-Hant`, 'editor', language, { text: '謝謝！' }, { 'if-match': '"2020-01-01T00:00:00.000Z"' }),
      status: 409,
      code: 'conflict',
      texts: {
        'zh-Hant': '此話術在您讀取後已於 {updatedAt} 被修改；請重新載入後再修改一次。',
        'zh-Hans': '此话术在您读取后已于 {updatedAt} 被修改；请重新加载后再修改一次。',
        en: 'This phrase was changed at {updatedAt} since you read it; reload it and apply your change again.',
      },
    },
    {
      name: 'an If-Match that holds no time',
      send: (language) =>
        call('PATCH', `/api/phrases/${ids.draft}?draft=true&locale=zh-Hant`, 'editor', language, { text: '謝謝！' }, { 'if-match': 'yesterday' }),
      status: 400,
      code: 'bad_request',
      texts: {
        'zh-Hant': 'If-Match 必須帶著您讀到的 updatedAt（加上引號），例如 "2026-11-24T08:00:00.000Z"。',
        'zh-Hans': 'If-Match 必须带上您读到的 updatedAt（加上引号），例如 "2026-11-24T08:00:00.000Z"。',
        en: 'If-Match must carry the quoted updatedAt you read, e.g. "2026-11-24T08:00:00.000Z".',
      },
    },
    {
      name: 'a save that tries to publish',
      send: (language) => call('PATCH', `/api/phrases/${ids.draft}?locale=zh-Hant`, 'reviewer', language, { _status: 'published' }),
      status: 403,
      code: 'forbidden',
      texts: {
        'zh-Hant': '發布必須經過審核：請儲存草稿並送審，由審核者核准。',
        'zh-Hans': '发布必须经过审核：请保存草稿并提交审核，由审核者批准。',
        en: 'Publishing goes through review: save a draft, submit it, and a reviewer approves it.',
      },
    },
  ]

  it.each(REFUSALS.map((refusal) => [refusal.name, refusal] as const))('says %s in 繁體中文, 简体中文 and English', async (_name, refusal) => {
    for (const [language, expected] of [
      ['zh-TW', refusal.texts['zh-Hant']],
      ['zh-Hant', refusal.texts['zh-Hant']],
      ['zh-CN,zh;q=0.9', refusal.texts['zh-Hans']],
      ['en-US,en;q=0.8', refusal.texts.en],
      // No preference: the library's default script, as for every refusal of the API.
      [null, refusal.texts['zh-Hant']],
    ] as const) {
      const response = await refusal.send(language)
      const body = (await response.json()) as Json
      expect({ language, status: response.status, code: body.error?.code, message: body.error?.message }).toEqual({
        language,
        status: refusal.status,
        code: refusal.code,
        message: expected.replace('{updatedAt}', updatedAt),
      })
    }
  })
})
