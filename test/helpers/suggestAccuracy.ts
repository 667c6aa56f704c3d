import { readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * The labelled utterances (test/fixtures/suggest-utterances.json): what customers say, in both
 * scripts, colloquial and with typos, each with the phrases a team lead would accept as the
 * agent's next line, best first. Written without sight of the library's triggers.
 */
export type LabelledUtterance = { utterance: string; locale: 'zh-TW' | 'zh-HK' | 'zh-CN'; expected: string[] }

export const LABELLED_UTTERANCES: LabelledUtterance[] = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../fixtures/suggest-utterances.json'), 'utf8'),
)

/**
 * Which half an utterance is in. The triggers were tuned looking only at the failures of the
 * first half (every other utterance, from the first); the second half is held out, so its
 * accuracy says how suggestions do on words nobody tuned for.
 */
export const halfOf = (index: number): 'tuning' | 'held-out' => (index % 2 === 0 ? 'tuning' : 'held-out')

export type Accuracy = { utterances: number; top1: number; top3: number }

/** Top-1: the first suggestion is one the lead accepts; top-3: one of the first three is. */
export function accuracyOf(answers: { expected: readonly string[]; suggested: readonly string[] }[]): Accuracy {
  const hits = (k: number) => answers.filter(({ expected, suggested }) => suggested.slice(0, k).some((key) => expected.includes(key))).length
  const share = (count: number) => Math.round((1000 * count) / Math.max(1, answers.length)) / 10
  return { utterances: answers.length, top1: share(hits(1)), top3: share(hits(3)) }
}
