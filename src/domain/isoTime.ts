// YYYY-MM-DD, optionally with a time (T or a space) and an offset.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i

/**
 * The instant an ISO 8601 date or time names, as `toISOString()`, or null when it names none.
 * Stricter than `Date.parse`, which reads 2027-02-30 as 2 March and accepts "1" or "May 5": a
 * day that does not exist is refused, not rolled over. Without an offset the time is UTC, so the
 * result never depends on the server's zone.
 */
export function isoInstant(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString()
  if (typeof value !== 'string') return null
  const match = ISO_DATE_TIME.exec(value.trim())
  if (!match) return null
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number]
  const milliseconds = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3))
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second, milliseconds))
  // Date.UTC rolls 2026-02-30 over into March (and years 0-99 into the 1900s): a day that comes back different does not exist.
  const exists = utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day
  if (!exists || hour > 23 || minute > 59 || second > 59) return null
  const offset = offsetMinutes(match[8])
  if (offset === null) return null
  return new Date(utc.getTime() - offset * 60_000).toISOString()
}

/** Whether the value is a calendar day written YYYY-MM-DD (no time) that exists. */
export function isIsoDay(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && isoInstant(value) !== null
}

function offsetMinutes(offset: string | undefined): number | null {
  if (!offset || offset.toUpperCase() === 'Z') return 0
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(offset)!
  const [hours, minutes] = [Number(match[2]), Number(match[3])]
  if (hours > 14 || minutes > 59) return null
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes)
}
