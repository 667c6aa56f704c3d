import { type Ambiguity, fieldOf, FLAGGED_FIELDS, type FlaggedField, PIECE_END_MARKS, type PhraseConverter, type PhraseFlag } from './converter'
import type { ConversionTarget } from './targets'

export type PhraseTexts = { title?: string | null; text?: string | null; agentNotes?: string | null }

/** A machine-converted script as it stands: what it was converted from, its texts, the flags nobody has settled yet. */
export type EarlierConversion = { source: PhraseTexts; converted: PhraseTexts; flags: readonly PhraseFlag[] | null | undefined }

/**
 * The generated script of a phrase: its title, text and agent notes converted, marked
 * machine-converted, with every field's ambiguity flags for the reviewer (a flag on the title or
 * the agent notes names its `field`). Given the earlier conversion, a flag a person settled there
 * is settled the same way here where its character stands in the same clause (see `settledChoices`).
 */
export function convertedScript(converter: PhraseConverter, source: PhraseTexts, target: ConversionTarget, earlier?: EarlierConversion) {
  const settled = earlier ? settledChoices(converter, earlier, target) : new Map<string, string>()
  const texts: Record<FlaggedField, string | null> = { title: null, text: null, agentNotes: null }
  const ambiguities: PhraseFlag[] = []
  for (const field of FLAGGED_FIELDS) {
    const value = source[field]
    if (!value) continue
    const conversion = converter.convert(value, target)
    let text = conversion.text
    for (const flag of conversion.ambiguities) {
      const choice = settled.get(clauseOf(field, conversion.text, flag))
      // Settled choices are one character for one, so the flags after it keep their places.
      if (choice !== undefined && choice.length === flag.chosen.length) text = text.slice(0, flag.index) + choice + text.slice(flag.index + choice.length)
      else ambiguities.push(field === 'text' ? flag : { ...flag, field })
    }
    texts[field] = text
  }
  return { title: texts.title ?? undefined, text: texts.text, agentNotes: texts.agentNotes, machineConverted: true, ambiguities }
}

/**
 * Where a flag stands: its field and character, the clause around it (between punctuation marks,
 * as the machine converted it) and its place in that clause. Editing another clause keeps this;
 * editing the clause itself makes it a new question.
 */
function clauseOf(field: FlaggedField, converted: string, flag: Ambiguity): string {
  let start = flag.index
  while (start > 0 && !PIECE_END_MARKS.includes(converted[start - 1])) start--
  let end = flag.index
  while (end < converted.length && !PIECE_END_MARKS.includes(converted[end])) end++
  return [field, flag.char, flag.index - start, converted.slice(start, end)].join('\u0000')
}

/**
 * The choices people made in an earlier conversion, by clause: the flags the converter raises on
 * the earlier source that are no longer open, with the character the script now has there. A
 * clause that holds two different choices for the same place decides nothing.
 */
function settledChoices(converter: PhraseConverter, earlier: EarlierConversion, target: ConversionTarget): Map<string, string> {
  const choices = new Map<string, string | null>()
  for (const field of FLAGGED_FIELDS) {
    const [source, converted] = [earlier.source[field], earlier.converted[field]]
    if (!source || !converted) continue
    const fresh = converter.convert(source, target)
    // Settling a flag swaps one character, so the texts line up; otherwise the script was rewritten.
    if (fresh.text.length !== converted.length) continue
    const open = new Set((earlier.flags ?? []).filter((flag) => fieldOf(flag) === field).map((flag) => flag.index))
    for (const flag of fresh.ambiguities) {
      const choice = converted.slice(flag.index, flag.index + flag.chosen.length)
      if (open.has(flag.index) || choice.length !== 1 || !flag.candidates.includes(choice)) continue
      const clause = clauseOf(field, fresh.text, flag)
      choices.set(clause, choices.has(clause) && choices.get(clause) !== choice ? null : choice)
    }
  }
  return new Map([...choices].filter((entry): entry is [string, string] => entry[1] !== null))
}
