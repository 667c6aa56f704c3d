import { describe, expect, it } from '@jest/globals'

import { forbiddenTermClassOf } from '../src/domain/forbiddenTermClasses'
import {
  type Finding,
  findingsAreBlocking,
  type ForbiddenTerm,
  ForbiddenTermMatcher,
  normalizeForMatching,
} from '../src/lint/matcher'
import { readStandardLibrary, type SeedForbiddenTerm } from '../seed/library'

const library = readStandardLibrary()
const seeded = library.forbiddenTerms

function termFrom(seed: SeedForbiddenTerm, stored: 'zh-Hant' | 'zh-Hans', withVariant: boolean): ForbiddenTerm {
  const other = stored === 'zh-Hant' ? 'zh-Hans' : 'zh-Hant'
  return {
    term: seed.text[stored],
    ...(withVariant ? { termVariants: [seed.text[other]] } : {}),
    class: seed.class,
    severity: seed.severity,
    suggestion: seed.suggestion?.[stored] ?? null,
  }
}

// As the CMS will build it: the Traditional term as stored, the Simplified one as its variant.
const matcher = new ForbiddenTermMatcher(seeded.map((seed) => termFrom(seed, 'zh-Hant', true)))

const seedOf = (traditional: string) => {
  const seed = seeded.find((s) => s.text['zh-Hant'] === traditional)
  if (!seed) throw new Error(`${traditional} is not in seed/data/forbidden-terms.json`)
  return seed
}

/** The findings with the passage each points at, for readable failures. */
const passages = (text: string, findings: Finding[]) =>
  findings.map((f) => ({ term: f.term, index: f.index, length: f.length, passage: text.slice(f.index, f.index + f.length) }))

const HALF_WIDTH: Record<string, string> = { '，': ',', '。': '.', '！': '!', '？': '?', '；': ';', '：': ':', '、': '､', '……': '...' }
const FULL_WIDTH: Record<string, string> = Object.fromEntries(Object.entries(HALF_WIDTH).map(([full, half]) => [half, full]))
const PUNCTUATION = /……|[，。！？；：、,.!?;:､]/g

/** A term as writers may type it: other-width punctuation, none at all, or a space for it. */
function spellings(term: string): string[] {
  return [
    term,
    term.replace(PUNCTUATION, (mark) => HALF_WIDTH[mark] ?? FULL_WIDTH[mark] ?? mark),
    term.replace(PUNCTUATION, ''),
    term.replace(PUNCTUATION, ' '),
    term.replace(PUNCTUATION, '\u3000'),
  ]
}

describe('normalizeForMatching', () => {
  it('folds width, case and script, drops punctuation and spacing, and keeps each unit\'s origin', () => {
    expect(normalizeForMatching('Ａ，b 𠮷')).toEqual({ normalized: 'ab𠮷', positions: [0, 2, 4, 4] })
    expect(normalizeForMatching('這是規定,我有什麼辦法').normalized).toBe('这是规定我有什么办法')
    expect(normalizeForMatching('这是规定，我有什么办法').normalized).toBe('这是规定我有什么办法')
    expect(normalizeForMatching('这是规定 我有什么办法').normalized).toBe('这是规定我有什么办法')
    // Characters OpenCC's character table leaves alone but that are one character across scripts.
    expect(normalizeForMatching('我忙著呢').normalized).toBe(normalizeForMatching('我忙着呢').normalized)
    expect(normalizeForMatching('裡裏里').normalized).toBe('里里里')
  })

  it('gives every seeded term and phrase the same form in both scripts', () => {
    const differing = [
      ...seeded.map((s) => s.text),
      ...library.phrases.flatMap((p) => [p.text, p.title, ...(p.agentNotes ? [p.agentNotes] : [])]),
    ].filter((text) => normalizeForMatching(text['zh-Hant']).normalized !== normalizeForMatching(text['zh-Hans']).normalized)
    expect(differing).toEqual([])
  })
})

