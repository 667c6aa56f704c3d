import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../src/access'
import { auditApiClientCreation } from './hooks/auditCreation'

/**
 * Agent tools (desktops, chat consoles, bots). They authenticate with
 * `Authorization: api-clients API-Key <key>` and only read published content.
 */
export const ApiClients: CollectionConfig = {
  slug: 'api-clients',
  labels: {
    singular: { en: 'API client', zh: 'API 客户端', 'zh-TW': 'API 用戶端' },
    plural: { en: 'API clients', zh: 'API 客户端', 'zh-TW': 'API 用戶端' },
  },
  auth: { useAPIKey: true, disableLocalStrategy: true },
  hooks: { afterChange: [auditApiClientCreation] },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'enabled', 'updatedAt'] },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 100 },
    { name: 'description', type: 'textarea' },
    {
      name: 'enabled',
      type: 'checkbox',
      defaultValue: true,
      admin: { description: 'Disable to revoke the key without deleting the client' },
    },
  ],
}
