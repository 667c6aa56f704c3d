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

/** The syllable of each character of a run of Han characters, merged as fuzzy input merges them. */
function soundsOf(run: string): string[] {
  const characters = [...run]
  const syllables = pinyin(run, { toneType: 'none', type: 'array' })
  // One syllable per character, read in context (polyphones); should pinyin-pro ever read a run
  // otherwise, each character is read alone, so the pairs stay aligned.
  return (syllables.length === characters.length ? syllables : characters.map((character) => pinyin(character, { toneType: 'none' }))).map(fuzzy)
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

/**
 * A trigger heard in an utterance: the share of its pairs heard, whether by words or only by
 * sound, how much it says (see `weight` in `build`), and the documents that carry it (ascending).
 */
export type HeardTrigger = { trigger: string; coverage: number; by: 'words' | 'sound'; weight: number; documents: Int32Array }

type Trigger = { text: string; heard: Heard; documents: Int32Array; weight: number }
/** For each pair, the triggers that have it and its share of each (a rare pair counts more). */
type Postings = Map<string, { ids: Int32Array; share: Float64Array }>

/**
 * The triggers of a list of documents (the phrases of a snapshot, in the search index's order),
 * indexed by pair; a document is its position in the list. Immutable. `build` with the previous
 * index reuses what it heard of every trigger text it already read (a publish reads one phrase's).
 */
export class TriggerIndex {
  // One utterance's scratch space, reused by the next: per trigger, the share heard by words and
  // by sound, and which triggers were touched (a pair common to 100,000 triggers touches them all).
  private readonly wordShare: Float64Array
  private readonly soundShare: Float64Array
  private readonly touched: Int32Array

  private constructor(
    private readonly triggers: Trigger[],
    private readonly byWord: Postings,
    private readonly bySound: Postings,
    private readonly memo: Map<string, Heard>,
    /** The documents' triggers as given, to tell whether the next build changes any. */
    private readonly given: readonly (readonly string[])[],
  ) {
    this.wordShare = new Float64Array(triggers.length)
    this.soundShare = new Float64Array(triggers.length)
    this.touched = new Int32Array(triggers.length)
  }

  static build(triggersOf: readonly (readonly string[])[], previous?: TriggerIndex): TriggerIndex {
    // Most publishes change a phrase's text, not its triggers: the last index still holds.
    if (previous && sameLists(previous.given, triggersOf)) return previous
    const memo = new Map<string, Heard>()
    const byText = new Map<string, { heard: Heard; documents: number[] }>()
    triggersOf.forEach((triggers, document) => {
      for (const trigger of triggers) {
        const text = trigger.trim()
        if (!text) continue
        let entry = byText.get(text)
        if (!entry) {
          const heard = memo.get(text) ?? previous?.memo.get(text) ?? heardOf(text)
          memo.set(text, heard)
          byText.set(text, (entry = { heard, documents: [] }))
        }
        // A trigger given twice to one phrase counts once.
        if (entry.documents.at(-1) !== document) entry.documents.push(document)
      }
    })
    const documentCount = triggersOf.length
    const triggers: Trigger[] = []
    for (const [text, { heard, documents }] of byText) {
      if (heard.words.length === 0) continue
      // A longer trigger says more (找你們主管 over 主管), and one that many phrases share tells
      // them apart less (投訴 on every complaint phrase): 1 for a two-character trigger on one phrase.
      const specific = 1 + 0.5 * Math.log2(heard.words.length)
      const distinctive = documentCount > 1 ? Math.log(1 + documentCount / documents.length) / Math.log(1 + documentCount) : 1
      triggers.push({ text, heard, documents: Int32Array.from(documents), weight: specific * distinctive })
    }
    const frequency = new Map<string, number>()
    for (const { heard } of triggers) for (const term of [...heard.words, ...heard.sounds]) frequency.set(term, (frequency.get(term) ?? 0) + 1)
    const rarity = (term: string) => Math.log(1 + triggers.length / frequency.get(term)!)
    const posted = (which: 'words' | 'sounds'): Postings => {
      const lists = new Map<string, { ids: number[]; share: number[] }>()
      triggers.forEach(({ heard }, id) => {
        const terms = heard[which]
        const total = terms.reduce((sum, term) => sum + rarity(term), 0)
        for (const term of terms) {
          let list = lists.get(term)
          if (!list) lists.set(term, (list = { ids: [], share: [] }))
          list.ids.push(id)
          list.share.push(rarity(term) / total)
        }
      })
      return new Map([...lists].map(([term, { ids, share }]) => [term, { ids: Int32Array.from(ids), share: Float64Array.from(share) }]))
    }
    return new TriggerIndex(triggers, posted('words'), posted('sounds'), memo, triggersOf)
  }

  /** How many distinct trigger texts the index holds. */
  get size(): number {
    return this.triggers.length
  }

  /** Every trigger the utterance contains, by words or by sound, with the documents that carry it. */
  heardIn(utterance: string): HeardTrigger[] {
    const folded = foldForSearch(utterance)
    const { wordShare, soundShare, touched } = this
    let count = 0
    const add = (shares: Float64Array, posted: { ids: Int32Array; share: Float64Array } | undefined) => {
      if (!posted) return
      const { ids, share } = posted
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!
        if (wordShare[id] === 0 && soundShare[id] === 0) touched[count++] = id
        shares[id]! += share[i]!
      }
    }
    // Everything that could fail is done before the scratch space is touched.
    const words = new Set(termsOfUtterance(folded))
    const sounds = new Set(soundPairsOf(folded))
    const heard: HeardTrigger[] = []
    try {
      for (const term of words) add(wordShare, this.byWord.get(term))
      for (const term of sounds) add(soundShare, this.bySound.get(term))
      for (let i = 0; i < count; i++) {
        const id = touched[i]!
        const byWords = wordShare[id]!
        const bySound = SOUND_WEIGHT * soundShare[id]!
        const coverage = Math.max(byWords, bySound)
        if (coverage < MINIMUM_COVERAGE) continue
        const { text, documents, weight } = this.triggers[id]!
        heard.push({ trigger: text, coverage, by: byWords >= bySound ? 'words' : 'sound', weight, documents })
      }
    } finally {
      // Left clean for the next utterance, whatever happened.
      for (let i = 0; i < count; i++) wordShare[touched[i]!] = soundShare[touched[i]!] = 0
    }
    return heard
  }
}

const sameLists = (a: readonly (readonly string[])[], b: readonly (readonly string[])[]) =>
  a.length === b.length && a.every((list, i) => list === b[i] || (list.length === b[i]!.length && list.every((trigger, j) => trigger === b[i]![j])))

/** Whether a trigger heard is one of the document's (its documents are in ascending order). */
export function carries(heard: HeardTrigger, document: number): boolean {
  let low = 0
  let high = heard.documents.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const at = heard.documents[middle]!
    if (at === document) return true
    if (at < document) low = middle + 1
    else high = middle - 1
  }
  return false
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
