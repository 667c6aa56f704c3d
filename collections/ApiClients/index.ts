import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../src/access'
import { announceChanges } from '../hooks/announceChanges'
import { auditDeletion } from '../hooks/auditDeletion'
import { auditApiClientCreation } from './hooks/auditCreation'

/**
 * Agent tools (desktops, chat consoles, bots). They authenticate with
 * `Authorization: api-clients API-Key <key>` and only read published content.
 */
const announced = announceChanges('api-clients')

export const ApiClients: CollectionConfig = {
  slug: 'api-clients',
  labels: {
    singular: { en: 'API client', zh: 'API 客户端', 'zh-TW': 'API 用戶端' },
    plural: { en: 'API clients', zh: 'API 客户端', 'zh-TW': 'API 用戶端' },
  },
  auth: { useAPIKey: true, disableLocalStrategy: true },
  hooks: {
    // What any process checked about a client's key before a change is checked again at once.
    afterChange: [auditApiClientCreation, ...announced.afterChange],
    // Never the key itself.
    afterDelete: [
      ...announced.afterDelete,
      auditDeletion('api-clients', (doc) => ({
        key: doc.name,
        before: { name: doc.name, description: doc.description ?? null, enabled: doc.enabled ?? true, apiKeyEnabled: Boolean(doc.enableAPIKey) },
      })),
    ],
  },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'enabled', 'updatedAt'] },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [
    { name: 'name', label: { en: 'Name', zh: '名称', 'zh-TW': '名稱' }, type: 'text', required: true, maxLength: 100 },
    { name: 'description', label: { en: 'Description', zh: '说明', 'zh-TW': '說明' }, type: 'textarea' },
    {
      name: 'enabled',
      label: { en: 'Enabled', zh: '启用', 'zh-TW': '啟用' },
      type: 'checkbox',
      defaultValue: true,
      admin: {
        description: {
          en: 'Disable to revoke the key without deleting the client',
          zh: '取消勾选即可撤销密钥，无需删除此客服工具客户端',
          'zh-TW': '取消勾選即可撤銷金鑰，不必刪除此客服工具用戶端',
        },
      },
    },
  ],
}
