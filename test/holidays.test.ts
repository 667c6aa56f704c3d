import { describe, expect, it } from '@jest/globals'

import { CALENDAR_YEARS, holidayCalendar, holidayDates, holidaysOn, localDay, observedIn } from '../src/domain/holidays'
import { readStandardLibrary } from '../seed/library'

const rules = Object.fromEntries(readStandardLibrary().holidays.map((h) => [h.code, h]))

describe('holiday calendar (lunar-typescript)', () => {
  // Published dates of the festival day itself, checked against the official calendars.
  it.each([
    ['spring_festival', 2020, '2020-01-25'],
    ['spring_festival', 2024, '2024-02-10'],
    ['spring_festival', 2025, '2025-01-29'],
    ['spring_festival', 2026, '2026-02-17'],
    ['spring_festival', 2033, '2033-01-31'],
    ['dragon_boat', 2024, '2024-06-10'],
    ['dragon_boat', 2025, '2025-05-31'],
    ['mid_autumn', 2024, '2024-09-17'],
    ['mid_autumn', 2025, '2025-10-06'],
    ['mid_autumn', 2035, '2035-09-16'],
  ])('%s %i falls on %s', (code, year, day) => {
    expect(holidayDates({ ...rules[code], startOffsetDays: 0, durationDays: 1 }, year)).toEqual({ year, start: day, end: day })
  })

  it('spans 除夕 to 元宵 for the Spring Festival greeting period', () => {
    expect(holidayDates(rules.spring_festival, 2026)).toEqual({ year: 2026, start: '2026-02-16', end: '2026-03-03' })
  })

  it('covers every year from 2020 to 2035 for every seeded holiday', () => {
    for (const rule of Object.values(rules)) {
      const dates = holidayCalendar(rule)
      expect(dates.map((d) => d.year)).toEqual(
        Array.from({ length: CALENDAR_YEARS.to - CALENDAR_YEARS.from + 1 }, (_, i) => CALENDAR_YEARS.from + i),
      )
      for (const d of dates) expect(d.start <= d.end).toBe(true)
    }
  })

  it('prefers the shorter holiday when two overlap (中秋 inside the 國慶 week of 2025)', () => {
    const holidays = Object.values(rules).map((rule) => ({ code: rule.code, dates: holidayCalendar(rule), regions: rule.regions }))
    expect(holidaysOn('2025-10-06', holidays, 'zh-CN')).toEqual(['mid_autumn', 'national_day'])
    expect(holidaysOn('2025-10-02', holidays, 'zh-CN')).toEqual(['national_day'])
    expect(holidaysOn('2025-07-01', holidays, 'zh-CN')).toEqual([])
  })

  it("keeps each region's own holidays: the mainland's National Day week from 1 October, Taiwan's 國慶日 on 10 October", () => {
    const holidays = Object.values(rules).map((rule) => ({ code: rule.code, dates: holidayCalendar(rule), regions: rule.regions }))
    expect(holidaysOn('2027-10-01', holidays, 'zh-CN')).toEqual(['national_day'])
    expect(holidaysOn('2027-10-01', holidays, 'zh-HK')).toEqual(['national_day'])
    expect(holidaysOn('2027-10-01', holidays, 'zh-TW')).toEqual([])
    expect(holidaysOn('2027-10-10', holidays, 'zh-TW')).toEqual(['tw_national_day'])
    expect(holidaysOn('2027-10-10', holidays, 'zh-CN')).toEqual([])
    // A holiday with no regions is kept everywhere.
    for (const region of ['zh-TW', 'zh-HK', 'zh-CN'] as const) expect(holidaysOn('2027-02-06', holidays, region)).toEqual(['spring_festival'])
    expect(observedIn({ regions: [] }, 'zh-HK')).toBe(true)
    expect(observedIn({ regions: null }, 'zh-HK')).toBe(true)
  })

  it('takes the day in the configured time zone', () => {
    const instant = new Date('2026-02-15T17:30:00Z')
    expect(localDay(instant, 'Asia/Taipei')).toBe('2026-02-16')
    expect(localDay(instant, 'UTC')).toBe('2026-02-15')
  })
})
