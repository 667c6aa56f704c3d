import { foldForSearch, termsOf } from './terms'

/** A field of a document to search: its texts (each region's, say) and how much a match in it counts. */
export type SearchField = { weight: number; texts: readonly (string | null | undefined)[] }

/** A document's terms (as vocabulary numbers), each with its weighted count, and their sum (the document's length). */
type DocumentTerms = { ids: Int32Array; counts: Float32Array; length: number }

/** A matching document, its place in the index's `all`, and its score. */
export type SearchHit<D> = { document: D; position: number; score: number }

/** Where a term's postings are: `documents[from…to)` with their weights, and the term's idf. */
type Postings = { documents: Int32Array; weights: Float32Array; from: number; to: number; idf: number }

export type SearchResult<D> = {
  /** The query's terms, folded (to mark them in a text with `highlightsIn`). */
  terms: string[]
  /**
   * The matching documents, best first, produced one at a time (a page costs only what it reads).
   * Read them before the next search on the same index, whose scratch space they share.
   */
  hits: Iterable<SearchHit<D>>
}

// Okapi BM25, with its usual constants.
const K1 = 1.2
const B = 0.75
/** A query's terms beyond this many are ignored (a query is at most 100 characters anyway). */
const MAX_QUERY_TERMS = 32
/** A document must contain at least this share of the query's terms (rounded down, at least one) to be a hit. */
const MINIMUM_SHARE = 0.5
/** The first round of ranking keeps this many candidates; a caller that reads past them gets 8 times more. */
const FIRST_ROUND = 64

const HAN_CHARACTER = /^\p{Script=Han}$/u
const HAN_PAIR = /^\p{Script=Han}{2}$/u
/** Placeholders ({{customer_title}}) are not words of the phrase. */
const PLACEHOLDER = /\{\{[^{}]*\}\}/g

/**
 * Every term any index of a series has seen, numbered. Shared from one index to the next and only
 * ever added to, so a document's terms are read (folded, split, looked up) once and a rebuild
 * works on numbers. A term no phrase uses any more keeps its number and has no postings.
 */
class Vocabulary {
  private readonly ids = new Map<string, number>()
  /** A Han character → the pair terms that contain it (a one-character query reads those). */
  private readonly pairs = new Map<string, number[]>()

  get size(): number {
    return this.ids.size
  }

  idOf(term: string): number | undefined {
    return this.ids.get(term)
  }

  pairsWith(character: string): readonly number[] {
    return this.pairs.get(character) ?? []
  }

  add(term: string): number {
    let id = this.ids.get(term)
    if (id !== undefined) return id
    id = this.ids.size
    this.ids.set(term, id)
    if (HAN_PAIR.test(term)) {
      for (const character of term) {
        const pairs = this.pairs.get(character)
        if (pairs) pairs.push(id)
        else this.pairs.set(character, [id])
      }
    }
    return id
  }
}

