import type { CollectionConfig } from 'payload'

import { adminFieldOnly, hasRole, isAdmin, isAdminOrSelf, ROLES } from '../../src/access'
import { auditLoginFailure } from './hooks/auditLoginFailure'
import { auditRoleChange } from './hooks/auditRoleChange'

const ROLE_LABELS: Record<(typeof ROLES)[number], Record<string, string>> = {
  admin: { en: 'Admin', zh: '管理员', 'zh-TW': '管理員' },
  editor: { en: 'Editor', zh: '编辑', 'zh-TW': '編輯' },
  reviewer: { en: 'Reviewer', zh: '审核人', 'zh-TW': '審核人' },
  auditor: { en: 'Auditor', zh: '稽核员', 'zh-TW': '稽核員' },
}

/** People who sign in to the admin: operations editors, reviewers, auditors and admins. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: { en: 'User', zh: '用户', 'zh-TW': '使用者' },
    plural: { en: 'Users', zh: '用户', 'zh-TW': '使用者' },
  },
  auth: { maxLoginAttempts: 5, lockTime: 10 * 60 * 1000 },
  hooks: { afterChange: [auditRoleChange], afterError: [auditLoginFailure] },
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
    { name: 'name', type: 'text', maxLength: 100 },
    {
      name: 'roles',
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
