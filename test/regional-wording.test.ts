import { describe, expect, it } from '@jest/globals'
import * as OpenCC from 'opencc-js'

import { PhraseConverter, regionalSpelling } from '../src/conversion/converter'
import { REGIONAL_TERMS, RegionalWording, REGIONS_OF_TARGET, withWordingFlags } from '../src/conversion/regionalWording'
import { type Region, REGIONS } from '../src/domain/locales'
import { CONVERSION_TARGETS } from '../src/conversion/targets'

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' })
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' })

/**
 * The regional-wording table: terms a machine must not decide for a region (普通話/國語,
 * 早上好/早安, 短信/簡訊 …). Each row is checked here, and flags are raised in every direction.
 */
describe('the regional-wording table', () => {
  it(`holds ${REGIONAL_TERMS.length} terms, each form in its region's script`, () => {
    expect(REGIONAL_TERMS.length).toBeGreaterThanOrEqual(35)
    for (const term of REGIONAL_TERMS) {
      for (const form of term['zh-CN']) expect([term.meaning, form, toSimplified(form)]).toEqual([term.meaning, form, form])
      for (const region of ['zh-TW', 'zh-HK'] as const) {
        for (const form of term[region]) expect([term.meaning, region, form, toTraditional(form)]).toEqual([term.meaning, region, form, form])
      }
    }
  })

  it('lists only terms whose wording differs between regions, each form for one meaning', () => {
    const meaningOf = new Map<string, string>()
    for (const term of REGIONAL_TERMS) {
      const simplified = (region: Region) => term[region].map((form) => toSimplified(form)).sort().join('/')
      expect([term.meaning, new Set(REGIONS.map(simplified)).size]).not.toEqual([term.meaning, 1])
      for (const region of REGIONS) {
        for (const form of term[region]) {
          const key = toSimplified(form)
          expect([form, meaningOf.get(key) ?? term.meaning]).toEqual([form, term.meaning])
          meaningOf.set(key, term.meaning)
        }
      }
    }
  })

  it('flags every other region’s form for every target, offering the target’s own forms first, and never its own', () => {
    for (const target of CONVERSION_TARGETS) {
      const spell = regionalSpelling(target)
      const wording = new RegionalWording(target, spell)
      const own = REGIONS_OF_TARGET[target]
      for (const term of REGIONAL_TERMS) {
        const ownForms = [...new Set(own.flatMap((region) => term[region].map((form) => spell(form, region))))]
        for (const region of REGIONS) {
          for (const form of term[region]) {
            const spelled = spell(form, region)
            const flags = wording.flagsIn(`請${spelled}。`)
            if (own.every((r) => term[r].map((f) => spell(f, r)).includes(spelled))) {
              expect({ target, spelled, flags }).toEqual({ target, spelled, flags: [] })
            } else {
              expect({ target, spelled, flags }).toEqual({
                target,
                spelled,
                flags: [{ index: 1, char: spelled, chosen: spelled, candidates: [...new Set([...ownForms, spelled])], kind: 'wording' }],
              })
            }
          }
        }
      }
    }
  })

  it('finds the longest term, and never looks into {{placeholders}}', () => {
    const wording = new RegionalWording('zh-TW', regionalSpelling('zh-TW'))
    expect(wording.flagsIn('我們的服務水平').map((flag) => flag.char)).toEqual(['服務水平'])
    expect(wording.flagsIn('{{短信}}與{{聯繫方式}}')).toEqual([])
  })
})

describe('regional wording in conversions', () => {
  const converter = new PhraseConverter()

  it('flags 普通話 where a Taiwan reader says 國語, and leaves Hong Kong’s own word alone', () => {
    const source = '请您讲普通话好吗？'
    expect(converter.convert(source, 'zh-TW')).toEqual({
      text: '請您講普通話好嗎？',
      to: 'zh-TW',
      ambiguities: [{ index: 3, char: '普通話', chosen: '普通話', candidates: ['國語', '華語', '普通話'], kind: 'wording' }],
    })
    expect(converter.convert(source, 'zh-HK').ambiguities).toEqual([])
    // The Traditional script serves both: a word either region would change is flagged.
    expect(converter.convert(source, 'zh-Hant').ambiguities.map((flag) => flag.candidates)).toEqual([['國語', '華語', '普通話']])
  })

  it('flags Taiwan wording in a Simplified proposal, in the other direction', () => {
    const { text, ambiguities } = converter.convert('請透過簡訊與我們聯絡。', 'zh-Hans')
    expect(text).toBe('请透过简讯与我们联络。')
    // 联络 is mainland usage too; 透过 and 简讯 are not.
    expect(ambiguities).toEqual([
      { index: 1, char: '透过', chosen: '透过', candidates: ['通过', '透过'], kind: 'wording' },
      { index: 3, char: '简讯', chosen: '简讯', candidates: ['短信', '简讯'], kind: 'wording' },
    ])
    // OpenCC's mainland vocabulary already makes 簡訊 短信; the word it keeps is still asked about.
    expect(converter.convert('請透過簡訊與我們聯絡。', 'zh-CN')).toMatchObject({ text: '请透过短信与我们联系。', ambiguities: [{ index: 1, char: '透过' }] })
  })

  it('keeps character flags beside terms, in text order', () => {
    expect(converter.convert('请稍后再联系，衣服都干了，请找领导', 'zh-Hant').ambiguities.map((flag) => [flag.index, flag.char, flag.kind ?? 'character'])).toEqual([
      [4, '聯繫', 'wording'],
      [10, '干', 'character'],
      [15, '領導', 'wording'],
    ])
  })

  it('asks once for a term: a character flag inside it is settled with the term', () => {
    const term = { index: 2, char: '早上好', chosen: '早上好', candidates: ['早安', '早上好'], kind: 'wording' as const }
    const inside = { index: 3, char: '上', chosen: '上', candidates: ['上'] }
    const after = { index: 5, char: '后', chosen: '後', candidates: ['後', '后'] }
    expect(withWordingFlags([inside, after], [term])).toEqual([term, after])
    expect(withWordingFlags([after], [])).toEqual([after])
  })
})
