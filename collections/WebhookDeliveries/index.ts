import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../../src/access'
import { CHANGE_EVENTS } from '../../src/delivery/changeEvents'

/**
 * One row per change POSTed (or to be POSTed) to a webhook: what, where, how it went. Written by
 * the delivery job; admins read it to see a receiver that fails (status, attempts, last error).
 */
export const WebhookDeliveries: CollectionConfig = {
  slug: 'webhook-deliveries',
  labels: {
    singular: { en: 'Webhook delivery', zh: 'Webhook 推送', 'zh-TW': 'Webhook 推送' },
    plural: { en: 'Webhook deliveries', zh: 'Webhook 推送记录', 'zh-TW': 'Webhook 推送紀錄' },
  },
  admin: { useAsTitle: 'key', defaultColumns: ['createdAt', 'url', 'event', 'key', 'status', 'attempts', 'lastError'] },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-createdAt',
  fields: [
    // Not required: the log of a webhook deleted since stays, with the address it was sent to.
    { name: 'webhook', label: { en: 'Webhook', zh: 'Webhook', 'zh-TW': 'Webhook' }, type: 'relationship', relationTo: 'webhooks', index: true },
    { name: 'url', label: { en: 'URL', zh: '网址', 'zh-TW': '網址' }, type: 'text', required: true },
    {
      name: 'event',
      label: { en: 'Event', zh: '事件', 'zh-TW': '事件' },
      type: 'select',
      required: true,
      options: [...CHANGE_EVENTS],
    },
    { name: 'revision', label: { en: 'Revision', zh: '修订号', 'zh-TW': '修訂號' }, type: 'number', required: true },
    { name: 'key', label: { en: 'Key', zh: '键值', 'zh-TW': '鍵值' }, type: 'text', required: true },
    {
      name: 'status',
      label: { en: 'Status', zh: '状态', 'zh-TW': '狀態' },
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: [
        { label: { en: 'Pending', zh: '待推送', 'zh-TW': '待推送' }, value: 'pending' },
        { label: { en: 'Delivered', zh: '已送达', 'zh-TW': '已送達' }, value: 'delivered' },
        { label: { en: 'Failed', zh: '失败', 'zh-TW': '失敗' }, value: 'failed' },
      ],
    },
    { name: 'attempts', label: { en: 'Attempts', zh: '尝试次数', 'zh-TW': '嘗試次數' }, type: 'number', required: true, defaultValue: 0 },
    { name: 'lastStatusCode', label: { en: 'Last HTTP status', zh: '最近 HTTP 状态', 'zh-TW': '最近 HTTP 狀態' }, type: 'number' },
    { name: 'lastError', label: { en: 'Last error', zh: '最近错误', 'zh-TW': '最近錯誤' }, type: 'text' },
    { name: 'deliveredAt', label: { en: 'Delivered at', zh: '送达时间', 'zh-TW': '送達時間' }, type: 'date' },
  ],
}
