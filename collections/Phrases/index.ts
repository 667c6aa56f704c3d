import type { CollectionConfig, PayloadRequest } from 'payload'

import { canEditPhrases, isAdmin, publishedUnlessPerson } from '../../src/access'
import { CHANNEL_LABELS, CHANNELS, SCRIPT_LABELS, SCRIPTS } from '../../src/domain/locales'
import { isoInstant } from '../../src/domain/isoTime'
import { PHRASE_LIMITS } from '../../src/domain/phraseLimits'
import { phraseKeyProblem, VARIABLE_NAME_PATTERN } from '../../src/domain/phraseKey'
import { variableCheck } from '../../src/domain/variableCheck'
import { isAmbiguityList } from '../../src/conversion/converter'
import { say } from '../fields/inputChecks'
import { identifierField } from '../fields/identifier'
import { reviewFields } from './fields/review'
import { auditPersonEdits } from './hooks/auditPersonEdits'
import { convertOtherScript, markPersonEdits, writeOtherScript } from './hooks/conversion'
import { diffEndpoint, historyEndpoint } from './endpoints/history'
import { lintEndpoint } from './endpoints/lint'
import { restoreEndpoint } from './endpoints/restore'
import { spreadsheetEndpoints } from './endpoints/spreadsheet'
import { workflowEndpoints } from './endpoints/workflow'
import { workspaceEndpoints } from './endpoints/workspace'
import { asServedEndpoint } from './endpoints/asServed'
import { auditPhraseDeletion, refuseDeletingUsedPhrase } from './hooks/guardDeletion'
import { auditCancelledSchedule, guardWorkflow } from './hooks/guardWorkflow'
import { rejectStaleWrites } from './hooks/rejectStaleWrites'
import { stampChange } from './hooks/stampChange'
import { summarizeReviewNeeds } from './hooks/summarizeReviewNeeds'
import { withdrawDeleted } from './hooks/withdrawDeleted'

/**
 * A standard phrase: what an agent says in one situation, in both scripts.
 * Versions and drafts keep every change; nothing is ever pruned (maxPerDoc: 0) because
 * auditors need every published and approved version.
 */
