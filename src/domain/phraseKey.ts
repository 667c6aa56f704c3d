/** `<category>.<name>`, lowercase letters, digits, `_`, `.`, `-` (docs/contract.md, Data model). */
export const PHRASE_KEY_PATTERN = /^[a-z0-9_-]+\.[a-z0-9_.-]+$/
export const PHRASE_KEY_MAX_LENGTH = 120

export function phraseKeyProblem(key: unknown, categorySlug?: string): string | null {
  if (typeof key !== 'string' || key.length === 0) return 'A phrase key is required.'
  if (key.length > PHRASE_KEY_MAX_LENGTH) return `A phrase key is at most ${PHRASE_KEY_MAX_LENGTH} characters.`
  if (!PHRASE_KEY_PATTERN.test(key) || key.endsWith('.')) {
    return 'A phrase key is <category>.<name> of lowercase letters, digits, "_", "." and "-" (e.g. opening.standard).'
  }
  if (categorySlug && !key.startsWith(categorySlug + '.')) {
    return `The key must start with its category: "${categorySlug}.".`
  }
  return null
}

/** Variables are written {{name}} in phrase text. */
export const VARIABLE_NAME_PATTERN = /^[a-z][a-z0-9_]*$/
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g

export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))]
}
