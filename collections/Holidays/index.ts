import type { CollectionConfig, PayloadRequest } from 'payload'

import { isAdmin, isPersonOrApiClient } from '../../src/access'
import { isIsoDay } from '../../src/domain/isoTime'
import { REGION_LABELS, REGIONS } from '../../src/domain/locales'
import { identifierField, mustMatch } from '../fields/identifier'
import { say } from '../fields/inputChecks'
import { referenceDataChanged } from '../hooks/referenceDataChanged'

/** A day of a holiday's date range: YYYY-MM-DD, and one that exists. */
const isDay = (value: unknown, { req }: { req: PayloadRequest }) => isIsoDay(value) || say(req, 'phrasebook:input_invalid_date', { value: String(value) })

/**
 * A holiday whose greeting variants replace the everyday phrase. The rule says how the dates
 * are found each year; `dates` holds the computed ranges (lunar dates from lunar-typescript).
 */
export const Holidays: CollectionConfig = {
  slug: 'holidays',
  hooks: referenceDataChanged('holidays'),
  labels: {
    singular: { en: 'Holiday', zh: '节日', 'zh-TW': '節日' },
    plural: { en: 'Holidays', zh: '节日', 'zh-TW': '節日' },
  },
  admin: { useAsTitle: 'name', defaultColumns: ['code', 'name', 'calendar', 'regions'] },
  access: { read: isPersonOrApiClient, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [
    identifierField(
      'code',
      mustMatch(/^[a-z][a-z0-9_]{1,40}$/, 'A holiday code is lowercase letters, digits and "_", e.g. spring_festival.'),
      undefined,
      { en: 'Code', zh: '代码', 'zh-TW': '代碼' },
    ),
    { name: 'name', label: { en: 'Name', zh: '名称', 'zh-TW': '名稱' }, type: 'text', required: true, localized: true },
    {
      name: 'regions',
      label: { en: 'Regions', zh: '适用地区', 'zh-TW': '適用地區' },
      type: 'select',
      hasMany: true,
      options: REGIONS.map((region) => ({ value: region, label: REGION_LABELS[region] })),
      admin: {
        description: {
          en: 'Where agents greet callers for this holiday; none chosen means every region (Taiwan’s 國慶日 is 10 October, the mainland’s National Day 1 October)',
          zh: '哪些地区的坐席在此节日使用节日问候；不选表示所有地区（台湾国庆日为 10 月 10 日，大陆国庆节为 10 月 1 日）',
          'zh-TW': '哪些地區的客服在此節日使用節日問候；不選表示所有地區（台灣國慶日為 10 月 10 日，大陸國慶節為 10 月 1 日）',
        },
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'calendar',
          label: { en: 'Calendar', zh: '历法', 'zh-TW': '曆法' },
          type: 'select',
          required: true,
          options: [
            { label: { en: 'Gregorian (solar)', zh: '公历（阳历）', 'zh-TW': '國曆（陽曆）' }, value: 'solar' },
            { label: { en: 'Chinese lunar', zh: '农历', 'zh-TW': '農曆' }, value: 'lunar' },
          ],
        },
        {
          name: 'month',
          label: { en: 'Month', zh: '月', 'zh-TW': '月' },
          type: 'number',
          required: true,
          min: 1,
          max: 12,
        },
        { name: 'day', label: { en: 'Day', zh: '日', 'zh-TW': '日' }, type: 'number', required: true, min: 1, max: 31 },
        {
          name: 'startOffsetDays',
          label: { en: 'Start offset (days)', zh: '起始偏移天数', 'zh-TW': '起始偏移天數' },
          type: 'number',
          defaultValue: 0,
          min: -31,
          max: 31,
          admin: {
            description: {
              en: 'Greetings start this many days before (negative) or after the day',
              zh: '节日问候从当天之前（负数）或之后的第几天开始',
              'zh-TW': '節日問候從當天之前（負數）或之後的第幾天開始',
            },
          },
        },
        {
          name: 'durationDays',
          label: { en: 'Duration (days)', zh: '持续天数', 'zh-TW': '持續天數' },
          type: 'number',
          defaultValue: 1,
          min: 1,
          max: 31,
        },
      ],
    },
    {
      name: 'dates',
      label: { en: 'Dates', zh: '日期区间', 'zh-TW': '日期區間' },
      labels: {
        singular: { en: 'Date range', zh: '日期区间', 'zh-TW': '日期區間' },
        plural: { en: 'Date ranges', zh: '日期区间', 'zh-TW': '日期區間' },
      },
      type: 'array',
      admin: {
        description: {
          en: 'The date range in each year (inclusive), computed from the rule',
          zh: '每年的日期区间（含首尾两天），根据规则计算得出',
          'zh-TW': '每年的日期區間（含首尾兩天），依規則計算得出',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'year', label: { en: 'Year', zh: '年份', 'zh-TW': '年份' }, type: 'number', required: true, min: 1900, max: 2200 },
            {
              name: 'start',
              label: { en: 'Start', zh: '开始日期', 'zh-TW': '開始日期' },
              type: 'text',
              required: true,
              validate: isDay,
              admin: { description: { en: 'YYYY-MM-DD', zh: '格式：YYYY-MM-DD', 'zh-TW': '格式：YYYY-MM-DD' } },
            },
            {
              name: 'end',
              label: { en: 'End', zh: '结束日期', 'zh-TW': '結束日期' },
              type: 'text',
              required: true,
              // Days as written sort as they fall.
              validate: (value: unknown, options: { siblingData: { start?: unknown }; req: PayloadRequest }) => {
                const day = isDay(value, options)
                if (day !== true) return day
                const { start } = options.siblingData
                return typeof start !== 'string' || start <= String(value) || say(options.req, 'phrasebook:input_day_order')
              },
              admin: { description: { en: 'YYYY-MM-DD', zh: '格式：YYYY-MM-DD', 'zh-TW': '格式：YYYY-MM-DD' } },
            },
          ],
        },
      ],
    },
  ],
}
