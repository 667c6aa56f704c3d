import type { CollectionConfig } from 'payload'

import { isAdmin, isPersonOrApiClient } from '../../src/access'
import { referenceDataChanged } from '../hooks/referenceDataChanged'
import { reconvertAfterChange, reconvertAfterDelete } from './hooks/reconvertAffectedPhrases'

const glossaryChanged = referenceDataChanged('glossary')

/**
 * Conversion vocabulary beyond OpenCC: protected terms (brand names that never convert) and
 * per-target overrides for call-centre words OpenCC gets wrong.
 */
export const Glossary: CollectionConfig = {
  slug: 'glossary',
  labels: {
    singular: { en: 'Glossary entry', zh: '术语', 'zh-TW': '術語' },
    plural: { en: 'Glossary', zh: '术语表', 'zh-TW': '術語表' },
  },
  admin: { useAsTitle: 'term', defaultColumns: ['term', 'protect', 'note'] },
  access: { read: isPersonOrApiClient, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: {
    afterChange: [reconvertAfterChange, ...glossaryChanged.afterChange],
    afterDelete: [reconvertAfterDelete, ...glossaryChanged.afterDelete],
  },
  fields: [
    { name: 'term', type: 'text', required: true, unique: true, maxLength: 100, admin: { description: 'As written' } },
    {
      name: 'protect',
      type: 'checkbox',
      defaultValue: false,
      admin: { description: 'Never convert this term in any direction (brand and product names)' },
    },
    {
      name: 'overrides',
      type: 'group',
      admin: { description: 'What the term becomes in each target, where OpenCC is wrong' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'zhHant', label: 'zh-Hant', type: 'text' },
            { name: 'zhTW', label: 'zh-TW', type: 'text' },
            { name: 'zhHK', label: 'zh-HK', type: 'text' },
            { name: 'zhHans', label: 'zh-Hans', type: 'text' },
            { name: 'zhCN', label: 'zh-CN', type: 'text' },
          ],
        },
      ],
    },
    { name: 'note', type: 'textarea' },
  ],
}
