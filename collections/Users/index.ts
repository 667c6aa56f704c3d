import type { CollectionConfig, StaticLabel } from 'payload'

import { adminFieldOnly, hasRole, isAdmin, isAdminOrSelf, ROLES } from '../../src/access'
import { announceChanges, announceSignOut } from '../hooks/announceChanges'
import { auditDeletion } from '../hooks/auditDeletion'
import { auditLoginFailure } from './hooks/auditLoginFailure'
import { auditRoleChange } from './hooks/auditRoleChange'
import { explainLockout } from './hooks/explainLockout'

const ROLE_LABELS: Record<(typeof ROLES)[number], StaticLabel> = {
  admin: { en: 'Admin', zh: '管理员', 'zh-TW': '管理員' },
  editor: { en: 'Editor', zh: '编辑者', 'zh-TW': '編輯者' },
  reviewer: { en: 'Reviewer', zh: '审核者', 'zh-TW': '審核者' },
  auditor: { en: 'Auditor', zh: '审计员', 'zh-TW': '稽核員' },
}

const announced = announceChanges('users')

/** People who sign in to the admin: operations editors, reviewers, auditors and admins. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: { en: 'User', zh: '用户', 'zh-TW': '使用者' },
    plural: { en: 'Users', zh: '用户', 'zh-TW': '使用者' },
  },
  auth: { maxLoginAttempts: 5, lockTime: 10 * 60 * 1000 },
  hooks: {
    afterChange: [auditRoleChange, ...announced.afterChange],
    afterDelete: [auditDeletion('users', (doc) => ({ key: doc.email, before: { email: doc.email, name: doc.name ?? null, roles: doc.roles ?? [] } })), ...announced.afterDelete],
    afterLogout: [announceSignOut],
    afterError: [auditLoginFailure, explainLockout],
  },
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'roles'] },
  access: {
    // Only people with a role may open the admin panel.
    admin: ({ req }) => hasRole(req.user, ...ROLES),
    read: isAdminOrSelf,
    create: isAdmin,
    update: isAdminOrSelf,
    delete: isAdmin,
  },
  fields: [
    { name: 'name', label: { en: 'Name', zh: '姓名', 'zh-TW': '姓名' }, type: 'text', maxLength: 100 },
    {
      name: 'roles',
      label: { en: 'Roles', zh: '角色', 'zh-TW': '角色' },
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['editor'],
      options: ROLES.map((role) => ({ label: ROLE_LABELS[role], value: role })),
      // People cannot grant themselves roles; only admins assign them.
      access: { create: adminFieldOnly, update: adminFieldOnly },
      saveToJWT: true,
    },
  ],
}
