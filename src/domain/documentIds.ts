/** The largest id a PostgreSQL `serial` column holds; SQLite ids are kept within it too, so a backup restores anywhere. */
const MAX_NUMERIC_ID = 2_147_483_647

/**
 * Whether a value can be the id of a stored document for the database's id type (the adapter's
 * `defaultIDType`): a whole number
 * from 1 to 2³¹−1 (SQLite, PostgreSQL), or 24 hex digits (MongoDB). Anything else names no
 * document, and must not reach the database, which would fail on it rather than find nothing.
 */
export function isStorableId(id: unknown, idType: string): boolean {
  if (idType !== 'number') return typeof id === 'string' && /^[0-9a-f]{24}$/i.test(id)
  const value = typeof id === 'string' && /^\d{1,10}$/.test(id) ? Number(id) : id
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_NUMERIC_ID
}
