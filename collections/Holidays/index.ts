import type { CollectionConfig } from 'payload'

import { isAdmin, isPersonOrApiClient } from '../../src/access'
import { identifierField, mustMatch } from '../fields/identifier'
import { referenceDataChanged } from '../hooks/referenceDataChanged'

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
  admin: { useAsTitle: 'name', defaultColumns: ['code', 'name', 'calendar'] },
  access: { read: isPersonOrApiClient, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [
    identifierField(
      'code',
      mustMatch(/^[a-z][a-z0-9_]{1,40}$/, 'A holiday code is lowercase letters, digits and "_", e.g. spring_festival.'),
    ),
    { name: 'name', type: 'text', required: true, localized: true },
    {
      type: 'row',
      fields: [
        {
          name: 'calendar',
          type: 'select',
          required: true,
          options: [
            { label: 'Gregorian (solar)', value: 'solar' },
            { label: 'Chinese lunar', value: 'lunar' },
          ],
        },
        { name: 'month', type: 'number', required: true, min: 1, max: 12 },
        { name: 'day', type: 'number', required: true, min: 1, max: 31 },
        {
          name: 'startOffsetDays',
          type: 'number',
          defaultValue: 0,
          admin: { description: 'Greetings start this many days before (negative) or after the day' },
        },
        { name: 'durationDays', type: 'number', defaultValue: 1, min: 1, max: 31 },
      ],
    },
    {
      name: 'dates',
      type: 'array',
      admin: { description: 'The date range in each year (inclusive), computed from the rule' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'year', type: 'number', required: true },
            { name: 'start', type: 'text', required: true, admin: { description: 'YYYY-MM-DD' } },
            { name: 'end', type: 'text', required: true, admin: { description: 'YYYY-MM-DD' } },
          ],
        },
      ],
    },
  ],
}
