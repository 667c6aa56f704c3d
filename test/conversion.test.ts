import { readFileSync } from 'node:fs'

import { describe, expect, it } from '@jest/globals'
import * as OpenCC from 'opencc-js'

import { CALL_CENTRE_OVERRIDES, CONVERSION_TARGETS, PhraseConverter } from '../src/conversion'
import { readStandardLibrary } from '../seed/library'

const glossary = readStandardLibrary().glossary.map((entry) => ({ term: entry.term, protect: entry.protect, overrides: entry.overrides }))
const converter = new PhraseConverter([...CALL_CENTRE_OVERRIDES, ...glossary])

describe('PhraseConverter', () => {
  it('writes Taiwan forms for an editor\'s Simplified text (the issue\'s example)', () => {
    expect(converter.convert('请重新登录账号后再试。', 'zh-TW').text).toBe('請重新登入帳號後再試。')
    expect(converter.convert('请重新登录账号后再试。', 'zh-Hant').text).toBe('請重新登錄帳號後再試。')
    // Hong Kong keeps 賬號.
    expect(converter.convert('请重新登录账号后再试。', 'zh-HK').text).toBe('請重新登錄賬號後再試。')
  })

  it('maps each target to its OpenCC conversion, vocabulary only where asked', () => {
    expect(converter.convert('软件信息', 'zh-Hant').text).toBe('軟件信息')
    expect(converter.convert('软件信息', 'zh-TW').text).toBe('軟體資訊')
    expect(converter.convert('軟體的滑鼠', 'zh-Hans').text).toBe('软体的滑鼠')
    expect(converter.convert('軟體的滑鼠', 'zh-CN').text).toBe('软件的鼠标')
  })

  it('keeps 查詢 as 查询 for the mainland, where OpenCC says 查找', () => {
    expect(OpenCC.Converter({ from: 'twp', to: 'cn' })('請查詢您的帳號')).toBe('请查找您的帐号')
    expect(converter.convert('請查詢您的帳號', 'zh-CN').text).toBe('请查询您的账号')
    expect(converter.convert('請查詢您的帳號', 'zh-Hans').text).toBe('请查询您的账号')
  })

  it('flags 干 in 衣服都干了 with its candidates, because OpenCC\'s 干了 phrase cannot know', () => {
    const result = converter.convert('衣服都干了', 'zh-Hant')
    expect(result.ambiguities).toEqual([{ index: 3, char: '干', chosen: result.text[3], candidates: ['乾', '幹', '干'] }])
  })

  it('does not flag characters a real phrase decides (頭髮, 以後, 一隻, 麵包, 系統, 鬧鐘)', () => {
    for (const [source, expected] of [
      ['头发', '頭髮'], ['以后', '以後'], ['一只猫', '一隻貓'], ['面包', '麵包'], ['系统', '系統'], ['闹钟', '鬧鐘'],
    ]) {
      const result = converter.convert(source, 'zh-Hant')
      expect([source, result.text, result.ambiguities]).toEqual([source, expected, []])
    }
  })

  it('reports flags at their place in the converted text, after longer or shorter replacements', () => {
    // 充值 → 儲值 and 挂断 → 掛斷 replace whole words; the flag on 后 must still point at 後.
    const result = converter.convert('{{customer_title}}，充值后请挂断电话。', 'zh-TW')
    expect(result.text).toBe('{{customer_title}}，儲值後請掛斷電話。')
    for (const flag of result.ambiguities) expect(result.text[flag.index]).toBe(flag.chosen)
    expect(result.ambiguities.map((a) => a.char)).toContain('后')
  })

  it('never alters {{placeholders}}, even with convertible characters inside', () => {
    for (const to of CONVERSION_TARGETS) {
      const result = converter.convert('{{门店}}您好，{{客戶}}，工号{{agent_id}}为您服务。', to)
      expect(result.text).toContain('{{门店}}')
      expect(result.text).toContain('{{客戶}}')
      expect(result.text).toContain('{{agent_id}}')
    }
  })

  it('keeps a protected brand name in every direction', () => {
    for (const to of CONVERSION_TARGETS) {
      expect(converter.convert('欢迎致电江南云商客服中心', to).text).toContain('江南云商')
      expect(converter.convert('歡迎致電江南云商客服中心', to).text).toContain('江南云商')
    }
  })

  it('lets a later glossary entry add or replace an override', () => {
    const custom = new PhraseConverter([...CALL_CENTRE_OVERRIDES, { term: '宽带', overrides: { 'zh-Hant': '寬頻' } }])
    expect(custom.convert('您的宽带已开通', 'zh-Hant').text).toBe('您的寬頻已開通')
    expect(new PhraseConverter().convert('您的宽带已开通', 'zh-Hant').text).toBe('您的寬帶已開通')
    const replaced = new PhraseConverter([...CALL_CENTRE_OVERRIDES, { term: '充值', overrides: { 'zh-TW': '加值' } }])
    expect(replaced.convert('充值成功', 'zh-TW').text).toBe('加值成功')
  })

  it('converts the whole seeded library back to itself (the library\'s own round trip)', () => {
    const mismatches: string[] = []
    for (const phrase of readStandardLibrary().phrases) {
      const toHans = converter.convert(phrase.text['zh-Hant'], 'zh-Hans').text
      const toHant = converter.convert(phrase.text['zh-Hans'], 'zh-Hant').text
      if (toHans !== phrase.text['zh-Hans']) mismatches.push(`${phrase.key} → zh-Hans: ${toHans}`)
      if (toHant !== phrase.text['zh-Hant']) mismatches.push(`${phrase.key} → zh-Hant: ${toHant}`)
    }
    expect(mismatches).toEqual([])
  })
})

type TableEntry = {
  source: string
  from: 'zh-Hans' | 'zh-Hant'
  expected: Partial<Record<(typeof CONVERSION_TARGETS)[number], string>>
  ambiguous: string[]
  note?: string
}
const table = JSON.parse(
  readFileSync(new URL('./fixtures/conversion-table.json', import.meta.url), 'utf8'),
) as TableEntry[]

describe('the call-centre sentence table (test/fixtures/conversion-table.json)', () => {
  it('has at least 60 sentences, both directions, every target', () => {
    expect(table.length).toBeGreaterThanOrEqual(60)
    const targets = new Set(table.flatMap((entry) => Object.keys(entry.expected)))
    expect([...targets].sort()).toEqual([...CONVERSION_TARGETS].sort())
    expect(table.filter((e) => e.from === 'zh-Hans').length).toBeGreaterThanOrEqual(30)
    expect(table.filter((e) => e.from === 'zh-Hant').length).toBeGreaterThanOrEqual(25)
  })

  const cases = table.flatMap((entry) =>
    Object.entries(entry.expected).map(([to, expected]) => [entry.source, to, expected!, entry] as const),
  )
  it.each(cases)('%s → %s', (source, to, expected, entry) => {
    const result = converter.convert(source, to as (typeof CONVERSION_TARGETS)[number])
    if (result.text === expected) return
    // A machine may get a one-to-many character wrong, but then it must say so at that character.
    const wrong = [...result.text].map((c, i) => (c === expected[i] ? -1 : i)).filter((i) => i >= 0)
    const flagged = new Map(result.ambiguities.map((a) => [a.index, a]))
    expect(result.text.length).toBe(expected.length)
    for (const i of wrong) {
      const flag = flagged.get(i)
      expect([i, flag?.char, entry.ambiguous.includes(flag?.char ?? '')]).toEqual([i, expect.any(String), true])
      expect(flag!.candidates).toContain(expected[i])
    }
  })
})
