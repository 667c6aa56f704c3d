import type { StaticDescription, StaticLabel, TextField } from 'payload'

/** Admin labels for the identifier names the collections use, when the caller gives none. */
const IDENTIFIER_LABELS: Record<string, StaticLabel> = {
  slug: { en: 'Slug', zh: '代码', 'zh-TW': '代碼' },
  code: { en: 'Code', zh: '代码', 'zh-TW': '代碼' },
  key: { en: 'Key', zh: '键值', 'zh-TW': '鍵值' },
}

/**
 * A stable, unique, indexed identifier that agent tools and seeds refer to (slug, code, key).
 * `problem` returns what is wrong with a value, or null when it is fine. `description` and `label`
 * are a plain string or a per-language object (`{ en, zh, 'zh-TW' }`); without a label, slug, code
 * and key get the standard trilingual one.
 */
export function identifierField(
  name: string,
  problem: (value: unknown) => string | null,
  description?: StaticDescription,
  label?: StaticLabel,
): TextField {
  const fieldLabel = label ?? IDENTIFIER_LABELS[name]
  return {
    name,
    ...(fieldLabel ? { label: fieldLabel } : {}),
    type: 'text',
    required: true,
    unique: true,
    index: true,
    admin: description ? { description } : undefined,
    validate: (value: unknown) => problem(value) ?? true,
  }
}

/** A `problem` for identifiers that must match a pattern. */
export const mustMatch =
  (pattern: RegExp, message: string) =>
  (value: unknown): string | null =>
    typeof value === 'string' && pattern.test(value) ? null : message
