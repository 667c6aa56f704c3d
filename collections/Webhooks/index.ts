import { randomBytes } from 'node:crypto'

import type { CollectionConfig, PayloadRequest } from 'payload'

import { isAdmin } from '../../src/access'
import { CHANGE_EVENTS } from '../../src/delivery/changeEvents'
import { say } from '../fields/inputChecks'

/**
 * Servers that want each publish, withdrawal and reference change POSTed to them (agent desktops
 * use `GET /v1/events` instead). Each delivery is signed with the webhook's secret, retried with
 * backoff through Payload's jobs queue, and logged under *Webhook deliveries*. Admins only.
 */
export const Webhooks: CollectionConfig = {
  slug: 'webhooks',
  labels: {
    singular: { en: 'Webhook', zh: 'Webhook', 'zh-TW': 'Webhook' },
    plural: { en: 'Webhooks', zh: 'Webhook', 'zh-TW': 'Webhook' },
  },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'url', 'events', 'enabled'] },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [
    { name: 'name', label: { en: 'Name', zh: '名称', 'zh-TW': '名稱' }, type: 'text', required: true, maxLength: 100 },
    {
      name: 'url',
      label: { en: 'URL', zh: '网址', 'zh-TW': '網址' },
      type: 'text',
      required: true,
      maxLength: 2000,
      validate: (value: unknown, { req }: { req: PayloadRequest }) => isHttpUrl(value) || say(req, 'phrasebook:input_webhook_url'),
      admin: { description: { en: 'http:// or https://; each delivery is a POST of JSON', zh: 'http:// 或 https://；每次推送都是一个 JSON 的 POST', 'zh-TW': 'http:// 或 https://；每次推送都是一個 JSON 的 POST' } },
    },
    {
      name: 'secret',
      label: { en: 'Signing secret', zh: '签名密钥', 'zh-TW': '簽章密鑰' },
      type: 'text',
      required: true,
      minLength: 16,
      maxLength: 200,
      defaultValue: () => randomBytes(24).toString('hex'),
      admin: {
        description: {
          en: 'Phrasebook-Signature: t=<unix seconds>,v1=HMAC-SHA256(secret, "<t>.<body>") in hex',
          zh: 'Phrasebook-Signature: t=<Unix 秒数>,v1=HMAC-SHA256(密钥, "<t>.<body>") 的十六进制',
          'zh-TW': 'Phrasebook-Signature: t=<Unix 秒數>,v1=HMAC-SHA256(密鑰, "<t>.<body>") 的十六進位',
        },
      },
    },
    {
      name: 'events',
      label: { en: 'Events', zh: '事件', 'zh-TW': '事件' },
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: [...CHANGE_EVENTS],
      options: [
        { label: { en: 'Phrase published', zh: '话术已发布', 'zh-TW': '話術已發布' }, value: 'published' },
        { label: { en: 'Phrase withdrawn', zh: '话术已撤回', 'zh-TW': '話術已撤回' }, value: 'withdrawn' },
        { label: { en: 'Reference data changed', zh: '参考数据已变更', 'zh-TW': '參考資料已變更' }, value: 'reference' },
      ],
    },
    { name: 'enabled', label: { en: 'Enabled', zh: '启用', 'zh-TW': '啟用' }, type: 'checkbox', defaultValue: true },
  ],
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password
  } catch {
    return false
  }
}
