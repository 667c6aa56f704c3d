import { Lunar, Solar } from 'lunar-typescript'

import type { Region } from './locales'

/** How a holiday's greeting period is found each year (stored on the Holiday). */
export type HolidayRule = {
  code: string
  calendar: 'solar' | 'lunar'
  month: number
  day: number
  /** Greetings start this many days before (negative) or after the day itself. */
  startOffsetDays?: number
  durationDays?: number
}

export type HolidayDates = { year: number; start: string; end: string }

/** The years the standard library carries dates for. */
export const CALENDAR_YEARS = { from: 2020, to: 2035 } as const

function solarOf(rule: HolidayRule, year: number): Solar {
  // Lunar dates come from lunar-typescript (maintained, covers leap months and 2033).
  return rule.calendar === 'lunar'
    ? Lunar.fromYmd(year, rule.month, rule.day).getSolar()
    : Solar.fromYmd(year, rule.month, rule.day)
}

/** The inclusive greeting period in the given (Gregorian, for solar; lunar, for lunar) year. */
export function holidayDates(rule: HolidayRule, year: number): HolidayDates {
  const day = solarOf(rule, year)
  const start = day.next(rule.startOffsetDays ?? 0)
  const end = start.next((rule.durationDays ?? 1) - 1)
  return { year, start: start.toYmd(), end: end.toYmd() }
}

export function holidayCalendar(
  rule: HolidayRule,
  fromYear: number = CALENDAR_YEARS.from,
  toYear: number = CALENDAR_YEARS.to,
): HolidayDates[] {
  const years = Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i)
  return years.map((year) => holidayDates(rule, year))
}

const FORMATS = {
  day: (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
  wallClock: (timeZone: string) =>
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }),
}

// Building an Intl.DateTimeFormat costs far more than using one: keep one per use and zone.
const formats = new Map<string, Intl.DateTimeFormat>()
function formatIn(use: keyof typeof FORMATS, timeZone: string): Intl.DateTimeFormat {
  const cacheKey = `${use} ${timeZone}`
  let format = formats.get(cacheKey)
  if (!format) {
    format = FORMATS[use](timeZone)
    formats.set(cacheKey, format)
  }
  return format
}

/** `YYYY-MM-DD` of an instant in a time zone (the day agents are living in). */
export function localDay(at: Date, timeZone: string): string {
  return formatIn('day', timeZone).format(at)
}

/** The day after a `YYYY-MM-DD` day. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

/** The first instant (ms) of a `YYYY-MM-DD` day in a time zone: its local midnight. */
export function dayStart(day: string, timeZone: string): number {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`)
  // The zone's offset at an instant: its wall-clock time read as UTC, minus the instant.
  const offsetAt = (instant: number) => {
    const parts = Object.fromEntries(formatIn('wallClock', timeZone).formatToParts(instant).map((part) => [part.type, part.value]))
    return Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}Z`) - (instant - (instant % 1000))
  }
  // Twice: the offset at local midnight can differ from the one at UTC midnight (a DST change in between).
  const guess = midnightUtc - offsetAt(midnightUtc)
  return midnightUtc - offsetAt(guess)
}

/** Whether a region keeps a holiday: one with no regions chosen is kept everywhere. */
export const observedIn = (holiday: { regions?: readonly Region[] | null }, region: Region): boolean =>
  !holiday.regions?.length || holiday.regions.includes(region)

/**
 * The holidays a region keeps on a day, shortest period first (so 中秋 wins over a 國慶 week it
 * falls in). Taiwan's 國慶日 is 10 October, the mainland's National Day week starts 1 October.
 */
export function holidaysOn(
  day: string,
  holidays: { code: string; dates?: HolidayDates[] | null; regions?: readonly Region[] | null }[],
  region: Region,
): string[] {
  const matches: { code: string; length: number }[] = []
  for (const holiday of holidays) {
    if (!observedIn(holiday, region)) continue
    const range = holiday.dates?.find((d) => d.start <= day && day <= d.end)
    if (range) matches.push({ code: holiday.code, length: Date.parse(range.end) - Date.parse(range.start) })
  }
  return matches.sort((a, b) => a.length - b.length).map((m) => m.code)
}