function termsOfFields(fields: readonly SearchField[], vocabulary: Vocabulary): DocumentTerms {
  const counts = new Map<number, number>()
  let length = 0
  for (const { weight, texts } of fields) {
    // Regions whose texts fold to the same words count once: a phrase is not three times as
    // relevant for being written the same way in three regions.
    // (Equal texts are folded once: the delivery locales' aliases repeat their regions' texts.)
    const distinct = new Set([...new Set(texts)].filter((text): text is string => Boolean(text)).map((text) => foldForSearch(text.replace(PLACEHOLDER, ' '))))
    for (const text of distinct) {
      for (const term of termsOf(text)) {
        const id = vocabulary.add(term)
        counts.set(id, (counts.get(id) ?? 0) + weight)
        length += weight
      }
    }
  }
  return { ids: Int32Array.from(counts.keys()), counts: Float32Array.from(counts.values()), length }
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
 * version it already read, so a new snapshot that shares most phrases with the last costs little.
 */
export class SearchIndex<D extends object> {
  private readonly postingStart: Int32Array
  private readonly postingDocument: Int32Array
  private readonly postingWeight: Float32Array
  private readonly lengthNorm: Float32Array
  private readonly inverseFrequency: Float64Array
  // Scratch space of one query, reused by the next (no allocation per query: at 100,000 phrases
  // a query's arrays took a megabyte, and the collections they caused were most of the p99).
  private readonly scores: Float64Array
  private readonly matched: Uint32Array
  private readonly touched: Int32Array
  private readonly candidates: Int32Array
  private readonly candidateScores: Float64Array
  /** The merged postings of lone characters asked for (see `postingsOfCharacter`). */
  private readonly characters = new Map<string, Postings>()
  /** Counts searches: the hits of one are read from scratch space the next search reuses. */
  private searches = 0

  private constructor(
    private readonly documents: readonly D[],
    /** Each document's terms by its version (see `build`). */
    private readonly terms: Map<string, DocumentTerms>,
    private readonly vocabulary: Vocabulary,
    perDocument: DocumentTerms[],
  ) {
    const termCount = vocabulary.size
    // The postings of term t are at postingStart[t] up to postingStart[t + 1].
    const frequency = new Int32Array(termCount)
    for (const { ids } of perDocument) for (const id of ids) frequency[id]!++
    this.postingStart = new Int32Array(termCount + 1)
    for (let id = 0; id < termCount; id++) this.postingStart[id + 1] = this.postingStart[id]! + frequency[id]!
    const total = this.postingStart[termCount]!
    this.postingDocument = new Int32Array(total)
    this.postingWeight = new Float32Array(total)
    const next = this.postingStart.slice(0, termCount)
    perDocument.forEach(({ ids, counts }, index) => {
      for (let i = 0; i < ids.length; i++) {
        const at = next[ids[i]!]!++
        this.postingDocument[at] = index
        this.postingWeight[at] = counts[i]!
      }
    })
    const n = documents.length
    const averageLength = perDocument.reduce((sum, { length }) => sum + length, 0) / Math.max(1, n) || 1
    this.lengthNorm = Float32Array.from(perDocument, ({ length }) => K1 * (1 - B + (B * length) / averageLength))
    this.inverseFrequency = Float64Array.from(frequency, (df) => Math.log(1 + (n - df + 0.5) / (df + 0.5)))
    this.scores = new Float64Array(n)
    this.matched = new Uint32Array(n)
    this.touched = new Int32Array(n)
    this.candidates = new Int32Array(n)
    this.candidateScores = new Float64Array(n)
  }

  /**
   * An index of `documents`. `versionOf` names what a document says (a phrase's key and the time
   * it was last saved): the terms of a version `previous` already read are reused, so a publish
   * re-reads one phrase, and a new category or holiday (a new snapshot of the same phrases) none.
   */
  static build<D extends object>(
    documents: readonly D[],
    { fieldsOf, versionOf }: { fieldsOf: (document: D) => readonly SearchField[]; versionOf: (document: D) => string },
    previous?: SearchIndex<D>,
  ): SearchIndex<D> {
    const vocabulary = previous?.vocabulary ?? new Vocabulary()
    const terms = new Map<string, DocumentTerms>()
    const perDocument = documents.map((document) => {
      const version = versionOf(document)
      const read = terms.get(version) ?? previous?.terms.get(version) ?? termsOfFields(fieldsOf(document), vocabulary)
      terms.set(version, read)
      return read
    })
    return new SearchIndex(documents, terms, vocabulary, perDocument)
  }

  /** The documents, in the order `boosts` of `search` follows. */
  get all(): readonly D[] {
    return this.documents
  }

  /** A term's postings in this index (none for a term the vocabulary learnt after it was built). */
  private postingsOf(term: string): Postings | undefined {
    const id = this.vocabulary.idOf(term)
    if (id === undefined || id >= this.inverseFrequency.length) return undefined
    return { documents: this.postingDocument, weights: this.postingWeight, from: this.postingStart[id]!, to: this.postingStart[id + 1]!, idf: this.inverseFrequency[id]! }
  }

  /**
   * The postings of a lone Han character (a one-character query, or one set apart by spaces): every
   * document with a pair that contains it, its weight the sum of theirs. Merged once per character
   * and index: a common character is in most phrases, and merging its pairs costs milliseconds.
   */
  private postingsOfCharacter(character: string): Postings | undefined {
    const cached = this.characters.get(character)
    if (cached) return cached
    const ids = [this.vocabulary.idOf(character), ...this.vocabulary.pairsWith(character)].filter((id): id is number => id !== undefined && id < this.inverseFrequency.length)
    const sum = new Float32Array(this.documents.length)
    const found: number[] = []
    for (const id of ids) {
      for (let at = this.postingStart[id]!, end = this.postingStart[id + 1]!; at < end; at++) {
        const document = this.postingDocument[at]!
        if (sum[document] === 0) found.push(document)
        sum[document]! += this.postingWeight[at]!
      }
    }
    const n = this.documents.length
    const postings = {
      documents: Int32Array.from(found),
      weights: Float32Array.from(found, (document) => sum[document]!),
      from: 0,
      to: found.length,
      idf: Math.log(1 + (n - found.length + 0.5) / (found.length + 0.5)),
    }
    this.characters.set(character, postings)
    return postings
  }

  /**
   * The documents that contain at least half of the query's terms, best first: BM25 times the
   * share of the query's terms found (a text with every word of the query beats one with half),
   * times the document's boost (`boosts[i]` for the document `all[i]`; e.g. how often agents use it).
   * `minimumShare` 0 finds every document with any of the terms (a customer's whole sentence).
   */
  search(query: string, boosts?: Float32Array, { minimumShare = MINIMUM_SHARE }: { minimumShare?: number } = {}): SearchResult<D> {
    const terms = [...new Set(termsOf(foldForSearch(query)))].slice(0, MAX_QUERY_TERMS)
    // The arrays in locals: this loop runs once per posting read (tens of thousands per query).
    const { lengthNorm, scores, matched, touched, candidates, candidateScores } = this
    let touchedCount = 0
    terms.forEach((term, group) => {
      const bit = 1 << group
      const postings = HAN_CHARACTER.test(term) ? this.postingsOfCharacter(term) : this.postingsOf(term)
      if (!postings) return
      const { documents, weights, from, to, idf } = postings
      for (let at = from; at < to; at++) {
        const document = documents[at]!
        const weight = weights[at]!
        if (matched[document] === 0) touched[touchedCount++] = document
        matched[document]! |= bit
        scores[document]! += (idf * weight * (K1 + 1)) / (weight + lengthNorm[document]!)
      }
    })
    // Rounded down: 请您稍等 (three pairs) finds a phrase that says only 請稍等 (one of them).
    const needed = Math.max(1, Math.floor(terms.length * minimumShare))
    let count = 0
    for (let i = 0; i < touchedCount; i++) {
      const document = touched[i]!
      const share = popCount(matched[document]!)
      if (share >= needed) {
        candidates[count] = document
        candidateScores[count++] = scores[document]! * (share / terms.length) * (boosts ? boosts[document]! : 1)
      }
      scores[document] = 0
      matched[document] = 0
    }
    const search = ++this.searches
    const stillCurrent = () => {
      if (this.searches !== search) throw new Error('The hits of a search were read after the next search on the same index')
    }
    return { terms, hits: rankedHits(this.documents, candidates.subarray(0, count), candidateScores.subarray(0, count), stillCurrent) }
  }
}

/**
 * The candidates (positions in `documents`, each with its score) best first. Each round keeps the best `k` with a bounded heap (most candidates
 * cost one comparison with the worst kept) and sorts only those, so a first page out of 50,000
 * candidates sorts 64 of them. A caller that reads past `k` (later pages, filters) gets a round
 * with 8 times as many. Equal scores keep the documents' order, so each round extends the last.
 */
export function* rankedHits<D>(documents: readonly D[], candidates: Int32Array, scores: Float64Array, stillCurrent: () => void = () => {}): Generator<SearchHit<D>> {
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && candidates[a]! < candidates[b]!)
  let read = 0
  for (let k = FIRST_ROUND; read < candidates.length; k *= 8) {
    stillCurrent()
    const best = bestOf(candidates.length, Math.min(k, candidates.length), better)
    for (let i = read; i < best.length; i++) {
      stillCurrent()
      const position = candidates[best[i]!]!
      yield { document: documents[position]!, position, score: scores[best[i]!]! }
    }
    read = best.length
  }
}

/** The `k` best of positions 0…n-1, best first (a min-heap of the best so far, its worst on top). */
function bestOf(n: number, k: number, better: (a: number, b: number) => boolean): Int32Array {
  const heap = new Int32Array(k)
  const siftDown = (from: number) => {
    const item = heap[from]!
    let at = from
    for (;;) {
      const left = 2 * at + 1
      if (left >= k) break
      const right = left + 1
      const worse = right < k && better(heap[left]!, heap[right]!) ? right : left
      if (!better(item, heap[worse]!)) break
      heap[at] = heap[worse]!
      at = worse
    }
    heap[at] = item
  }
  for (let i = 0; i < k; i++) heap[i] = i
  for (let i = (k >> 1) - 1; i >= 0; i--) siftDown(i)
  for (let i = k; i < n; i++) {
    if (!better(i, heap[0]!)) continue
    heap[0] = i
    siftDown(0)
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : 1))
}
