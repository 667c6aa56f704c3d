/**
 * Characters no phrase, name or note should hold, whatever the way in (admin, REST, GraphQL,
 * spreadsheet): they are invisible or meaningless to agents and customers, or they are damage.
 */
export type CharacterProblemCode =
  /** C0/C1 controls (tab, line feed and carriage return are fine), DEL, and bidirectional overrides that reorder what a reader sees. */
  | 'control_character'
  /** Half a surrogate pair or U+FFFD: text damaged by a wrong encoding on its way here. */
  | 'broken_character'
  /** Private-use characters (the converter's own placeholders live there) and Unicode noncharacters. */
  | 'unusable_character'

export type CharacterProblem = { code: CharacterProblemCode; index: number; character: string }

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u
const BROKEN = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/
const UNUSABLE = /[\p{Co}\p{Noncharacter_Code_Point}]/u

/** The first character of the text that must not be stored, or null. Broken text is looked for first: it explains the rest. */
export function characterProblem(text: string): CharacterProblem | null {
  for (const [code, pattern] of [
    ['broken_character', BROKEN],
    ['control_character', CONTROL],
    ['unusable_character', UNUSABLE],
  ] as const) {
    const match = pattern.exec(text)
    if (match) return { code, index: match.index, character: codePointLabel(match[0]) }
  }
  return null
}

/** `U+0007`, `U+1F600`: how a character nobody can see is named in a message. */
export function codePointLabel(character: string): string {
  return 'U+' + character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
}
