import type { CollectionConfig } from 'payload'

import { isPersonOrApiClient, isReviewer } from '../../src/access'
import { FORBIDDEN_TERM_CLASSES } from '../../src/domain/forbiddenTermClasses'
import { announceChanges } from '../hooks/announceChanges'
import { auditTermChange, auditTermDeletion } from './hooks/auditTermChange'

const announced = announceChanges('forbidden-terms')

/** 服務忌語: what an agent must never say (block) or should avoid (warn), with a better phrasing. */
export const ForbiddenTerms: CollectionConfig = {
  slug: 'forbidden-terms',
  labels: {
    singular: { en: 'Forbidden term', zh: '服务忌语', 'zh-TW': '服務忌語' },
    plural: { en: 'Forbidden terms', zh: '服务忌语', 'zh-TW': '服務忌語' },
  },
  admin: { useAsTitle: 'term', defaultColumns: ['term', 'class', 'severity', 'suggestion'] },
  access: { read: isPersonOrApiClient, create: isReviewer, update: isReviewer, delete: isReviewer },
  hooks: { afterChange: [auditTermChange, ...announced.afterChange], afterDelete: [auditTermDeletion, ...announced.afterDelete] },
  fields: [
    {
      name: 'term',
      label: { en: 'Term', zh: '忌语', 'zh-TW': '忌語' },
      type: 'text',
      required: true,
      localized: true,
      maxLength: 100,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'class',
          label: { en: 'Class', zh: '类型', 'zh-TW': '類型' },
          type: 'select',
          required: true,
          // ASCII values (GraphQL enum names); the seeds' and users' names are the labels.
          options: FORBIDDEN_TERM_CLASSES.map(({ value, label }) => ({ value, label })),
        },
        {
          name: 'severity',
          label: { en: 'Severity', zh: '严重程度', 'zh-TW': '嚴重程度' },
          type: 'select',
          required: true,
          defaultValue: 'block',
          options: [
            { label: { en: 'Block', zh: '禁止', 'zh-TW': '禁止' }, value: 'block' },
            { label: { en: 'Warn', zh: '警告', 'zh-TW': '警告' }, value: 'warn' },
          ],
        },
      ],
    },
    {
      name: 'suggestion',
      label: { en: 'Suggestion', zh: '建议说法', 'zh-TW': '建議說法' },
      type: 'text',
      localized: true,
      admin: { description: { en: 'The better way to say it', zh: '更恰当的说法', 'zh-TW': '更恰當的說法' } },
    },
    { name: 'note', label: { en: 'Note', zh: '备注', 'zh-TW': '備註' }, type: 'textarea' },
    {
      name: 'sourceDocuments',
      label: { en: 'Source documents', zh: '来源文件', 'zh-TW': '來源文件' },
      type: 'text',
      hasMany: true,
    },
  ],
}