describe('ForbiddenTermMatcher with the seeded terms', () => {
  it('compiles all 128 seeded terms', () => {
    expect(seeded).toHaveLength(128)
    expect(matcher.size).toBe(128)
    expect(matcher.unmatchable).toEqual([])
  })

  it('finds every seeded term in both scripts, however it is punctuated, at its place in the text', () => {
    const missed: unknown[] = []
    for (const seed of seeded) {
      for (const script of ['zh-Hant', 'zh-Hans'] as const) {
        for (const written of spellings(seed.text[script])) {
          const before = script === 'zh-Hant' ? '客戶您好，' : '客户您好，'
          const text = `${before}${written}。謝謝`
          const findings = matcher.find(text)
          const hit = findings.find((f) => f.term === seed.text['zh-Hant'])
          const expected = { term: seed.text['zh-Hant'], index: before.length, length: written.length, passage: written }
          const got = hit && passages(text, [hit])[0]
          if (!hit || JSON.stringify(got) !== JSON.stringify(expected)) missed.push({ text, expected, got })
          else expect(hit).toMatchObject({ class: seed.class, severity: seed.severity, suggestion: seed.suggestion?.['zh-Hant'] ?? null })
        }
      }
    }
    expect(missed).toEqual([])
  })

  it('finds 你先聽我說 and 我忙著呢 in 你先听我说，我忙着呢！', () => {
    const text = '你先听我说，我忙着呢！'
    const listen = seedOf('你先聽我說')
    const busy = seedOf('我忙著呢')
    const findings = matcher.find(text)
    expect(findings).toEqual([
      { term: '你先聽我說', class: listen.class, severity: 'block', index: 0, length: 5, suggestion: null },
      { term: '我忙著呢', class: busy.class, severity: 'block', index: 6, length: 4, suggestion: null },
    ])
    expect(findings.map((f) => forbiddenTermClassOf(f.class))).toEqual(['command', 'deflect'])
    expect(passages(text, findings).map((p) => p.passage)).toEqual(['你先听我说', '我忙着呢'])
    expect(findingsAreBlocking(findings)).toBe(true)
  })

  it('finds 这是规定，我有什么办法 whole and the two seeded terms inside it, longest first', () => {
    for (const text of ['这是规定，我有什么办法', '這是規定,我有什麼辦法', '这是规定 我有什么办法']) {
      const findings = matcher.find(text)
      expect(passages(text, findings)).toEqual([
        { term: '這是規定，我有什麼辦法', index: 0, length: 11, passage: text },
        { term: '這是規定', index: 0, length: 4, passage: text.slice(0, 4) },
        { term: '我有什麼辦法', index: 5, length: 6, passage: text.slice(5) },
      ])
      const whole = seedOf('這是規定，我有什麼辦法')
      expect(findings[0]).toMatchObject({ class: whole.class, severity: whole.severity, suggestion: whole.suggestion!['zh-Hant'] })
      expect(forbiddenTermClassOf(findings[0].class)).toBe('deflect')
    }
  })

  it('finds nothing in any seeded phrase text, title or agent note, in either script', () => {
    const trips: string[] = []
    for (const phrase of library.phrases) {
      for (const script of ['zh-Hant', 'zh-Hans'] as const) {
        for (const [field, value] of [
          ['text', phrase.text[script]],
          ['title', phrase.title[script]],
          ['agentNotes', phrase.agentNotes?.[script]],
        ] as const) {
          if (!value) continue
          for (const f of matcher.find(value)) trips.push(`${phrase.key} ${field} ${script}: ${f.term} in «${value}»`)
        }
      }
    }
    expect(library.phrases.length).toBeGreaterThan(0)
    expect(trips).toEqual([])
  })
})

describe('ForbiddenTermMatcher across scripts', () => {
  it('matches a term stored only in Traditional in Simplified text, and the other way round', () => {
    const traditionalOnly = new ForbiddenTermMatcher(seeded.map((seed) => termFrom(seed, 'zh-Hant', false)))
    const simplifiedOnly = new ForbiddenTermMatcher(seeded.map((seed) => termFrom(seed, 'zh-Hans', false)))
    const missed: string[] = []
    for (const seed of seeded) {
      for (const [m, text, stored] of [
        [traditionalOnly, seed.text['zh-Hans'], seed.text['zh-Hant']],
        [simplifiedOnly, seed.text['zh-Hant'], seed.text['zh-Hans']],
      ] as const) {
        const hit = m.find(`请稍等。${text}`).find((f) => f.term === stored)
        if (!hit || hit.index !== 4 || hit.length !== text.length) missed.push(`${stored} in ${text}`)
      }
    }
    expect(missed).toEqual([])
  })

  it('matches 著/着, 裡/里, 乾/干 and 後/后 written either way', () => {
    const m = new ForbiddenTermMatcher([
      { term: '我忙著呢', class: '推卸', severity: 'block', suggestion: null },
      { term: '衣服還沒乾', class: '教訓', severity: 'warn', suggestion: null },
      { term: '以后再说', class: '推卸', severity: 'warn', suggestion: null },
      { term: '这里不管', class: '推卸', severity: 'block', suggestion: null },
    ])
    expect(m.find('我忙着呢').map((f) => f.term)).toEqual(['我忙著呢'])
    expect(m.find('衣服还没干').map((f) => f.term)).toEqual(['衣服還沒乾'])
    expect(m.find('以後再說').map((f) => f.term)).toEqual(['以后再说'])
    expect(m.find('這裡不管').map((f) => f.term)).toEqual(['这里不管'])
    expect(m.find('這裏不管').map((f) => f.term)).toEqual(['这里不管'])
  })

  it('uses the variants given for terms whose words differ between scripts, reporting the stored term', () => {
    const m = new ForbiddenTermMatcher([
      { term: '軟體爛透了', termVariants: ['软件烂透了'], class: '粗俗', severity: 'warn', suggestion: '我們會改進', id: 't1' },
    ])
    expect(m.find('这个软件烂透了')).toEqual([
      { term: '軟體爛透了', class: '粗俗', severity: 'warn', index: 2, length: 5, suggestion: '我們會改進', id: 't1' },
    ])
    expect(m.find('這個軟體爛透了')).toHaveLength(1)
    expect(m.find('这个软体烂透了')).toHaveLength(1)
  })
})

