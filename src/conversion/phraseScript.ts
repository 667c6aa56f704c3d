import { type Ambiguity, fieldOf, FLAGGED_FIELDS, type FlaggedField, PIECE_END_MARKS, type PhraseConverter, type PhraseFlag } from './converter'
import type { ConversionTarget } from './targets'

export type PhraseTexts = { title?: string | null; text?: string | null; agentNotes?: string | null }

/** A machine-converted script as it stands: what it was converted from, its texts, the flags nobody has settled yet. */
export type EarlierConversion = { source: PhraseTexts; converted: PhraseTexts; flags: readonly PhraseFlag[] | null | undefined }

/**
 * The generated script of a phrase: its title, text and agent notes converted, marked
 * machine-converted, with every field's ambiguity flags for the reviewer (a flag on the title or
 * the agent notes names its `field`). Given earlier conversions, a flag a person settled there is
 * settled the same way here where its character stands in the same clause (see `settledChoices`).
 */
export function convertedScript(converter: PhraseConverter, source: PhraseTexts, target: ConversionTarget, ...earlier: (EarlierConversion | undefined)[]) {
  // The first conversion that decided a place wins.
  const settled = new Map<string, string>()
  for (const conversion of earlier.reverse()) if (conversion) for (const [clause, choice] of settledChoices(converter, conversion, target)) settled.set(clause, choice)
  const texts: Record<FlaggedField, string | null> = { title: null, text: null, agentNotes: null }
  const ambiguities: PhraseFlag[] = []
  for (const field of FLAGGED_FIELDS) {
    const value = source[field]
    if (!value) continue
    const conversion = converter.convert(value, target)
    // Rebuilt flag by flag: a settled choice of another length (早上好 → 早安) moves the flags after it.
    let text = ''
    let from = 0
    for (const flag of inOrder(conversion.ambiguities)) {
      text += conversion.text.slice(from, flag.index)
      const choice = settled.get(clauseOf(field, conversion.text, flag))
      if (choice === undefined) {
        const moved = { ...flag, index: text.length }
        ambiguities.push(field === 'text' ? moved : { ...moved, field })
      }
      text += choice ?? flag.chosen
      from = flag.index + flag.chosen.length
    }
    texts[field] = text + conversion.text.slice(from)
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
 * the earlier source that are no longer open, with the choice the text now has there (a character,
 * or a region's word). A clause that holds two different choices for the same place decides nothing.
 */
function settledChoices(converter: PhraseConverter, earlier: EarlierConversion, target: ConversionTarget): Map<string, string> {
  const choices = new Map<string, string | null>()
  for (const field of FLAGGED_FIELDS) {
    const [source, converted] = [earlier.source[field], earlier.converted[field]]
    if (!source || !converted) continue
    const fresh = converter.convert(source, target)
    const open = new Set((earlier.flags ?? []).filter((flag) => fieldOf(flag) === field).map((flag) => flag.index))
    // Walk both texts flag by flag: between flags they line up (a glossary change may have swapped a
    // word for one as long), at each flag the earlier text holds one of its choices. Otherwise the
    // script was rewritten, and nothing is taken from it.
    const picks: [string, string][] = []
    let [at, from] = [0, 0]
    let aligned = true
    for (const flag of inOrder(fresh.ambiguities)) {
      at += flag.index - from
      const choice = [...new Set([flag.chosen, ...flag.candidates])].sort((a, b) => b.length - a.length).find((option) => converted.startsWith(option, at))
      if (choice === undefined) {
        aligned = false
        break
      }
      if (!open.has(at)) picks.push([clauseOf(field, fresh.text, flag), choice])
      at += choice.length
      from = flag.index + flag.chosen.length
    }
    if (!aligned || converted.length - at !== fresh.text.length - from) continue
    for (const [clause, choice] of picks) choices.set(clause, choices.has(clause) && choices.get(clause) !== choice ? null : choice)
  }
  return new Map([...choices].filter((entry): entry is [string, string] => entry[1] !== null))
}

const inOrder = (flags: readonly Ambiguity[]) => [...flags].sort((a, b) => a.index - b.index)
