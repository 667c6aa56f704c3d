import { pinyin } from 'pinyin-pro'

import { foldForSearch, termsOf } from './terms'

/**
 * Finds which of the editors' triggers (what customers say: 要投訴, 找你們主管, 聽不清楚) a customer's
 * utterance contains, by its words and by its sound.
 *
 * By words: the trigger's character pairs (see `termsOf`), folded to one script, so 聽不清楚 is in
 * 喂我听不清楚啊. By sound: the same pairs as toneless syllables, so the homophones an input method
 * offers are the same trigger (要投素 sounds like 要投訴; 主館 like 主管), and so are the sounds
 * southern speakers merge (zh/z, ch/c, sh/s, -ng/-n). A trigger counts by the share of its pairs the
 * utterance has (words in between are tolerated; rare pairs weigh more), if it is at least 40%.
 */

/**
 * A trigger whose pairs the utterance has less than this share of is not heard. Shares are
 * weighted by how rare a pair is among all triggers: 你們 or 一下 in common says little.
 */
const MINIMUM_COVERAGE = 0.4
/** A match by sound only counts this much of one by words (homophones are a guess). */
const SOUND_WEIGHT = 0.85

const HAN = /\p{Script=Han}/u

/** The syllable of each character of folded text (the character itself where it is not Han), merged as fuzzy input merges them. */
function soundsOf(folded: string): string[] {
  const characters = [...folded]
  const syllables = pinyin(folded, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
  // pinyin-pro gives one entry per Han character, and non-Han runs as one entry each.
  if (syllables.length !== characters.length) return characters.map((character) => (HAN.test(character) ? fuzzy(pinyin(character, { toneType: 'none' })) : character))
  return syllables.map((syllable, i) => (HAN.test(characters[i]!) ? fuzzy(syllable) : characters[i]!))
}

const fuzzy = (syllable: string) => syllable.replace(/^([zcs])h/, '$1').replace(/([ei])ng$/, '$1n')

/** Pairs of neighbouring Han syllables, as terms ("tou|su"). */
function soundPairsOf(folded: string): string[] {
  const pairs: string[] = []
  for (const run of folded.match(/\p{Script=Han}+/gu) ?? []) {
    const sounds = soundsOf(run)
    if (sounds.length === 1) pairs.push(sounds[0]!)
    for (let i = 0; i + 1 < sounds.length; i++) pairs.push(`${sounds[i]}|${sounds[i + 1]}`)
  }
  return pairs
}

/** What is listened for of one trigger: its pairs by words and by sound. */
type Heard = { words: string[]; sounds: string[] }



function heardOf(trigger: string): Heard {
  const folded = foldForSearch(trigger)
  return { words: [...new Set(termsOf(folded))], sounds: [...new Set(soundPairsOf(folded))] }
}

/** How well an utterance matched a trigger: the share of its pairs heard, and whether by words or only by sound. */
export type TriggerMatch<D> = { document: D; trigger: string; coverage: number; by: 'words' | 'sound'; weight: number }

/** A document (a phrase) and the triggers it is suggested for. */
export type TriggerSource<D> = { document: D; triggers: readonly string[] }

/**
 * The triggers of a set of documents, indexed by pair. Immutable; `build` with the previous index
 * reuses what it heard of every trigger text it already read (a publish reads one phrase's).
 */
export class TriggerIndex<D> {
  private constructor(
    /** Each distinct trigger text, what is heard of it, and the documents that carry it. */
    private readonly triggers: { text: string; heard: Heard; documents: D[]; weight: number }[],
    /** For each pair, the triggers that have it and its weight in each (its share of the trigger: a rare pair counts more). */
    private readonly byWord: Map<string, { ids: number[]; share: number[] }>,
    private readonly bySound: Map<string, { ids: number[]; share: number[] }>,
    private readonly memo: Map<string, Heard>,
  ) {}

  static build<D>(sources: Iterable<TriggerSource<D>>, previous?: TriggerIndex<D>): TriggerIndex<D> {
    const memo = new Map<string, Heard>()
    const byText = new Map<string, { text: string; heard: Heard; documents: D[]; weight: number }>()
    let documentCount = 0
    for (const { document, triggers } of sources) {
      documentCount++
      for (const text of new Set(triggers.map((trigger) => trigger.trim()).filter(Boolean))) {
        let entry = byText.get(text)
        if (!entry) {
          const heard = memo.get(text) ?? previous?.memo.get(text) ?? heardOf(text)
          memo.set(text, heard)
          entry = { text, heard, documents: [], weight: 0 }
          byText.set(text, entry)
        }
        entry.documents.push(document)
      }
    }
    const triggers = [...byText.values()].filter(({ heard }) => heard.words.length > 0)
    const frequency = new Map<string, number>()
    for (const { heard } of triggers) for (const term of [...heard.words, ...heard.sounds]) frequency.set(term, (frequency.get(term) ?? 0) + 1)
    const rarity = (term: string) => Math.log(1 + triggers.length / frequency.get(term)!)
    const byWord = new Map<string, { ids: number[]; share: number[] }>()
    const bySound = new Map<string, { ids: number[]; share: number[] }>()
    const post = (map: Map<string, { ids: number[]; share: number[] }>, terms: string[], id: number) => {
      const total = terms.reduce((sum, term) => sum + rarity(term), 0)
      for (const term of terms) {
        let list = map.get(term)
        if (!list) map.set(term, (list = { ids: [], share: [] }))
        list.ids.push(id)
        list.share.push(rarity(term) / total)
      }
    }
    triggers.forEach((trigger, id) => {
      post(byWord, trigger.heard.words, id)
      post(bySound, trigger.heard.sounds, id)
      // A longer trigger says more (找你們主管 over 主管), and one that many phrases share tells
      // them apart less (投訴 on every complaint phrase): 1 for a two-character trigger on one phrase.
      const specific = 1 + 0.5 * Math.log2(trigger.heard.words.length)
      const distinctive = Math.log(1 + documentCount / trigger.documents.length) / Math.log(1 + documentCount)
      trigger.weight = specific * (documentCount > 1 ? distinctive : 1)
    })
    return new TriggerIndex(triggers, byWord, bySound, memo)
  }

  /** How many distinct trigger texts the index holds. */
  get size(): number {
    return this.triggers.length
  }

  /** Every trigger the utterance contains, by words or by sound, with the documents that carry it. */
  heardIn(utterance: string): TriggerMatch<D>[] {
    const folded = foldForSearch(utterance)
    const words = new Map<number, number>()
    const sounds = new Map<number, number>()
    const count = (map: Map<number, number>, posted: { ids: number[]; share: number[] } | undefined) => {
      if (!posted) return
      posted.ids.forEach((id, i) => map.set(id, (map.get(id) ?? 0) + posted.share[i]!))
    }
    for (const term of new Set(termsOfUtterance(folded))) count(words, this.byWord.get(term))
    for (const term of new Set(soundPairsOf(folded))) count(sounds, this.bySound.get(term))
    const matches: TriggerMatch<D>[] = []
    for (const id of new Set([...words.keys(), ...sounds.keys()])) {
      const { text, documents, weight } = this.triggers[id]!
      const byWords = words.get(id) ?? 0
      const bySound = SOUND_WEIGHT * (sounds.get(id) ?? 0)
      const coverage = Math.max(byWords, bySound)
      if (coverage < MINIMUM_COVERAGE) continue
      for (const document of documents) matches.push({ document, trigger: text, coverage, by: byWords >= bySound ? 'words' : 'sound', weight })
    }
    return matches
  }
}

/**
 * The terms of an utterance: its pairs, and each Han character alone too, so a one-character
 * trigger (吵) is heard inside 好吵啊.
 */
function termsOfUtterance(folded: string): string[] {
  const terms = termsOf(folded)
  for (const character of folded) if (HAN.test(character)) terms.push(character)
  return terms
}
