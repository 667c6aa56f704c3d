import type { CollectionConfig } from 'payload'

import { canEditPhrases, isAdmin, isPersonOrApiClient } from '../../src/access'
import { identifierField, mustMatch } from '../fields/identifier'
import { referenceDataChanged } from '../hooks/referenceDataChanged'

/** An ordered call script: the phrases an agent uses one after another, with step notes. */
export const Scenarios: CollectionConfig = {
  slug: 'scenarios',
  hooks: referenceDataChanged('scenarios'),
  labels: {
    singular: { en: 'Scenario', zh: '通话脚本', 'zh-TW': '通話腳本' },
    plural: { en: 'Scenarios', zh: '通话脚本', 'zh-TW': '通話腳本' },
  },
  admin: { useAsTitle: 'title', defaultColumns: ['key', 'title', 'updatedAt'] },
  access: { read: isPersonOrApiClient, create: canEditPhrases, update: canEditPhrases, delete: isAdmin },
  fields: [
    identifierField(
      'key',
      mustMatch(/^[a-z][a-z0-9_.-]{1,80}$/, 'A scenario key is lowercase letters, digits, "_", "." and "-", e.g. silent_call.'),
      undefined,
      { en: 'Key', zh: '键值', 'zh-TW': '鍵值' },
    ),
    { name: 'title', label: { en: 'Title', zh: '标题', 'zh-TW': '標題' }, type: 'text', required: true, localized: true },
    {
      name: 'description',
      label: { en: 'Description', zh: '说明', 'zh-TW': '說明' },
      type: 'textarea',
      localized: true,
    },
    {
      name: 'steps',
      label: { en: 'Steps', zh: '步骤', 'zh-TW': '步驟' },
      labels: {
        singular: { en: 'Step', zh: '步骤', 'zh-TW': '步驟' },
        plural: { en: 'Steps', zh: '步骤', 'zh-TW': '步驟' },
      },
      type: 'array',
      required: true,
      minRows: 1,
      admin: { description: { en: 'In call order', zh: '按通话顺序排列', 'zh-TW': '依通話順序排列' } },
      fields: [
        {
          name: 'phrase',
          label: { en: 'Phrase', zh: '话术', 'zh-TW': '話術' },
          type: 'relationship',
          relationTo: 'phrases',
          required: true,
        },
        {
          name: 'note',
          label: { en: 'Note', zh: '备注', 'zh-TW': '備註' },
          type: 'text',
          localized: true,
          admin: {
            description: {
              en: 'e.g. 等待3秒 (wait 3 seconds), 第二次挽留 (second attempt to retain the customer)',
              zh: '例如：等待3秒、第二次挽留',
              'zh-TW': '例如：等待3秒、第二次挽留',
            },
          },
        },
      ],
    },
  ],
}
