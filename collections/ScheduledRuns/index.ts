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
    { name: 'job', type: 'select', required: true, options: ['publish', 'expire'], index: true },
    { name: 'phrase', type: 'relationship', relationTo: 'phrases', required: true, index: true },
    { name: 'phraseKey', type: 'text' },
    { name: 'dueAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'attempt', type: 'number', required: true },
    { name: 'claim', type: 'text', required: true, unique: true },
    { name: 'status', type: 'select', required: true, options: ['running', 'succeeded', 'failed'], index: true },
    { name: 'error', type: 'textarea' },
    { name: 'startedAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'finishedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
  ],
}