describe('ForbiddenTermMatcher positions, overlaps and edge cases', () => {
  const term = (text: string, extra: Partial<ForbiddenTerm> = {}): ForbiddenTerm => ({
    term: text,
    class: '煩躁',
    severity: 'block',
    suggestion: null,
    ...extra,
  })

  it('keeps positions in text mixing emoji, Latin and CJK', () => {
    const m = new ForbiddenTermMatcher([
      term('你先聽我說'),
      term('OK啦', { severity: 'warn' }),
      term('𠮷野家'),
      term('好的好的'),
      term('知道了👌'),
    ])
    const text = '👨‍👩‍👧 Hello，ｏｋ 啦！😀你先聽我說🇹🇼，去𠮷野家吧👍🏻好的，好的👍🏻 知道了 👌！'
    const found = passages(text, m.find(text))
    expect(found).toEqual([
      { term: 'OK啦', index: text.indexOf('ｏｋ'), length: 4, passage: 'ｏｋ 啦' },
      { term: '你先聽我說', index: text.indexOf('你'), length: 5, passage: '你先聽我說' },
      // Characters outside the BMP (𠮷, emoji) are two UTF-16 units, at the start and at the end.
      { term: '𠮷野家', index: text.indexOf('𠮷'), length: 4, passage: '𠮷野家' },
      { term: '好的好的', index: text.indexOf('好的'), length: 5, passage: '好的，好的' },
      { term: '知道了👌', index: text.indexOf('知道了'), length: 6, passage: '知道了 👌' },
    ])
  })

  it('is case-insensitive for Latin letters, full-width or not', () => {
    const m = new ForbiddenTermMatcher([term('VIP才有')])
    for (const text of ['vip才有', 'Vip 才有', 'ＶＩＰ才有', 'ｖｉｐ才有']) expect(m.find(text)).toHaveLength(1)
  })

  it('reports every occurrence, overlapping terms, and two terms on one span, by position then longest first', () => {
    const m = new ForbiddenTermMatcher([
      term('好了'),
      term('好了，好了'),
      term('好了', { class: '不耐煩', severity: 'warn' }),
      term('了好'),
    ])
    const text = '好了好了'
    expect(m.find(text).map((f) => [f.term, f.class, f.index, f.length])).toEqual([
      ['好了，好了', '煩躁', 0, 4],
      ['好了', '煩躁', 0, 2],
      ['好了', '不耐煩', 0, 2],
      ['了好', '煩躁', 1, 2],
      ['好了', '煩躁', 2, 2],
      ['好了', '不耐煩', 2, 2],
    ])
  })

  it('passes suggestions through and tells blocking from warning findings', () => {
    const m = new ForbiddenTermMatcher([term('喂', { severity: 'warn', suggestion: '您好' }), term('真煩人')])
    const warnings = m.find('喂？')
    expect(warnings).toEqual([{ term: '喂', class: '煩躁', severity: 'warn', index: 0, length: 1, suggestion: '您好' }])
    expect(findingsAreBlocking(warnings)).toBe(false)
    expect(findingsAreBlocking(m.find('喂，真烦人'))).toBe(true)
    expect(findingsAreBlocking([])).toBe(false)
  })

  it('leaves out terms with nothing to match and finds nothing in empty text', () => {
    const m = new ForbiddenTermMatcher([term('！！'), term(' '), term('真煩人')])
    expect(m.size).toBe(1)
    expect(m.unmatchable.map((t) => t.term)).toEqual(['！！', ' '])
    expect(m.find('')).toEqual([])
    expect(m.find('！！，')).toEqual([])
    expect(new ForbiddenTermMatcher([]).find('真煩人')).toEqual([])
  })
})
