import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { HolidayRule } from '../src/domain/holidays'
import type { Region } from '../src/domain/locales'

/** The standard library as written in seed/data (see seed/AUTHORING.md). */
export type Bilingual = { 'zh-Hant': string; 'zh-Hans': string; en?: string }

export type SeedCategory = { slug: string; name: Bilingual; order: number }
/** A holiday of the library; `regions` are the regions that keep it (none: every region). */
export type SeedHoliday = HolidayRule & { name: Bilingual; regions?: Region[] }
export type SeedVariable = { name: string; description?: string; example?: string; fallback: Bilingual }
export type SeedPhrase = {
  key: string
  title: Bilingual
  text: Bilingual
  sourceScript: 'zh-Hant' | 'zh-Hans'
  channels: string[]
  variables: SeedVariable[]
  variantOf: string | null
  holiday: string | null
  tags: string[]
  /** What customers say that calls for the phrase (suggestions read them). */
  triggers?: string[]
  agentNotes: Bilingual | null
  /**
   * A region's title, text or agent notes as a person wrote them, where the region says it
   * otherwise than the converter proposes from the scripts (早安 for 早上好, 聯絡 for 聯繫). A field
   * left out is the proposal as it stands.
   */
  regions?: Partial<Record<Region, Partial<Record<'title' | 'text' | 'agentNotes', string>>>>
  order: number
  source: string[]
}
export type SeedScenario = {
  key: string
  title: Bilingual
  description: Bilingual | null
  steps: { phrase: string; note: Bilingual | null }[]
}
export type SeedForbiddenTerm = {
  text: Bilingual
  class: string
  severity: 'block' | 'warn'
  suggestion: Bilingual | null
  note?: string | null
  source?: string[]
}
export type SeedGlossaryEntry = {
  term: string
  protect: boolean
  overrides?: Partial<Record<'zh-Hant' | 'zh-TW' | 'zh-HK' | 'zh-Hans' | 'zh-CN', string>>
  note?: string
}

export type StandardLibrary = {
  categories: SeedCategory[]
  holidays: SeedHoliday[]
  phrases: SeedPhrase[]
  scenarios: SeedScenario[]
  forbiddenTerms: SeedForbiddenTerm[]
  glossary: SeedGlossaryEntry[]
}

export const SEED_DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data')

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(SEED_DATA_DIR, file), 'utf8')) as T
}

/** Reads every file of the library; phrases come category by category in category order. */
export function readStandardLibrary(): StandardLibrary {
  const categories = readJson<SeedCategory[]>('categories.json')
  const phraseFiles = new Set(readdirSync(path.join(SEED_DATA_DIR, 'phrases')))
  const phrases = categories.flatMap((category) =>
    phraseFiles.has(`${category.slug}.json`) ? readJson<SeedPhrase[]>(`phrases/${category.slug}.json`) : [],
  )
  return {
    categories,
    holidays: readJson('holidays.json'),
    phrases,
    scenarios: readJson('scenarios.json'),
    forbiddenTerms: readJson('forbidden-terms.json'),
    glossary: readJson('glossary.json'),
  }
}

export function categoryOfKey(key: string): string {
  return key.slice(0, key.indexOf('.'))
}
