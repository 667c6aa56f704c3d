import type { CollectionConfig } from 'payload'

import { isPersonOrApiClient, isReviewer } from '../../src/access'

export const FORBIDDEN_TERM_CLASSES = [
  '諷刺', '命令', '責備', '埋怨', '教訓', '推卸', '煩躁', '隨意附和', '否定', '冷漠', '不耐煩', '粗俗',
] as const

/** 服務忌語: what an agent must never say (block) or should avoid (warn), with a better phrasing. */
export const ForbiddenTerms: CollectionConfig = {
  slug: 'forbidden-terms',
  labels: {
    singular: { en: 'Forbidden term', zh: '服务忌语', 'zh-TW': '服務忌語' },
    plural: { en: 'Forbidden terms', zh: '服务忌语', 'zh-TW': '服務忌語' },
  },
  admin: { useAsTitle: 'term', defaultColumns: ['term', 'class', 'severity', 'suggestion'] },
  access: { read: isPersonOrApiClient, create: isReviewer, update: isReviewer, delete: isReviewer },
  fields: [
    { name: 'term', type: 'text', required: true, localized: true, maxLength: 100 },
    {
      type: 'row',
      fields: [
        {
          name: 'class',
          type: 'select',
          required: true,
          options: FORBIDDEN_TERM_CLASSES.map((c) => ({ label: c, value: c })),
        },
        {
          name: 'severity',
          type: 'select',
          required: true,
          defaultValue: 'block',
          options: [
            { label: 'block', value: 'block' },
            { label: 'warn', value: 'warn' },
          ],
        },
      ],
    },
    { name: 'suggestion', type: 'text', localized: true, admin: { description: 'The better way to say it' } },
    { name: 'note', type: 'textarea' },
    { name: 'sourceDocuments', type: 'text', hasMany: true },
  ],
}
