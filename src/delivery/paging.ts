import { DeliveryError, one } from './request'

/**
 * Paging of the `/v1` lists: `limit` and an opaque `cursor` (the revision the first page was
 * served at and where the next page starts). A cursor holds while the library is unchanged: a
 * page of a later revision could repeat or skip items, so it is a 410 `stale_cursor` instead.
 */
export type Page = { limit: number; offset: number; revision?: number; maxOffset: number }

/**
 * `/v1/phrases` pages of 500 unless `limit` says otherwise (at most 2,000): a library of up to 500
 * phrases is still one answer, and one of 100,000 is not a 40 MB answer.
 */
export const PHRASE_PAGE = { default: 500, max: 2000 } as const

const encodeCursor = (revision: number, offset: number) => Buffer.from(`${revision}:${offset}`).toString('base64url')

function decodeCursor(cursor: string): { revision: number; offset: number } {
  const match = /^(\d{1,15}):(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString())
  if (!match) throw new DeliveryError(400, 'invalid_query', 'page_cursor')
  return { revision: Number(match[1]), offset: Number(match[2]) }
}

/**
 * `limit` (default: `sizes.default`, else everything) and `cursor` of a request, checked. A list
 * with a `maxOffset` is not paged beyond it (a ranked list's far end is noise, and reaching it costs).
 */
export function readPage(query: Record<string, unknown>, sizes: { default?: number; max: number; maxOffset?: number }): Page {
  const maxOffset = sizes.maxOffset ?? Infinity
  const given = one(query.limit)
  const limit = given === undefined ? (sizes.default ?? Infinity) : /^\d{1,7}$/.test(given) ? Number(given) : NaN
  if (!(limit >= 1 && (limit <= sizes.max || limit === Infinity))) throw new DeliveryError(400, 'invalid_query', 'page_limit', { max: sizes.max })
  const cursor = one(query.cursor)
  if (cursor === undefined) return { limit, offset: 0, maxOffset }
  const { revision, offset } = decodeCursor(cursor)
  if (offset > maxOffset) throw new DeliveryError(400, 'invalid_query', 'page_cursor')
  return { limit, offset, revision, maxOffset }
}

/** One page of `items` (read lazily: the rest is never produced), and the cursor of the next. */
export function pageOf<T>(items: Iterable<T>, page: Page, revision: number): { items: T[]; nextCursor: string | null } {
  if (page.revision !== undefined && page.revision !== revision) throw new DeliveryError(410, 'stale_cursor', 'page_cursor_stale', { revision }, { revision })
  const taken: T[] = []
  let skipped = 0
  for (const item of items) {
    if (skipped < page.offset) {
      skipped++
      continue
    }
    if (taken.length === page.limit) {
      const next = page.offset + page.limit
      return { items: taken, nextCursor: next < page.maxOffset ? encodeCursor(revision, next) : null }
    }
    taken.push(item)
  }
  return { items: taken, nextCursor: null }
}
