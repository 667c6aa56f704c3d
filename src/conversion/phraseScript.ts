import type { PhraseConverter } from './converter'
import type { ConversionTarget } from './targets'

export type PhraseTexts = { title?: string | null; text?: string | null; agentNotes?: string | null }

/**
 * The generated script of a phrase: its title, text and agent notes converted, marked
 * machine-converted, with the text's ambiguity flags for the reviewer.
 */
export function convertedScript(converter: PhraseConverter, source: PhraseTexts, target: ConversionTarget) {
  const convert = (value: string | null | undefined) => (value ? converter.convert(value, target) : null)
  const text = convert(source.text)
  return {
    title: convert(source.title)?.text ?? undefined,
    text: text?.text ?? null,
    agentNotes: convert(source.agentNotes)?.text ?? null,
    machineConverted: true,
    ambiguities: text?.ambiguities ?? [],
  }
}
