import type { GlossaryRule } from './converter'
import type { ConversionTarget } from './targets'

/** A glossary entry as the collection stores it (override fields cannot contain "-"). */
export type StoredGlossaryEntry = {
  term?: string | null
  protect?: boolean | null
  overrides?: Partial<Record<'zhHant' | 'zhTW' | 'zhHK' | 'zhHans' | 'zhCN', string | null>> | null
}

const FIELD_FOR: Record<ConversionTarget, keyof NonNullable<StoredGlossaryEntry['overrides']>> = {
  'zh-Hant': 'zhHant',
  'zh-TW': 'zhTW',
  'zh-HK': 'zhHK',
  'zh-Hans': 'zhHans',
  'zh-CN': 'zhCN',
}

export function glossaryRuleFrom(entry: StoredGlossaryEntry): GlossaryRule | null {
  if (!entry.term) return null
  const overrides: GlossaryRule['overrides'] = {}
  for (const [target, field] of Object.entries(FIELD_FOR) as [ConversionTarget, (typeof FIELD_FOR)[ConversionTarget]][]) {
    const value = entry.overrides?.[field]
    if (value) overrides[target] = value
  }
  return { term: entry.term, protect: Boolean(entry.protect), overrides }
}

export function storedOverridesFrom(
  overrides: Partial<Record<ConversionTarget, string>> = {},
): NonNullable<StoredGlossaryEntry['overrides']> {
  return Object.fromEntries(
    (Object.entries(FIELD_FOR) as [ConversionTarget, string][]).map(([target, field]) => [field, overrides[target]]),
  )
}
