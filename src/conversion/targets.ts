/** The locales text can be converted to (docs/contract.md, Delivery API) and how OpenCC does each. */
export const CONVERSION_TARGETS = ['zh-Hant', 'zh-TW', 'zh-HK', 'zh-Hans', 'zh-CN'] as const
export type ConversionTarget = (typeof CONVERSION_TARGETS)[number]

export function isConversionTarget(value: unknown): value is ConversionTarget {
  return typeof value === 'string' && (CONVERSION_TARGETS as readonly string[]).includes(value)
}

/** Which script a target is written in. */
export function scriptOf(target: ConversionTarget): 'zh-Hant' | 'zh-Hans' {
  return target === 'zh-Hans' || target === 'zh-CN' ? 'zh-Hans' : 'zh-Hant'
}

/**
 * OpenCC locale pairs. Traditional targets read the text as Simplified (OpenCC leaves Traditional
 * characters as they are); Simplified targets read it as Taiwan Traditional.
 * - zh-Hant: Taiwan standard characters, no vocabulary change
 * - zh-TW: Taiwan characters and vocabulary (软件→軟體)
 * - zh-HK: Hong Kong character forms
 * - zh-Hans: Simplified characters, no vocabulary change
 * - zh-CN: Simplified with mainland vocabulary (軟體→软件)
 */
export const OPENCC_PAIRS: Record<ConversionTarget, { from: string; to: string }> = {
  'zh-Hant': { from: 'cn', to: 'tw' },
  'zh-TW': { from: 'cn', to: 'twp' },
  'zh-HK': { from: 'cn', to: 'hk' },
  'zh-Hans': { from: 'tw', to: 'cn' },
  'zh-CN': { from: 'twp', to: 'cn' },
}
