import { foldForSearch, termsOf } from './terms'

/** A field of a document to search: its texts (each region's, say) and how much a match in it counts. */
export type SearchField = { weight: number; texts: readonly (string | null | undefined)[] }

/** A document's terms, each with its weighted count, and their sum (the document's length). */
type DocumentTerms = { counts: Map<string, number>; length: number }

export type SearchHit<D> = { document: D; score: number }

export type SearchResult<D> = {
  /** The query's terms, folded (to mark them in a text with `highlightsIn`). */
  terms: string[]
  /** The matching documents, best first, produced one at a time (a page costs only what it reads). */
  hits: Iterable<SearchHit<D>>
}

// Okapi BM25, with its usual constants.
const K1 = 1.2
const B = 0.75
/** A query's terms beyond this many are ignored (a query is at most 100 characters anyway). */
const MAX_QUERY_TERMS = 32
/** A document must contain at least this share of the query's terms to be a hit. */
const MINIMUM_SHARE = 0.5

/** Placeholders ({{customer_title}}) are not words of the phrase. */
const PLACEHOLDER = /\{\{[^{}]*\}\}/g

function termsOfFields(fields: readonly SearchField[]): DocumentTerms {
  const counts = new Map<string, number>()
  let length = 0
  for (const { weight, texts } of fields) {
    // Regions whose texts fold to the same words count once: a phrase is not three times as
    // relevant for being written the same way in three regions.
    const distinct = new Set(texts.filter((text): text is string => Boolean(text)).map((text) => foldForSearch(text.replace(PLACEHOLDER, ' '))))
    for (const text of distinct) {
      for (const term of termsOf(text)) {
        counts.set(term, (counts.get(term) ?? 0) + weight)
        length += weight
      }
    }
  }
  return { counts, length }
}

const popCount = (mask: number) => {
  let count = 0
  for (let m = mask; m; m &= m - 1) count++
  return count
}

/**
 * A full-text index over documents (the published phrases), ranked by BM25 over character pairs.
 *
 * Why not MiniSearch: with 100,000 phrases it took 15 s and 1.3 GB to build and 140–260 ms to
 * answer a query whose pairs are common (您的, 请您), against a target of 5 ms. Here postings
 * are typed arrays and a query adds into one score array, so a query reading 50,000 postings
 * takes about a millisecond (figures in docs/benchmarks.md).
 *
 * An index is immutable. `build` with the previous index reuses the terms of every document
 * object it already read, so a new snapshot that shares most phrases with the last costs little.
 */
export class SearchIndex<D extends object> {
  private readonly dictionary = new Map<string, number>()
  /** A Han character → the pair terms that contain it (a one-character query reads those). */
  private readonly pairsWith = new Map<string, number[]>()
  private readonly postingStart: Int32Array
  private readonly postingDocument: Int32Array
  private readonly postingWeight: Float32Array
  private readonly lengthNorm: Float32Array
  private readonly inverseFrequency: Float64Array
  // Scratch space of one query (a search runs start to end with no await).
  private readonly scores: Float64Array
  private readonly matched: Uint32Array
  private readonly touched: Int32Array

  private constructor(
    private readonly documents: readonly D[],
    private readonly terms: WeakMap<D, DocumentTerms>,
  ) {
    const perDocument = documents.map((document) => terms.get(document)!)
    const frequency: number[] = []
    for (const { counts } of perDocument) {
      for (const term of counts.keys()) {
        let id = this.dictionary.get(term)
        if (id === undefined) {
          id = frequency.length
          this.dictionary.set(term, id)
          frequency.push(0)
          if (term.length === 2 && HAN_PAIR.test(term)) {
            for (const character of term) {
              const pairs = this.pairsWith.get(character)
              if (pairs) pairs.push(id)
              else this.pairsWith.set(character, [id])
            }
          }
        }
        frequency[id]!++
      }
    }
    const termCount = frequency.length
    this.postingStart = new Int32Array(termCount + 1)
    for (let id = 0; id < termCount; id++) this.postingStart[id + 1] = this.postingStart[id]! + frequency[id]!
    const total = this.postingStart[termCount]!
    this.postingDocument = new Int32Array(total)
    this.postingWeight = new Float32Array(total)
    const next = this.postingStart.slice(0, termCount)
    perDocument.forEach(({ counts }, index) => {
      for (const [term, count] of counts) {
        const at = next[this.dictionary.get(term)!]!++
        this.postingDocument[at] = index
        this.postingWeight[at] = count
      }
    })
    const n = documents.length
    const averageLength = perDocument.reduce((sum, { length }) => sum + length, 0) / Math.max(1, n) || 1
    this.lengthNorm = Float32Array.from(perDocument, ({ length }) => K1 * (1 - B + (B * length) / averageLength))
    this.inverseFrequency = Float64Array.from(frequency, (df) => Math.log(1 + (n - df + 0.5) / (df + 0.5)))
    this.scores = new Float64Array(n)
    this.matched = new Uint32Array(n)
    this.touched = new Int32Array(n)
  }

