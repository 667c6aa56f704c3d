import type { CollectionConfig } from 'payload'

import { isAdmin, isPersonOrApiClient } from '../../src/access'
import { identifierField, mustMatch } from '../fields/identifier'
import { referenceDataChanged } from '../hooks/referenceDataChanged'

/** The ten phrase categories (opening, inquiry, hold, …); the slug is the key prefix. */
export const Categories: CollectionConfig = {
  slug: 'categories',
  hooks: referenceDataChanged('categories'),
  labels: {
    singular: { en: 'Category', zh: '类别', 'zh-TW': '類別' },
    plural: { en: 'Categories', zh: '类别', 'zh-TW': '類別' },
  },
  admin: { useAsTitle: 'name', defaultColumns: ['slug', 'name', 'order'] },
  access: { read: isPersonOrApiClient, create: isAdmin, update: isAdmin, delete: isAdmin },
  defaultSort: 'order',
  fields: [
    identifierField('slug', mustMatch(/^[a-z0-9_-]{1,40}$/, 'A category slug is lowercase letters, digits, "_" and "-".')),
    { name: 'name', type: 'text', required: true, localized: true },
    { name: 'description', type: 'textarea', localized: true },
    { name: 'order', type: 'number', defaultValue: 0 },
  ],
}
