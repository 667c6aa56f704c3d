import type { CollectionConfig, StaticLabel } from 'payload'

import { isAuditor, nobody } from '../../src/access'
import { AUDIT_ACTIONS, type AuditAction } from '../../src/audit/chain'
import { exportEndpoint } from './endpoints/export'
import { verifyEndpoint } from './endpoints/verify'

/** What each action is called in the admin (the stored value stays the ASCII action). */
const ACTION_LABELS: Record<AuditAction, StaticLabel> = {
  create: { en: 'Create', zh: '创建', 'zh-TW': '建立' },
  edit: { en: 'Edit', zh: '编辑', 'zh-TW': '編輯' },
  submit: { en: 'Submit for review', zh: '提交审核', 'zh-TW': '送審' },
  approve: { en: 'Approve', zh: '批准', 'zh-TW': '核准' },
  reject: { en: 'Reject', zh: '驳回', 'zh-TW': '退回' },
  publish: { en: 'Publish', zh: '发布', 'zh-TW': '發布' },
  retire: { en: 'Retire', zh: '停用', 'zh-TW': '停用' },
  restore: { en: 'Restore', zh: '还原', 'zh-TW': '還原' },
  expire: { en: 'Expire', zh: '到期失效', 'zh-TW': '到期失效' },
  import: { en: 'Import', zh: '导入', 'zh-TW': '匯入' },
  glossary_change: { en: 'Glossary change', zh: '词汇表变更', 'zh-TW': '詞彙表變更' },
  forbidden_term_change: { en: 'Forbidden term change', zh: '服务忌语变更', 'zh-TW': '服務忌語變更' },
  role_change: { en: 'Role change', zh: '角色变更', 'zh-TW': '角色變更' },
  login_failure: { en: 'Login failure', zh: '登录失败', 'zh-TW': '登入失敗' },
  api_client_created: { en: 'API client created', zh: '创建客服工具客户端', 'zh-TW': '建立客服工具用戶端' },
  delete: { en: 'Delete', zh: '删除', 'zh-TW': '刪除' },
  cancel_schedule: { en: 'Schedule cancelled', zh: '取消定时发布', 'zh-TW': '取消排程發布' },
}

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
    {
      name: 'sequence',
      label: { en: 'Sequence', zh: '序号', 'zh-TW': '序號' },
      type: 'number',
      required: true,
      unique: true,
      index: true,
    },
    { name: 'at', label: { en: 'Time', zh: '时间', 'zh-TW': '時間' }, type: 'date', required: true, index: true },
    {
      name: 'action',
      label: { en: 'Action', zh: '操作', 'zh-TW': '操作' },
      type: 'select',
      required: true,
      index: true,
      options: AUDIT_ACTIONS.map((action) => ({ label: ACTION_LABELS[action], value: action })),
    },
    { name: 'summary', label: { en: 'Summary', zh: '摘要', 'zh-TW': '摘要' }, type: 'text' },
    {
      name: 'actorKind',
      label: { en: 'Actor kind', zh: '操作者类型', 'zh-TW': '操作者類型' },
      type: 'select',
      required: true,
      options: [
        { label: { en: 'User', zh: '用户', 'zh-TW': '使用者' }, value: 'user' },
        { label: { en: 'API client', zh: '客服工具客户端', 'zh-TW': '客服工具用戶端' }, value: 'api-client' },
        { label: { en: 'System', zh: '系统', 'zh-TW': '系統' }, value: 'system' },
      ],
    },
    { name: 'actorId', label: { en: 'Actor ID', zh: '操作者 ID', 'zh-TW': '操作者 ID' }, type: 'text', index: true },
    {
      name: 'actorLabel',
      label: { en: 'Actor', zh: '操作者', 'zh-TW': '操作者' },
      type: 'text',
      admin: {
        description: {
          en: 'E-mail, client name or the import',
          zh: '电子邮件、客户端名称或导入作业',
          'zh-TW': '電子郵件、用戶端名稱或匯入作業',
        },
      },
    },
    {
      name: 'actorRoles',
      label: { en: 'Actor roles', zh: '操作者角色', 'zh-TW': '操作者角色' },
      type: 'text',
      hasMany: true,
    },
    {
      name: 'targetCollection',
      label: { en: 'Target collection', zh: '目标集合', 'zh-TW': '目標集合' },
      type: 'text',
      index: true,
    },
    { name: 'documentId', label: { en: 'Document ID', zh: '文档 ID', 'zh-TW': '文件 ID' }, type: 'text', index: true },
    {
      name: 'documentKey',
      label: { en: 'Document key', zh: '文档键值', 'zh-TW': '文件鍵值' },
      type: 'text',
      index: true,
    },
    { name: 'locale', label: { en: 'Locale', zh: '语言环境', 'zh-TW': '語言地區' }, type: 'text' },
    { name: 'before', label: { en: 'Before', zh: '变更前', 'zh-TW': '變更前' }, type: 'json' },
    { name: 'after', label: { en: 'After', zh: '变更后', 'zh-TW': '變更後' }, type: 'json' },
    { name: 'approver', label: { en: 'Approver', zh: '批准人', 'zh-TW': '核准者' }, type: 'text' },
    { name: 'comment', label: { en: 'Comment', zh: '意见', 'zh-TW': '意見' }, type: 'textarea' },
    {
      name: 'previousHash',
      label: { en: 'Previous hash', zh: '前一条哈希值', 'zh-TW': '前一筆雜湊值' },
      type: 'text',
      required: true,
    },
    { name: 'hash', label: { en: 'Hash', zh: '哈希值', 'zh-TW': '雜湊值' }, type: 'text', required: true },
  ],
}
