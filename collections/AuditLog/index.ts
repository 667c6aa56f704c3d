import type { CollectionConfig } from 'payload'

import { isAuditor, nobody } from '../../src/access'
import { AUDIT_ACTIONS } from '../../src/audit/chain'
import { exportEndpoint } from './endpoints/export'
import { verifyEndpoint } from './endpoints/verify'

/**
 * Append-only, hash-chained record of every change. Nobody (admins included) may create,
 * update or delete entries through any API; the server writes them with `recordAudit`.
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: {
    singular: { en: 'Audit entry', zh: '审计记录', 'zh-TW': '稽核紀錄' },
    plural: { en: 'Audit log', zh: '审计日志', 'zh-TW': '稽核日誌' },
  },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['sequence', 'at', 'action', 'actorLabel', 'documentKey'],
  },
  access: { read: isAuditor, create: nobody, update: nobody, delete: nobody },
  endpoints: [verifyEndpoint, exportEndpoint],
  defaultSort: '-sequence',
  timestamps: false,
  fields: [
    { name: 'sequence', type: 'number', required: true, unique: true, index: true },
    { name: 'at', type: 'date', required: true, index: true },
    { name: 'action', type: 'select', required: true, index: true, options: [...AUDIT_ACTIONS] },
    { name: 'summary', type: 'text' },
    {
      name: 'actorKind',
      type: 'select',
      required: true,
      options: ['user', 'api-client', 'system'],
    },
    { name: 'actorId', type: 'text', index: true },
    { name: 'actorLabel', type: 'text', admin: { description: 'E-mail, client name or the import' } },
    { name: 'actorRoles', type: 'text', hasMany: true },
    { name: 'targetCollection', type: 'text', index: true },
    { name: 'documentId', type: 'text', index: true },
    { name: 'documentKey', type: 'text', index: true },
    { name: 'locale', type: 'text' },
    { name: 'before', type: 'json' },
    { name: 'after', type: 'json' },
    { name: 'approver', type: 'text' },
    { name: 'comment', type: 'textarea' },
    { name: 'previousHash', type: 'text', required: true },
    { name: 'hash', type: 'text', required: true },
  ],
}
