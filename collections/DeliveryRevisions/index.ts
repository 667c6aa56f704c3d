import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../../src/access'

/**
 * The delivery revision counter, one row per change agents can see: a phrase published or
 * withdrawn, or reference data (categories, holidays, scenarios, glossary) changed. Every server
 * process's snapshot follows it (through the change feed), and `/v1/changes` reads it for delta
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
    {
      name: 'revision',
      label: { en: 'Revision', zh: '修订号', 'zh-TW': '修訂號' },
      type: 'number',
      required: true,
      unique: true,
      index: true,
    },
    {
      name: 'kind',
      label: { en: 'Kind', zh: '类型', 'zh-TW': '類型' },
      type: 'select',
      required: true,
      options: [
        { label: { en: 'Phrase', zh: '话术', 'zh-TW': '話術' }, value: 'phrase' },
        { label: { en: 'Reference data', zh: '参考数据', 'zh-TW': '參考資料' }, value: 'reference' },
      ],
    },
    {
      name: 'key',
      label: { en: 'Key', zh: '键值', 'zh-TW': '鍵值' },
      type: 'text',
      required: true,
      index: true,
      admin: {
        description: {
          en: 'The phrase key, or the collection that changed',
          zh: '话术键值，或发生变更的集合',
          'zh-TW': '話術鍵值，或有所變更的集合',
        },
      },
    },
    {
      name: 'change',
      label: { en: 'Change', zh: '变更', 'zh-TW': '變更' },
      type: 'select',
      required: true,
      options: [
        { label: { en: 'Published', zh: '已发布', 'zh-TW': '已發布' }, value: 'published' },
        { label: { en: 'Withdrawn', zh: '已撤回', 'zh-TW': '已撤回' }, value: 'withdrawn' },
        { label: { en: 'Changed', zh: '已变更', 'zh-TW': '已變更' }, value: 'changed' },
      ],
    },
    { name: 'at', label: { en: 'Time', zh: '时间', 'zh-TW': '時間' }, type: 'date', required: true },
  ],
}
