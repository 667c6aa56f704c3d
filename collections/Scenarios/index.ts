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
    ),
    { name: 'title', type: 'text', required: true, localized: true },
    { name: 'description', type: 'textarea', localized: true },
    {
      name: 'steps',
      type: 'array',
      required: true,
      minRows: 1,
      admin: { description: 'In call order' },
      fields: [
        { name: 'phrase', type: 'relationship', relationTo: 'phrases', required: true },
        { name: 'note', type: 'text', localized: true, admin: { description: 'e.g. 等待3秒、第二次挽留' } },
      ],
    },
  ],
}
