import { describe, expect, it } from '@jest/globals'
import * as OpenCC from 'opencc-js'

import { forbiddenTermClassOf } from '../src/domain/forbiddenTermClasses'
import { phraseKeyProblem, placeholdersIn, VARIABLE_NAME_PATTERN } from '../src/domain/phraseKey'
import { CALL_CENTRE_OVERRIDES, PhraseConverter } from '../src/conversion'
import { regionalSpelling } from '../src/conversion/converter'
import { proposedRegion } from '../src/conversion/regionalProposals'
import { RegionalWording } from '../src/conversion/regionalWording'
import { CHANNELS, type Region, REGIONS } from '../src/domain/locales'
import { categoryOfKey, readStandardLibrary, type Bilingual } from '../seed/library'

const library = readStandardLibrary()
const toHans = OpenCC.Converter({ from: 'tw', to: 'cn' })
const toHant = OpenCC.Converter({ from: 'cn', to: 'tw' })

/** Every bilingual text of the library, named for the failure message. */
function* bilingualTexts(): Generator<[string, Bilingual]> {
  for (const p of library.phrases) {
    yield [`${p.key} title`, p.title]
    yield [`${p.key} text`, p.text]
    if (p.agentNotes) yield [`${p.key} agentNotes`, p.agentNotes]
    for (const v of p.variables) yield [`${p.key} {{${v.name}}} fallback`, v.fallback]
  }
  for (const c of library.categories) yield [`category ${c.slug}`, c.name]
  for (const h of library.holidays) yield [`holiday ${h.code}`, h.name]
  for (const s of library.scenarios) {
    yield [`scenario ${s.key} title`, s.title]
    if (s.description) yield [`scenario ${s.key} description`, s.description]
    for (const [i, step] of s.steps.entries()) if (step.note) yield [`scenario ${s.key} step ${i + 1}`, step.note]
  }
  for (const t of library.forbiddenTerms) {
    yield [`forbidden ${t.text['zh-Hant']}`, t.text]
    if (t.suggestion) yield [`forbidden ${t.text['zh-Hant']} suggestion`, t.suggestion]
  }
}

