import { describe, expect, it } from '@jest/globals'

import { PhraseSearch } from '../src/delivery/search'
import { PhraseSuggest, readSuggestRequest, suggestPhrases } from '../src/delivery/suggest'
import { buildSnapshot, type PublishedPhrase, type Scenario, type Snapshot } from '../src/delivery/snapshot'
import { REGIONS } from '../src/domain/locales'
import { TriggerIndex } from '../src/search/triggers'
import { refusal } from './helpers/deliveryRefusal'
import { publishedPhrase } from './helpers/publishedPhrase'

const TIME_ZONE = 'Asia/Taipei'

const phrase = (key: string, title: [string, string], text: [string, string], triggers: string[], extra: Partial<PublishedPhrase> = {}) =>
  publishedPhrase(key, { title, text, triggers }, extra)

const LIBRARY: PublishedPhrase[] = [
  phrase('complaint.ask_details', ['請客戶描述投訴經過', '请客户描述投诉经过'], ['對不起！請您詳細描述一下當時的情況，好嗎？', '对不起！请您详细描述一下当时的情况，好吗？'], ['我要投訴', '投訴']),
  phrase('escalation.supervisor', ['客戶要求找主管', '客户要求找主管'], ['請問您具體遇到了什麼問題呢？', '请问您具体遇到了什么问题呢？'], ['找你們主管', '主管', '經理']),
  phrase('special.bad_line', ['聽不清：請客戶提高音量', '听不清：请客户提高音量'], ['對不起，聽不清您的聲音，麻煩您聲音大一點，好嗎？', '对不起，听不清您的声音，麻烦您声音大一点，好吗？'], ['聽不清楚', '大聲一點']),
  phrase('hold.please_wait', ['請客戶稍候', '请客户稍候'], ['請您稍等，正在為您查詢。', '请您稍等，正在为您查询。'], ['幫我查一下']),
  phrase('closing.standard', ['日常結束語', '日常结束语'], ['感謝您的來電，再見！', '感谢您的来电，再见！'], ['沒有了', '再見']),
  phrase(
    'closing.standard.spring_festival',
    ['春節結束語', '春节结束语'],
    ['感謝您的來電，祝您春節愉快，再見！', '感谢您的来电，祝您春节愉快，再见！'],
    [],
    { variantOf: 'closing.standard', holiday: 'spring_festival' },
  ),
  phrase('thanks.praise', ['客戶表揚時', '客户表扬时'], ['謝謝您的誇獎，這是我應該做的。', '谢谢您的夸奖，这是我应该做的。'], []),
]
const HOLIDAYS = [{ code: 'spring_festival', name: { 'zh-Hant': '春節' }, dates: [{ year: 2027, start: '2027-02-05', end: '2027-02-10' }], regions: [] }]
const SCENARIOS: Scenario[] = [{ key: 'complaint_handling', title: { 'zh-Hant': '投訴處理' }, steps: [{ phrase: 'complaint.ask_details', note: {} }] }]

const snapshotOf = (phrases: PublishedPhrase[], revision = 1): Snapshot =>
  buildSnapshot({
    revision,
    phrases,
    categories: ['complaint', 'escalation', 'special', 'hold', 'closing', 'thanks'].map((slug, order) => ({ slug, name: { 'zh-Hant': slug }, order })),
    holidays: HOLIDAYS,
    scenarios: SCENARIOS,
    defaultTraditional: 'zh-TW',
    regions: REGIONS,
  })

const snapshot = snapshotOf(LIBRARY)
const suggest = (body: Record<string, unknown>, on = snapshot, engine = new PhraseSuggest(new PhraseSearch())) =>
  suggestPhrases(on, engine, readSuggestRequest({ locale: 'zh-TW', at: '2026-06-01', ...body }, on, TIME_ZONE))
const keysFor = (utterance: string, more: Record<string, unknown> = {}) => suggest({ utterance, ...more }).items.map((item) => item.key)

