import type { CollectionConfig } from 'payload'

import { isPersonOrApiClient, isReviewer } from '../../src/access'
import { FORBIDDEN_TERM_CLASSES } from '../../src/domain/forbiddenTermClasses'
import { auditTermChange, auditTermDeletion } from './hooks/auditTermChange'

/** 服務忌語: what an agent must never say (block) or should avoid (warn), with a better phrasing. */
export const ForbiddenTerms: CollectionConfig = {
  slug: 'forbidden-terms',
  labels: {
    singular: { en: 'Forbidden term', zh: '服务忌语', 'zh-TW': '服務忌語' },
    plural: { en: 'Forbidden terms', zh: '服务忌语', 'zh-TW': '服務忌語' },
  },
  admin: { useAsTitle: 'term', defaultColumns: ['term', 'class', 'severity', 'suggestion'] },
  access: { read: isPersonOrApiClient, create: isReviewer, update: isReviewer, delete: isReviewer },
  hooks: { afterChange: [auditTermChange], afterDelete: [auditTermDeletion] },
  fields: [
    { name: 'term', type: 'text', required: true, localized: true, maxLength: 100 },
    {
      type: 'row',
      fields: [
        {
          name: 'class',
          type: 'select',
          required: true,
          // ASCII values (GraphQL enum names); the seeds' and users' names are the labels.
          options: FORBIDDEN_TERM_CLASSES.map(({ value, label }) => ({ value, label })),
        },
        {
          name: 'severity',
          type: 'select',
          required: true,
          defaultValue: 'block',
          options: [
            { label: 'block', value: 'block' },
            { label: 'warn', value: 'warn' },
          ],
        },
      ],
    },
    { name: 'suggestion', type: 'text', localized: true, admin: { description: 'The better way to say it' } },
    { name: 'note', type: 'textarea' },
    { name: 'sourceDocuments', type: 'text', hasMany: true },
  ],
}
