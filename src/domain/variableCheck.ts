import { placeholdersIn } from './phraseKey'

export type VariableCheck = {
  /** Variables the text uses, in order of first use. */
  used: string[]
  /** Used but not declared: the phrase cannot be saved like this. */
  undeclared: string[]
  /** Declared but not used: harmless, usually a leftover. */
  unused: string[]
  /** A `{{` without its `}}` or the reverse: agents would see the braces. */
  unbalanced: boolean
}

/** The declared variables of a phrase checked against its text. */
export function variableCheck(text: string, declared: readonly string[]): VariableCheck {
  const used = placeholdersIn(text)
  const declaredSet = new Set(declared)
  const withoutPlaceholders = text.replace(/\{\{[^{}]*\}\}/g, '')
  return {
    used,
    undeclared: used.filter((name) => !declaredSet.has(name)),
    unused: declared.filter((name) => !used.includes(name)),
    unbalanced: withoutPlaceholders.includes('{{') || withoutPlaceholders.includes('}}'),
  }
}
