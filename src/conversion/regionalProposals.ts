import type { Region, Script } from '../domain/locales'
import type { PhraseConverter, PhraseFlag } from './converter'
import { scriptOf } from './targets'
import { convertedScript, type EarlierConversion, type PhraseTexts } from './phraseScript'

export type ScriptTexts = Record<Script, PhraseTexts>

/**
 * The script a region's text is proposed from: Taiwan and Hong Kong from the Traditional script,
 * which is what people settled character by character (converting the Simplified original again
 * would undo a settled 面/麵); the mainland from the Traditional script when a person wrote that
 * one (OpenCC's vocabulary tables need Traditional input), else from the Simplified.
 */
export function proposalSource(region: Region, sourceScript: Script): Script {
  if (region === 'zh-CN') return sourceScript === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans'
  return 'zh-Hant'
}

/**
 * A region's proposed text: its script's texts converted for the region (vocabulary, the
 * call-centre overrides, the glossary), marked machine-converted, with the flags a person
 * settles: regional wording, and characters where the region's script is not the one proposed
 * from. Those characters were asked in the other script already: the choices made there (the
 * mainland's 干 for a Traditional 乾) are taken over where the texts line up, and so are the
 * choices a person made in the region's earlier proposal. A region whose script has no text gets
 * no proposal: agents are never served the other script instead.
 */
export function proposedRegion(
  converter: PhraseConverter,
  scripts: Partial<ScriptTexts>,
  sourceScript: Script,
  region: Region,
  earlier?: EarlierConversion,
  scriptFlags?: Partial<Record<Script, readonly PhraseFlag[] | null>>,
): ReturnType<typeof convertedScript> | null {
  const script = proposalSource(region, sourceScript)
  const from = scripts[script]
  if (!from?.text) return null
  const regionScript = scriptOf(region)
  const sameScript = regionScript === script
  const inScript = sameScript ? undefined : scripts[regionScript]
  const settledInScript = inScript?.text ? { source: from, converted: inScript, flags: scriptFlags?.[regionScript] ?? [] } : undefined
  const proposal = convertedScript(converter, from, region, earlier, settledInScript)
  // Within one script the characters were settled in the script itself (面 stays 面 for Taiwan):
  // only the region's wording is a new question.
  if (sameScript) proposal.ambiguities = proposal.ambiguities.filter((flag) => flag.kind === 'wording')
  return proposal
}