export const Phrases: CollectionConfig = {
  slug: 'phrases',
  labels: {
    singular: { en: 'Phrase', zh: '话术', 'zh-TW': '話術' },
    plural: { en: 'Phrases', zh: '话术库', 'zh-TW': '話術庫' },
  },
  admin: {
    useAsTitle: 'key',
    defaultColumns: ['key', 'title', 'text', 'category', 'workflowState', 'needsReview', 'updatedAt'],
    listSearchableFields: ['key', 'title', 'text'],
    components: {
      beforeListTable: ['/components/PhraseListTools#PhraseListTools'],
      // Nobody publishes by saving: the review buttons in the sidebar replace Publish.
      edit: { PublishButton: '/components/WorkflowStateBadge#NoPublishButton' },
    },
  },
  defaultSort: 'key',
  access: {
    read: publishedUnlessPerson,
    create: canEditPhrases,
    update: canEditPhrases,
    delete: isAdmin,
  },
  // Drafts are validated too: a malformed key or undeclared variable never lands, even unpublished.
  versions: { drafts: { validate: true }, maxPerDoc: 0 },
  endpoints: [...spreadsheetEndpoints, ...workspaceEndpoints, ...workflowEndpoints, restoreEndpoint, historyEndpoint, diffEndpoint, lintEndpoint, asServedEndpoint],
  hooks: {
    beforeOperation: [rejectStaleWrites],
    // The other script is converted in the same save, so every version holds both.
    beforeChange: [guardWorkflow, markPersonEdits, convertOtherScript, stampChange, summarizeReviewNeeds],
    afterChange: [auditPersonEdits, auditCancelledSchedule],
    beforeDelete: [refuseDeletingUsedPhrase],
    // The audit entry before the delivery revision: sequences are always taken in that order.
    afterDelete: [auditPhraseDeletion, withdrawDeleted],
  },
  fields: [
    identifierField('key', phraseKeyProblem, {
      'zh-TW': '<類別>.<名稱>，例如 opening.standard；固定不變，客服工具以此取用',
      zh: '<类别>.<名称>，例如 opening.standard；固定不变，客服工具以此调用',
      en: '<category>.<name>, e.g. opening.standard; stable, used by agent tools',
    }),
    {
      name: 'category',
      label: { 'zh-TW': '類別', zh: '类别', en: 'Category' },
      type: 'relationship',
      relationTo: 'categories',
      required: true,
      index: true,
    },
    {
      name: 'title',
      label: { 'zh-TW': '情境標題', zh: '情境标题', en: 'Title' },
      type: 'text',
      localized: true,
      required: true,
      maxLength: PHRASE_LIMITS.length.title,
      admin: { description: { 'zh-TW': '使用情境，例如「客戶情緒激動時」', zh: '使用情境，例如“客户情绪激动时”', en: 'The situation, e.g. 客戶情緒激動時' } },
    },
    {
      name: 'text',
      label: { 'zh-TW': '話術內容', zh: '话术内容', en: 'Text' },
      type: 'textarea',
      localized: true,
      maxLength: PHRASE_LIMITS.length.text,
      admin: {
        description: {
          'zh-TW': '客服要說的話；變數寫成 {{name}}',
          zh: '客服要说的话；变量写成 {{name}}',
          en: 'What the agent says; variables are written {{name}}',
        },
      },
      // Agents would see stray braces, or a placeholder no one fills.
      validate: (value: unknown, { data, req }: { data: Partial<{ variables: { name?: string }[] | null }>; req: PayloadRequest }) => {
        if (typeof value !== 'string') return true
        const declared = Array.isArray(data?.variables) ? data.variables.map((v) => String(v?.name)) : []
        const check = variableCheck(value, declared)
        if (check.unbalanced) return say(req, 'phrasebook:input_unbalanced_braces')
        return check.undeclared.length === 0 || say(req, 'phrasebook:input_undeclared_variables', { names: check.undeclared.map((n) => `{{${n}}}`).join(', ') })
      },
    },
    {
      name: 'workspace',
      type: 'ui',
      label: { 'zh-TW': '雙語工作區', zh: '双语工作区', en: 'Both scripts' },
      admin: { components: { Field: '/components/PhraseWorkspace#PhraseWorkspace' } },
    },
    {
      name: 'sourceScript',
      label: { 'zh-TW': '撰寫字體', zh: '撰写字体', en: 'Written in' },
      type: 'select',
      required: true,
      defaultValue: 'zh-Hant',
      options: SCRIPTS.map((script) => ({ label: SCRIPT_LABELS[script], value: script })),
      // Where the save's other script is stored (see convertOtherScript).
      hooks: { beforeChange: [writeOtherScript] },
      admin: {
        description: {
          'zh-TW': '人工撰寫的字體；另一種字體由它轉換而來',
          zh: '人工撰写的字体；另一种字体由它转换而来',
          en: 'The script a person wrote; the other one is converted from it',
        },
      },
    },
    {
      name: 'machineConverted',
      label: { 'zh-TW': '機器轉換（待確認）', zh: '机器转换（待确认）', en: 'Machine-converted' },
      type: 'checkbox',
      localized: true,
      defaultValue: false,
      admin: {
        description: {
          'zh-TW': '此語系由轉換產生，尚未經人工確認',
          zh: '此语种由转换生成，尚未经人工确认',
          en: 'This locale was generated by conversion and not yet confirmed by a person',
        },
      },
    },
    {
      name: 'ambiguities',
      label: { 'zh-TW': '待確認的字', zh: '待确认的字', en: 'Flagged characters' },
      type: 'json',
      localized: true,
      validate: (value: unknown, { req }: { req: PayloadRequest }) => value === null || value === undefined || isAmbiguityList(value) || say(req, 'phrasebook:input_invalid_flags'),
      admin: {
        // Shown and resolved in the workspace (a JSON editor here would load Monaco from a CDN).
        hidden: true,
        description: {
          'zh-TW': '轉換時無法確定寫法的字，以及其他地區的用語（kind: wording），請在雙語工作區選定：[{index, char, candidates, kind?}]',
          zh: '转换时无法确定写法的字，以及其他地区的用语（kind: wording），请在双语工作区选定：[{index, char, candidates, kind?}]',
          en: 'Characters the converter could not be sure of, and other regions\' words (kind: wording); choose in the workspace: [{index, char, candidates, kind?}]',
        },
      },
    },
    {
      name: 'channels',
      label: { 'zh-TW': '管道', zh: '渠道', en: 'Channels' },
      type: 'select',
      hasMany: true,
      defaultValue: ['phone', 'chat'],
      options: CHANNELS.map((channel) => ({ label: CHANNEL_LABELS[channel], value: channel })),
    },
    {
      name: 'variables',
      label: { 'zh-TW': '變數', zh: '变量', en: 'Variables' },
      labels: { singular: { 'zh-TW': '變數', zh: '变量', en: 'Variable' }, plural: { 'zh-TW': '變數', zh: '变量', en: 'Variables' } },
      type: 'array',
      maxRows: PHRASE_LIMITS.variables.items,
      validate: (value: unknown, { req }: { req: PayloadRequest }) => {
        const names = Array.isArray(value) ? value.map((v) => (v as { name?: unknown })?.name) : []
        const twice = names.find((name, i) => names.indexOf(name) !== i)
        return twice === undefined || say(req, 'phrasebook:input_duplicate_variable', { name: String(twice) })
      },
      admin: {
        description: {
          'zh-TW': '內容中每個 {{name}}，以及沒有提供值時要說的後備文字',
          zh: '内容中每个 {{name}}，以及没有提供值时要说的后备文字',
          en: 'Every {{name}} used in the text, with what to show when no value is given',
        },
      },
      fields: [
        {
          name: 'name',
          label: { 'zh-TW': '變數名稱', zh: '变量名称', en: 'Name' },
          type: 'text',
          required: true,
          validate: (value: unknown, { req }: { req: PayloadRequest }) =>
            (typeof value === 'string' && VARIABLE_NAME_PATTERN.test(value)) || say(req, 'phrasebook:input_variable_name'),
        },
        { name: 'description', label: { 'zh-TW': '說明', zh: '说明', en: 'Description' }, type: 'text', maxLength: PHRASE_LIMITS.variables.length },
        { name: 'example', label: { 'zh-TW': '範例值', zh: '示例值', en: 'Example' }, type: 'text', maxLength: PHRASE_LIMITS.variables.length },
        {
          name: 'fallback',
          label: { 'zh-TW': '後備文字', zh: '后备文字', en: 'Fallback' },
          type: 'group',
          fields: [
            { name: 'zhHant', label: '繁體 zh-Hant', type: 'text', maxLength: PHRASE_LIMITS.variables.length },
            { name: 'zhHans', label: '简体 zh-Hans', type: 'text', maxLength: PHRASE_LIMITS.variables.length },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'variantOf',
          label: { 'zh-TW': '節日版本的原話術', zh: '节日版本的原话术', en: 'Variant of' },
          type: 'relationship',
          relationTo: 'phrases',
          validate: (value: unknown, { id, siblingData, req }: { id?: number | string; siblingData: { holiday?: unknown }; req: PayloadRequest }) => {
            if (value === null || value === undefined) return true
            if (id !== undefined && String(value) === String(id)) return say(req, 'phrasebook:input_variant_of_itself')
            return (siblingData.holiday !== null && siblingData.holiday !== undefined) || say(req, 'phrasebook:input_variant_needs_holiday')
          },
          admin: { description: { 'zh-TW': '此話術是哪一則話術的節日版本', zh: '此话术是哪一条话术的节日版本', en: 'The base phrase this is a holiday variant of' } },
        },
        { name: 'holiday', label: { 'zh-TW': '節日', zh: '节日', en: 'Holiday' }, type: 'relationship', relationTo: 'holidays' },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'validFrom', label: { 'zh-TW': '生效時間', zh: '生效时间', en: 'Valid from' }, type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        {
          name: 'validUntil',
          label: { 'zh-TW': '失效時間', zh: '失效时间', en: 'Valid until' },
          type: 'date',
          validate: (value: unknown, { siblingData, req }: { siblingData: { validFrom?: unknown }; req: PayloadRequest }) => {
            const [from, until] = [isoInstant(siblingData.validFrom), isoInstant(value)]
            return !from || !until || from < until || say(req, 'phrasebook:input_date_order')
          },
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
    {
      name: 'tags',
      label: { 'zh-TW': '標籤', zh: '标签', en: 'Tags' },
      type: 'text',
      hasMany: true,
      maxRows: PHRASE_LIMITS.tags.items,
      maxLength: PHRASE_LIMITS.tags.length,
    },
    {
      name: 'triggers',
      label: { 'zh-TW': '觸發語', zh: '触发语', en: 'Triggers' },
      type: 'text',
      hasMany: true,
      maxRows: PHRASE_LIMITS.triggers.items,
      maxLength: PHRASE_LIMITS.triggers.length,
      admin: {
        description: {
          'zh-TW': '客戶說了什麼時建議這則話術：客戶的原話或意圖，例如「要投訴」「找你們主管」「聽不清楚」。繁簡皆可，錯字同音也認得。',
          zh: '客户说了什么时建议这条话术：客户的原话或意图，例如“要投诉”“找你们主管”“听不清楚”。繁简皆可，同音错字也认得。',
          en: 'What a customer says that calls for this phrase: their words or intent, e.g. 要投訴, 找你們主管, 聽不清楚. Either script; homophone typos are recognised.',
        },
      },
    },
    {
      name: 'agentNotes',
      label: { 'zh-TW': '客服提示', zh: '客服提示', en: 'Agent notes' },
      type: 'textarea',
      localized: true,
      maxLength: PHRASE_LIMITS.length.agentNotes,
      admin: {
        description: {
          'zh-TW': '給客服的說話提示，例如「等候 3 秒，再重複一次」',
          zh: '给客服的说话提示，例如“等候 3 秒，再重复一次”',
          en: 'Delivery hints for the agent, e.g. "wait 3 s, then repeat once"',
        },
      },
    },
    { name: 'order', label: { 'zh-TW': '排序', zh: '排序', en: 'Order' }, type: 'number', defaultValue: 0, min: -PHRASE_LIMITS.order, max: PHRASE_LIMITS.order },
    {
      name: 'sourceDocuments',
      label: { 'zh-TW': '來源文件', zh: '来源文件', en: 'Source documents' },
      type: 'text',
      hasMany: true,
      maxRows: PHRASE_LIMITS.sourceDocuments.items,
      maxLength: PHRASE_LIMITS.sourceDocuments.length,
      admin: {
        description: {
          'zh-TW': '話術出處（來源文件編號或參考資料）',
          zh: '话术出处（来源文件编号或参考资料）',
          en: 'Where the phrase was drawn from (seed document ids or a reference)',
        },
      },
    },
    {
      name: 'versionHistory',
      type: 'ui',
      label: { 'zh-TW': '版本紀錄與比對', zh: '版本记录与对比', en: 'Versions and differences' },
      admin: { components: { Field: '/components/VersionHistory#VersionHistory' } },
    },
    {
      name: 'workflowPanel',
      type: 'ui',
      label: { 'zh-TW': '審核流程', zh: '审核流程', en: 'Review' },
      admin: { position: 'sidebar', components: { Field: '/components/WorkflowPanel#WorkflowPanel' } },
    },
    ...reviewFields,
  ],
}
