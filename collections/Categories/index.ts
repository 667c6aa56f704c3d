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
    identifierField(
      'slug',
      mustMatch(/^[a-z0-9_-]{1,40}$/, 'A category slug is lowercase letters, digits, "_" and "-".'),
      undefined,
      { en: 'Slug', zh: '代码', 'zh-TW': '代碼' },
    ),
    { name: 'name', label: { en: 'Name', zh: '名称', 'zh-TW': '名稱' }, type: 'text', required: true, localized: true },
    {
      name: 'description',
      label: { en: 'Description', zh: '说明', 'zh-TW': '說明' },
      type: 'textarea',
      localized: true,
    },
    { name: 'order', label: { en: 'Order', zh: '排序', 'zh-TW': '排序' }, type: 'number', defaultValue: 0 },
  ],
}
