import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../../src/access'
import { USAGE_OUTCOMES } from '../../src/domain/usageOutcomes'
import { usageSummaryEndpoint } from './endpoints/summary'

/**
 * One row per use of a phrase that an agent tool reported (`POST /v1/usage`): which phrase, in
 * which locale and channel, by which API client or person, and what became of it (`outcome`). Admins read counts per phrase and per
 * client from `GET /api/phrase-usage/summary`.
 */
const OUTCOME_LABELS = {
  shown: { en: 'Shown', zh: '已显示', 'zh-TW': '已顯示' },
  inserted: { en: 'Inserted', zh: '已插入', 'zh-TW': '已插入' },
  sent: { en: 'Sent as is', zh: '原样发送', 'zh-TW': '原樣送出' },
  edited: { en: 'Edited, then sent', zh: '修改后发送', 'zh-TW': '修改後送出' },
  discarded: { en: 'Discarded', zh: '已舍弃', 'zh-TW': '已捨棄' },
}

export const PhraseUsage: CollectionConfig = {
  slug: 'phrase-usage',
  labels: {
    singular: { en: 'Phrase use', zh: '话术使用', 'zh-TW': '話術使用' },
    plural: { en: 'Phrase usage', zh: '话术使用统计', 'zh-TW': '話術使用統計' },
  },
  admin: { useAsTitle: 'key', defaultColumns: ['at', 'key', 'locale', 'channel', 'outcome', 'clientName'] },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  endpoints: [usageSummaryEndpoint],
  defaultSort: '-at',
  timestamps: false,
  fields: [
    {
      name: 'key',
      label: { en: 'Phrase key', zh: '话术键值', 'zh-TW': '話術鍵值' },
      type: 'text',
      required: true,
      index: true,
    },
    { name: 'locale', label: { en: 'Locale', zh: '语言环境', 'zh-TW': '語言地區' }, type: 'text', required: true },
    { name: 'channel', label: { en: 'Channel', zh: '渠道', 'zh-TW': '管道' }, type: 'text', required: true },
    {
      name: 'clientKind',
      label: { en: 'Client kind', zh: '来源类型', 'zh-TW': '來源類型' },
      type: 'select',
      required: true,
      options: [
        { label: { en: 'API client', zh: '客服工具客户端', 'zh-TW': '客服工具用戶端' }, value: 'api-client' },
        { label: { en: 'User', zh: '用户', 'zh-TW': '使用者' }, value: 'user' },
      ],
    },
    {
      name: 'clientId',
      label: { en: 'Client ID', zh: '来源 ID', 'zh-TW': '來源 ID' },
      type: 'text',
      required: true,
      index: true,
    },
    { name: 'clientName', label: { en: 'Client name', zh: '来源名称', 'zh-TW': '來源名稱' }, type: 'text' },
    {
      name: 'outcome',
      label: { en: 'Outcome', zh: '结果', 'zh-TW': '結果' },
      type: 'select',
      index: true,
      options: USAGE_OUTCOMES.map((value) => ({ value, label: OUTCOME_LABELS[value] })),
      admin: { description: { en: 'Empty: a use reported without an outcome', zh: '空白：未说明结果的使用', 'zh-TW': '空白：未說明結果的使用' } },
    },
    { name: 'at', label: { en: 'Used at', zh: '使用时间', 'zh-TW': '使用時間' }, type: 'date', required: true, index: true },
  ],
}
