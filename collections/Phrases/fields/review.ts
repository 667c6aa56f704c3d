import type { Field } from 'payload'

import { serverOnlyField } from '../../../src/access'
import { WORKFLOW_STATE_LABELS, WORKFLOW_STATES } from '../../../src/domain/workflow'

const serverOnly = { create: serverOnlyField, update: serverOnlyField }

/**
 * The review state of a phrase, written only by server code (workflow endpoints, scheduler,
 * import). Each version keeps its own copy, which is what the history endpoint reads.
 */
export const reviewFields: Field[] = [
  {
    name: 'workflowState',
    label: { 'zh-TW': '審核狀態', zh: '审核状态', en: 'Review state' },
    type: 'select',
    required: true,
    defaultValue: 'draft',
    index: true,
    options: WORKFLOW_STATES.map((state) => ({ label: WORKFLOW_STATE_LABELS[state], value: state })),
    access: serverOnly,
    admin: { position: 'sidebar', readOnly: true, components: { Cell: '/components/WorkflowStateBadge#WorkflowStateCell' } },
  },
  {
    name: 'publishAt',
    label: { 'zh-TW': '排程發布時間', zh: '定时发布时间', en: 'Publish at' },
    type: 'date',
    index: true,
    access: serverOnly,
    admin: {
      position: 'sidebar',
      readOnly: true,
      description: { 'zh-TW': '核准後預定發布的時間', zh: '批准后计划发布的时间', en: 'Approved for publication at this time' },
      date: { pickerAppearance: 'dayAndTime' },
    },
  },
  {
    name: 'pendingAuthors',
    label: { 'zh-TW': '待審修改的作者', zh: '待审修改的作者', en: 'Pending authors' },
    type: 'json',
    // Who wrote any part of the change awaiting review (user ids); cleared on approval.
    access: serverOnly,
    admin: {
      // User ids mean nothing to people; the review panel says who may approve.
      hidden: true,
      position: 'sidebar',
      readOnly: true,
      description: { 'zh-TW': '待審修改的作者（四眼原則）', zh: '待审修改的作者（四眼原则）', en: 'Authors of the pending change (four-eyes)' },
    },
  },
  {
    name: 'changeAction',
    label: { 'zh-TW': '版本動作', zh: '版本操作', en: 'Change' },
    type: 'text',
    access: serverOnly,
    admin: { position: 'sidebar', readOnly: true, description: { 'zh-TW': '產生此版本的動作', zh: '产生此版本的操作', en: 'What made this version' } },
  },
  {
    name: 'changedBy',
    label: { 'zh-TW': '修改者', zh: '修改人', en: 'Changed by' },
    type: 'text',
    access: serverOnly,
    admin: { position: 'sidebar', readOnly: true, description: { 'zh-TW': '產生此版本的人', zh: '产生此版本的人', en: 'Who made this version' } },
  },
  { name: 'changeComment', label: { 'zh-TW': '意見', zh: '意见', en: 'Comment' }, type: 'textarea', access: serverOnly, admin: { position: 'sidebar', readOnly: true } },
  {
    name: 'approvedBy',
    label: { 'zh-TW': '核准者', zh: '批准人', en: 'Approved by' },
    type: 'text',
    access: serverOnly,
    admin: { position: 'sidebar', readOnly: true, description: { 'zh-TW': '核准此內容的審核者', zh: '批准此内容的审核者', en: 'The reviewer who approved this content' } },
  },
  {
    name: 'needsReview',
    label: { 'zh-TW': '需人工確認', zh: '需人工确认', en: 'Needs review' },
    type: 'checkbox',
    defaultValue: false,
    index: true,
    // Kept by the server from both scripts so the list can filter on it (see summarizeReviewNeeds).
    access: serverOnly,
    admin: {
      position: 'sidebar',
      readOnly: true,
      description: { 'zh-TW': '有機器轉換或待確認的字', zh: '有机器转换或待确认的字', en: 'A script is machine-converted or has flagged characters' },
    },
  },
  {
    name: 'forbiddenTermFindings',
    label: { 'zh-TW': '服務忌語數', zh: '服务忌语数', en: 'Forbidden terms found' },
    type: 'number',
    defaultValue: 0,
    index: true,
    access: serverOnly,
    admin: {
      position: 'sidebar',
      readOnly: true,
      description: {
        'zh-TW': '儲存時兩種字體中的服務忌語數量',
        zh: '保存时两种字体中的服务忌语数量',
        en: 'Forbidden terms in both scripts when last saved',
      },
    },
  },
]