describe('the standard library in seed/data', () => {
  it('has at least 150 phrases across all ten categories', () => {
    expect(library.categories.map((c) => c.slug)).toEqual([
      'opening', 'inquiry', 'hold', 'verification', 'thanks', 'complaint', 'escalation', 'special', 'callback', 'closing',
    ])
    expect(library.phrases.length).toBeGreaterThanOrEqual(150)
    for (const category of library.categories) {
      expect(library.phrases.filter((p) => categoryOfKey(p.key) === category.slug).length).toBeGreaterThanOrEqual(10)
    }
  })

  it('gives every phrase a unique, well-formed key in its category, a title and both scripts', () => {
    const keys = library.phrases.map((p) => p.key)
    expect(new Set(keys).size).toBe(keys.length)
    for (const p of library.phrases) {
      expect([p.key, phraseKeyProblem(p.key)]).toEqual([p.key, null])
      for (const script of ['zh-Hant', 'zh-Hans'] as const) {
        expect(p.title[script]?.trim()).toBeTruthy()
        expect(p.text[script]?.trim()).toBeTruthy()
      }
      expect(['zh-Hant', 'zh-Hans']).toContain(p.sourceScript)
      for (const channel of p.channels) expect(CHANNELS).toContain(channel)
    }
  })

  it('has fully Traditional zh-Hant and fully Simplified zh-Hans (OpenCC round trip, both ways)', () => {
    const mismatches: string[] = []
    for (const [name, value] of bilingualTexts()) {
      if (toHans(value['zh-Hant']) !== value['zh-Hans']) mismatches.push(`${name}: zh-Hant→${toHans(value['zh-Hant'])} ≠ ${value['zh-Hans']}`)
      if (toHant(value['zh-Hans']) !== value['zh-Hant']) mismatches.push(`${name}: zh-Hans→${toHant(value['zh-Hans'])} ≠ ${value['zh-Hant']}`)
    }
    expect(mismatches).toEqual([])
  })

  it('gives each region its own wording: every text in its region\'s script, none with another region\'s word', () => {
    // What the loader stores per region: the library's own regional text where it gives one, else the proposal.
    const converter = new PhraseConverter(CALL_CENTRE_OVERRIDES)
    const wording = Object.fromEntries(REGIONS.map((region) => [region, new RegionalWording(region, regionalSpelling(region))])) as Record<Region, RegionalWording>
    const pure: Record<Region, (text: string) => string> = {
      'zh-TW': OpenCC.Converter({ from: 'cn', to: 'tw' }),
      'zh-HK': OpenCC.Converter({ from: 'cn', to: 'hk' }),
      'zh-CN': toHans,
    }
    const problems: string[] = []
    const changed: Record<Region, number> = { 'zh-TW': 0, 'zh-HK': 0, 'zh-CN': 0 }
    // A holiday variant reaches only the regions that keep its holiday.
    const keptBy = new Map(library.holidays.map((holiday) => [holiday.code, holiday.regions?.length ? holiday.regions : REGIONS]))
    for (const p of library.phrases) {
      const scripts = { 'zh-Hant': { title: p.title['zh-Hant'], text: p.text['zh-Hant'], agentNotes: p.agentNotes?.['zh-Hant'] }, 'zh-Hans': { title: p.title['zh-Hans'], text: p.text['zh-Hans'], agentNotes: p.agentNotes?.['zh-Hans'] } }
      for (const region of REGIONS.filter((r) => !p.holiday || (keptBy.get(p.holiday) as readonly Region[]).includes(r))) {
        const proposal = proposedRegion(converter, scripts, p.sourceScript, region)!
        const given = p.regions?.[region] ?? {}
        if (Object.keys(given).length) changed[region]++
        for (const field of ['title', 'text', 'agentNotes'] as const) {
          const text = given[field] ?? proposal[field]
          if (!text) continue
          if (pure[region](text) !== text) problems.push(`${p.key} ${region} ${field}: not ${region}'s script: ${text}`)
          for (const flag of wording[region].flagsIn(text)) problems.push(`${p.key} ${region} ${field}: ${flag.char} is another region's word (${flag.candidates.join('/')})`)
        }
      }
    }
    expect(problems).toEqual([])
    // The words a Taiwan lead would strike first.
    const taiwan = library.phrases.map((p) => [p.regions?.['zh-TW']?.text ?? proposedRegion(converter, { 'zh-Hant': { text: p.text['zh-Hant'] }, 'zh-Hans': { text: p.text['zh-Hans'] } }, p.sourceScript, 'zh-TW')!.text].join(''))
    for (const word of ['普通話', '文明用語', '早上好', '聯繫', '短信', '視頻']) expect([word, taiwan.filter((text) => text!.includes(word))]).toEqual([word, []])
    // The library writes its own wording where a region differs from the proposal (reported in docs/benchmarks.md).
    expect(changed['zh-TW']).toBeGreaterThan(10)
    expect(changed['zh-HK']).toBeGreaterThan(10)
  })

  it('turns the sources\' placeholders into declared variables used in both scripts', () => {
    const leftovers = /XX|××|\*\*|xxx|X月X日|歐飛|欧飞|江南云商|江南雲商/
    let withVariables = 0
    for (const p of library.phrases) {
      const declared = p.variables.map((v) => v.name).sort()
      for (const script of ['zh-Hant', 'zh-Hans'] as const) {
        expect([p.key, script, placeholdersIn(p.text[script]).sort()]).toEqual([p.key, script, declared])
        expect([p.key, leftovers.test(p.text[script])]).toEqual([p.key, false])
      }
      for (const v of p.variables) {
        expect(v.name).toMatch(VARIABLE_NAME_PATTERN)
        expect(v.description?.trim()).toBeTruthy()
        expect(v.fallback['zh-Hant']?.trim()).toBeTruthy()
        expect(v.fallback['zh-Hans']?.trim()).toBeTruthy()
      }
      if (p.variables.length) withVariables++
    }
    const names = new Set(library.phrases.flatMap((p) => p.variables.map((v) => v.name)))
    for (const name of ['company', 'customer_title', 'agent_id']) expect(names).toContain(name)
    expect(withVariables).toBeGreaterThanOrEqual(20)
  })

  it('links holiday variants of openings and closings to their base phrase and a known holiday', () => {
    const byKey = new Map(library.phrases.map((p) => [p.key, p]))
    const codes = library.holidays.map((h) => h.code)
    expect(codes).toEqual(['new_year', 'spring_festival', 'labour_day', 'dragon_boat', 'mid_autumn', 'national_day', 'tw_national_day'])
    for (const p of library.phrases.filter((p) => p.variantOf || p.holiday)) {
      expect(byKey.has(p.variantOf!)).toBe(true)
      expect(codes).toContain(p.holiday)
      expect(categoryOfKey(p.key)).toBe(categoryOfKey(p.variantOf!))
      expect(byKey.get(p.variantOf!)!.variantOf).toBeNull()
    }
    for (const base of ['opening.standard', 'closing.standard']) {
      const variants = library.phrases.filter((p) => p.variantOf === base).map((p) => p.holiday).sort()
      expect(variants).toEqual([...codes].sort())
    }
  })

  it('has the five required call scripts, each step pointing at a phrase', () => {
    const keys = new Set(library.phrases.map((p) => p.key))
    const scenarios = new Map(library.scenarios.map((s) => [s.key, s]))
    for (const key of ['silent_call', 'bad_line', 'supervisor_request', 'abusive_caller', 'callback_later']) {
      expect(scenarios.has(key)).toBe(true)
      expect(scenarios.get(key)!.steps.length).toBeGreaterThanOrEqual(3)
    }
    for (const s of library.scenarios) for (const step of s.steps) expect([s.key, keys.has(step.phrase)]).toEqual([s.key, true])
  })

  it('has at least 40 forbidden terms with a known class and severity', () => {
    expect(library.forbiddenTerms.length).toBeGreaterThanOrEqual(40)
    for (const t of library.forbiddenTerms) {
      expect([t.class, forbiddenTermClassOf(t.class)]).toEqual([t.class, expect.any(String)])
      expect(['block', 'warn']).toContain(t.severity)
    }
    expect(library.forbiddenTerms.filter((t) => t.suggestion).length).toBeGreaterThanOrEqual(20)
    const terms = library.forbiddenTerms.map((t) => t.text['zh-Hant'])
    for (const required of ['你先聽我說', '我忙著呢', '這是規定，我有什麼辦法']) expect(terms).toContain(required)
  })

  it('contains no forbidden term in any seeded phrase (either script)', () => {
    const hits: string[] = []
    for (const p of library.phrases) {
      for (const script of ['zh-Hant', 'zh-Hans'] as const) {
        for (const t of library.forbiddenTerms) if (p.text[script].includes(t.text[script])) hits.push(`${p.key}: ${t.text[script]}`)
      }
    }
    expect(hits).toEqual([])
  })
})