  /** An index of `documents`, reusing what `previous` read of the same document objects. */
  static build<D extends object>(documents: readonly D[], fieldsOf: (document: D) => readonly SearchField[], previous?: SearchIndex<D>): SearchIndex<D> {
    const terms = new WeakMap<D, DocumentTerms>()
    for (const document of documents) terms.set(document, previous?.terms.get(document) ?? termsOfFields(fieldsOf(document)))
    return new SearchIndex(documents, terms)
  }

  get size(): number {
    return this.documents.length
  }

  /**
   * The documents that contain at least half of the query's terms, best first: BM25 times the
   * share of the query's terms found (a text with every word of the query beats one with half),
   * times `boost` of the document (e.g. how often agents use it).
   */
  search(query: string, boost?: (document: D) => number): SearchResult<D> {
    const terms = [...new Set(termsOf(foldForSearch(query)))].slice(0, MAX_QUERY_TERMS)
    // Each query term reads its postings; a lone character reads every pair that contains it.
    const groups = terms.map((term) => {
      const id = this.dictionary.get(term)
      const ids = id === undefined ? [] : [id]
      if (term.length === 1 && HAN_CHARACTER.test(term)) ids.push(...(this.pairsWith.get(term) ?? []))
      return ids
    })
    let touchedCount = 0
    groups.forEach((ids, group) => {
      const bit = 1 << group
      for (const id of ids) {
        const idf = this.inverseFrequency[id]!
        for (let at = this.postingStart[id]!, end = this.postingStart[id + 1]!; at < end; at++) {
          const document = this.postingDocument[at]!
          const weight = this.postingWeight[at]!
          if (this.matched[document] === 0) this.touched[touchedCount++] = document
          this.matched[document]! |= bit
          this.scores[document]! += (idf * weight * (K1 + 1)) / (weight + this.lengthNorm[document]!)
        }
      }
    })
    const needed = Math.max(1, Math.ceil(terms.length * MINIMUM_SHARE))
    const candidates: number[] = []
    const finalScores: number[] = []
    for (let i = 0; i < touchedCount; i++) {
      const document = this.touched[i]!
      const share = popCount(this.matched[document]!)
      if (share >= needed) {
        candidates.push(document)
        finalScores.push(this.scores[document]! * (share / terms.length) * (boost ? boost(this.documents[document]!) : 1))
      }
      this.scores[document] = 0
      this.matched[document] = 0
    }
    return { terms, hits: rankedHits(this.documents, candidates, finalScores) }
  }
}

const HAN_CHARACTER = /^\p{Script=Han}$/u
const HAN_PAIR = /^\p{Script=Han}{2}$/u

/**
 * The candidates best first, by a binary heap: building it is linear and each hit read costs a
 * logarithm, so a first page of ten out of 50,000 candidates does not sort the 50,000.
 * Equal scores keep the documents' order.
 */
function* rankedHits<D>(documents: readonly D[], candidates: number[], scores: number[]): Generator<SearchHit<D>> {
  const heap = candidates.map((_, i) => i)
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && candidates[a]! < candidates[b]!)
  const siftDown = (from: number, size: number) => {
    for (let at = from; ; ) {
      const left = 2 * at + 1
      if (left >= size) return
      const right = left + 1
      const child = right < size && better(heap[right]!, heap[left]!) ? right : left
      if (!better(heap[child]!, heap[at]!)) return
      ;[heap[at], heap[child]] = [heap[child]!, heap[at]!]
      at = child
    }
  }
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i, heap.length)
  for (let size = heap.length; size > 0; size--) {
    const top = heap[0]!
    yield { document: documents[candidates[top]!]!, score: scores[top]! }
    heap[0] = heap[size - 1]!
    siftDown(0, size - 1)
  }
}
