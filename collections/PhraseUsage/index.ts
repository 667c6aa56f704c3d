import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../../src/access'
import { usageSummaryEndpoint } from './endpoints/summary'

/**
 * One row per use of a phrase that an agent tool reported (`POST /v1/usage`): which phrase, in
 * which locale and channel, by which API client or person. Admins read counts per phrase and per
 * client from `GET /api/phrase-usage/summary`.
 */
export const PhraseUsage: CollectionConfig = {
  slug: 'phrase-usage',
  labels: {
    singular: { en: 'Phrase use', zh: '话术使用', 'zh-TW': '話術使用' },
    plural: { en: 'Phrase usage', zh: '话术使用统计', 'zh-TW': '話術使用統計' },
  },
  admin: { useAsTitle: 'key', defaultColumns: ['at', 'key', 'locale', 'channel', 'clientName'] },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  endpoints: [usageSummaryEndpoint],
  defaultSort: '-at',
  timestamps: false,
  fields: [
    { name: 'key', type: 'text', required: true, index: true },
    { name: 'locale', type: 'text', required: true },
    { name: 'channel', type: 'text', required: true },
    { name: 'clientKind', type: 'select', required: true, options: ['api-client', 'user'] },
    { name: 'clientId', type: 'text', required: true, index: true },
    { name: 'clientName', type: 'text' },
    { name: 'at', type: 'date', required: true, index: true },
  ],
}