describe('hearing triggers in what a customer says', () => {
  const documents = ['complaint', 'supervisor', 'noise', 'rude']
  const index = TriggerIndex.build([['我要投訴'], ['找你們主管'], ['雜音'], ['滾']])
  const heard = (utterance: string) =>
    index.heardIn(utterance).flatMap(({ documents: found, by, coverage }) => [...found].map((n) => ({ document: documents[n], by, coverage: Math.round(coverage * 100) / 100 })))

  it('hears a trigger in either script, inside a longer sentence', () => {
    expect(heard('喂，我要投诉你们那个送货员')).toEqual([{ document: 'complaint', by: 'words', coverage: 1 }])
    expect(heard('欸我要投訴啦')).toEqual([{ document: 'complaint', by: 'words', coverage: 1 }])
  })

  it('hears a homophone typo by its sound, for less than the words themselves', () => {
    // 投素 is what an input method offers for tousu; 主館 for zhuguan.
    expect(heard('我要投素')).toEqual([{ document: 'complaint', by: 'sound', coverage: 0.85 }])
    expect(heard('找你们主馆')).toEqual([expect.objectContaining({ document: 'supervisor', by: 'sound' })])
  })

  it('tolerates words in between, by the share of the trigger heard', () => {
    const [match] = index.heardIn('找你們的主管')
    expect(match).toMatchObject({ trigger: '找你們主管', by: 'words' })
    expect(match!.coverage).toBeGreaterThan(0.4)
    expect(match!.coverage).toBeLessThan(1)
  })

  it('hears a one-character trigger, and nothing where nothing was said', () => {
    expect(heard('你給我滾')).toEqual([{ document: 'rude', by: 'words', coverage: 1 }])
    expect(heard('今天天氣很好')).toEqual([])
    expect(heard('')).toEqual([])
  })

  it('reuses what it heard of the last index\'s triggers', () => {
    const next = TriggerIndex.build([['我要投訴', '投訴', '投訴']], index)
    expect(next.size).toBe(2)
    expect(next.heardIn('投訴').map(({ trigger, documents: found }) => [trigger, [...found]])).toEqual([['投訴', [0]]])
    // A snapshot whose phrases say the same triggers (a publish of new text) keeps the index.
    expect(TriggerIndex.build([['我要投訴', '投訴', '投訴']], next)).toBe(next)
    expect(TriggerIndex.build([['我要投訴']], next)).not.toBe(next)
  })
})

