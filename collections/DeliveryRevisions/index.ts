import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../../src/access'

/**
 * The delivery revision counter, one row per change agents can see: a phrase published or
 * withdrawn, or reference data (categories, holidays, scenarios, glossary) changed. Every server
 * process polls the newest revision to refresh its snapshot, and `/v1/changes` reads it for delta
 * sync. Written by server code only.
 */
export const DeliveryRevisions: CollectionConfig = {
  slug: 'delivery-revisions',
  labels: {
    singular: { en: 'Delivery revision', zh: '发布版本号', 'zh-TW': '發布版本號' },
    plural: { en: 'Delivery revisions', zh: '发布版本号', 'zh-TW': '發布版本號' },
  },
  admin: { useAsTitle: 'key', defaultColumns: ['revision', 'kind', 'key', 'change', 'at'] },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-revision',
  timestamps: false,
  fields: [
    { name: 'revision', type: 'number', required: true, unique: true, index: true },
    { name: 'kind', type: 'select', required: true, options: ['phrase', 'reference'] },
    { name: 'key', type: 'text', required: true, index: true, admin: { description: 'The phrase key, or the collection that changed' } },
    { name: 'change', type: 'select', required: true, options: ['published', 'withdrawn', 'changed'] },
    { name: 'at', type: 'date', required: true },
  ],
}
