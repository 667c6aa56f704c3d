import type { CollectionConfig } from 'payload'

import { isReviewer, nobody } from '../../src/access'

/**
 * One row per run of a scheduled job (publish at `publishAt`, expire at `validUntil`), written by
 * the scheduler only. The unique `claim` makes exactly one server process run each attempt; a
 * failed run stays here, with its error, for admins and reviewers to see.
 */
export const ScheduledRuns: CollectionConfig = {
  slug: 'scheduled-runs',
  labels: {
    singular: { en: 'Scheduled run', zh: '排程执行', 'zh-TW': '排程執行' },
    plural: { en: 'Scheduled runs', zh: '排程执行', 'zh-TW': '排程執行' },
  },
  admin: { useAsTitle: 'claim', defaultColumns: ['job', 'phraseKey', 'dueAt', 'attempt', 'status', 'error'] },
  access: { read: isReviewer, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-startedAt',
  fields: [
    {
      name: 'job',
      label: { en: 'Job', zh: '任务', 'zh-TW': '作業' },
      type: 'select',
      required: true,
      options: [
        { label: { en: 'Publish', zh: '发布', 'zh-TW': '發布' }, value: 'publish' },
        { label: { en: 'Expire', zh: '到期失效', 'zh-TW': '到期失效' }, value: 'expire' },
      ],
      index: true,
    },
    {
      name: 'phrase',
      label: { en: 'Phrase', zh: '话术', 'zh-TW': '話術' },
      type: 'relationship',
      relationTo: 'phrases',
      required: true,
      index: true,
    },
    { name: 'phraseKey', label: { en: 'Phrase key', zh: '话术键值', 'zh-TW': '話術鍵值' }, type: 'text' },
    {
      name: 'dueAt',
      label: { en: 'Due at', zh: '预定时间', 'zh-TW': '預定時間' },
      type: 'date',
      required: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'attempt', label: { en: 'Attempt', zh: '尝试次数', 'zh-TW': '嘗試次數' }, type: 'number', required: true },
    {
      name: 'claim',
      label: { en: 'Claim', zh: '执行认领码', 'zh-TW': '執行認領碼' },
      type: 'text',
      required: true,
      unique: true,
    },
    {
      name: 'status',
      label: { en: 'Status', zh: '状态', 'zh-TW': '狀態' },
      type: 'select',
      required: true,
      options: [
        { label: { en: 'Running', zh: '执行中', 'zh-TW': '執行中' }, value: 'running' },
        { label: { en: 'Succeeded', zh: '成功', 'zh-TW': '成功' }, value: 'succeeded' },
        { label: { en: 'Failed', zh: '失败', 'zh-TW': '失敗' }, value: 'failed' },
      ],
      index: true,
    },
    { name: 'error', label: { en: 'Error', zh: '错误信息', 'zh-TW': '錯誤訊息' }, type: 'textarea' },
    {
      name: 'startedAt',
      label: { en: 'Started at', zh: '开始时间', 'zh-TW': '開始時間' },
      type: 'date',
      required: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'finishedAt',
      label: { en: 'Finished at', zh: '结束时间', 'zh-TW': '結束時間' },
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
}