describe('POST /v1/suggest over a snapshot', () => {
  it('suggests the phrase whose trigger the customer said, first, in any script, with typos', () => {
    expect(keysFor('我要投訴你們')[0]).toBe('complaint.ask_details')
    expect(keysFor('我要投诉', { locale: 'zh-CN' })[0]).toBe('complaint.ask_details')
    expect(keysFor('叫你们主馆出来')[0]).toBe('escalation.supervisor')
    expect(keysFor('喂喂，我听不清楚')[0]).toBe('special.bad_line')
  })

  it('says why: the trigger heard, by words or by sound, and the words the phrase shares', () => {
    const [top] = suggest({ utterance: '我要投素' }).items
    expect(top).toMatchObject({ key: 'complaint.ask_details', locale: 'zh-TW', reasons: [
      { kind: 'trigger', trigger: '我要投訴', by: 'sound', coverage: 0.85 },
      { kind: 'trigger', trigger: '投訴', by: 'sound', coverage: 0.85 },
    ] })
    const [bad] = suggest({ utterance: '聲音太小了，聽不清' }).items
    expect(bad!.key).toBe('special.bad_line')
    expect(bad!.reasons).toContainEqual({ kind: 'text', words: expect.arrayContaining(['聽不清']) })
    expect(bad!.highlights.title).toEqual([[0, 3]])
  })

  it('finds a phrase by its own words when no trigger is heard', () => {
    expect(keysFor('你誇獎一下')).toContain('thanks.praise')
  })

  it('answers with the phrase as agents are served it: the holiday variant of the day, in the locale', () => {
    const [plain] = suggest({ utterance: '沒有了，再見' }).items
    expect([plain!.key, plain!.variant, plain!.text]).toEqual(['closing.standard', 'default', '感謝您的來電，再見！'])
    const [festive] = suggest({ utterance: '没有了，再见', locale: 'zh-CN', at: '2027-02-06' }).items
    expect([festive!.key, festive!.variant, festive!.text]).toEqual(['closing.standard', 'spring_festival', '感谢您的来电，祝您春节愉快，再见！'])
  })

  it('puts the steps of the agent\'s scenario first among near equals, and says so', () => {
    const utterance = '投訴主管'
    const without = suggest({ utterance }).items
    const within = suggest({ utterance, scenario: 'complaint_handling' }).items
    expect(within[0]!.key).toBe('complaint.ask_details')
    expect(within[0]!.score).toBeGreaterThan(without.find((item) => item.key === 'complaint.ask_details')!.score)
    expect(within[0]!.reasons).toContainEqual({ kind: 'scenario', scenario: 'complaint_handling' })
  })

  it('keeps to the limit, the category and the channel, and answers nothing for small talk', () => {
    expect(suggest({ utterance: '投訴主管聽不清楚再見', limit: 2 }).items).toHaveLength(2)
    expect(keysFor('投訴主管聽不清楚再見', { category: 'special' })).toEqual(['special.bad_line'])
    expect(keysFor('今天天氣很好喔')).toEqual([])
  })

  it('never suggests a variant of a phrase that is not published', () => {
    const orphan = snapshotOf(LIBRARY.filter((p) => p.key !== 'closing.standard'))
    expect(suggest({ utterance: '沒有了，再見', at: '2027-02-06' }, orphan).items).toEqual([])
  })

  it('orders equals by use', () => {
    const twins = snapshotOf([
      phrase('a.one', ['甲', '甲'], ['甲。', '甲。'], ['退款']),
      phrase('a.two', ['乙', '乙'], ['乙。', '乙。'], ['退款']),
    ])
    const used = new PhraseSuggest(new PhraseSearch({ usesOf: (key) => (key === 'a.two' ? 50 : 0) }))
    expect(suggest({ utterance: '我要退款' }, twins, used).items.map((item) => item.key)).toEqual(['a.two', 'a.one'])
  })

  it('refuses a request it cannot answer, with the message to fix it', () => {
    const read = (body: unknown) => refusal(() => readSuggestRequest(body, snapshot, TIME_ZONE))
    expect(read(null)).toEqual({ status: 400, code: 'invalid_body', messageKey: 'suggest_body' })
    expect(read({ utterance: '  ' })).toEqual({ status: 400, code: 'invalid_body', messageKey: 'suggest_body' })
    expect(read({ utterance: '投'.repeat(501) })).toEqual({ status: 400, code: 'invalid_body', messageKey: 'suggest_utterance_length' })
    for (const limit of [0, 21, 2.5, '3']) expect(read({ utterance: '投訴', limit })).toEqual({ status: 400, code: 'invalid_body', messageKey: 'suggest_limit' })
    expect(read({ utterance: '投訴', scenario: 'nope' })).toEqual({ status: 400, code: 'invalid_body', messageKey: 'suggest_scenario' })
    expect(read({ utterance: '投訴', locale: 7 })).toEqual({ status: 400, code: 'invalid_body', messageKey: 'suggest_field_type' })
    expect(read({ utterance: '投訴', vars: 'x' })).toEqual({ status: 400, code: 'invalid_body', messageKey: 'suggest_field_type' })
    expect(read({ utterance: '投訴', locale: 'fr' })).toEqual({ status: 400, code: 'unknown_locale', messageKey: 'unknown_locale' })
    expect(read({ utterance: '投訴', vars: { 'Bad-Name': 'x' } })).toEqual({ status: 400, code: 'invalid_query', messageKey: 'invalid_vars' })
  })
})
