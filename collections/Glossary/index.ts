import type { CollectionConfig } from 'payload'

import { isAdmin, isPersonOrApiClient } from '../../src/access'
import { announceChanges } from '../hooks/announceChanges'
import { referenceDataChanged } from '../hooks/referenceDataChanged'
import { reconvertAfterChange, reconvertAfterDelete } from './hooks/reconvertAffectedPhrases'

const glossaryChanged = referenceDataChanged('glossary')
const announced = announceChanges('glossary')

/**
 * Conversion vocabulary beyond OpenCC: protected terms (brand names that never convert) and
 * per-target overrides for call-centre words OpenCC gets wrong.
 */
export const Glossary: CollectionConfig = {
  slug: 'glossary',
  labels: {
    singular: { en: 'Glossary entry', zh: '术语', 'zh-TW': '術語' },
    plural: { en: 'Glossary', zh: '术语表', 'zh-TW': '術語表' },
  },
  admin: { useAsTitle: 'term', defaultColumns: ['term', 'protect', 'note'] },
  access: { read: isPersonOrApiClient, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: {
    afterChange: [reconvertAfterChange, ...glossaryChanged.afterChange, ...announced.afterChange],
    afterDelete: [reconvertAfterDelete, ...glossaryChanged.afterDelete, ...announced.afterDelete],
  },
  fields: [
    {
      name: 'term',
      label: { en: 'Term', zh: '词汇', 'zh-TW': '詞彙' },
      type: 'text',
      required: true,
      unique: true,
      maxLength: 100,
      admin: { description: { en: 'As written', zh: '按原文写法输入', 'zh-TW': '依原文寫法輸入' } },
    },
    {
      name: 'protect',
      label: { en: 'Protect', zh: '保护词汇', 'zh-TW': '保護詞彙' },
      type: 'checkbox',
      defaultValue: false,
      admin: {
        description: {
          en: 'Never convert this term in any direction (brand and product names)',
          zh: '无论哪个转换方向都不转换此词汇（品牌及产品名称）',
          'zh-TW': '無論哪個轉換方向都不轉換此詞彙（品牌及產品名稱）',
        },
      },
    },
    {
      name: 'overrides',
      label: { en: 'Overrides', zh: '指定转换结果', 'zh-TW': '指定轉換結果' },
      type: 'group',
      admin: {
        description: {
          en: 'What the term becomes in each target, where OpenCC is wrong',
          zh: 'OpenCC 转换有误时，此词汇在各转换目标中应转成的写法',
          'zh-TW': 'OpenCC 轉換有誤時，此詞彙在各轉換目標中應轉成的寫法',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'zhHant',
              label: { en: 'Traditional Chinese (zh-Hant)', zh: '繁体中文 (zh-Hant)', 'zh-TW': '繁體中文 (zh-Hant)' },
              type: 'text',
            },
            {
              name: 'zhTW',
              label: { en: 'Taiwan (zh-TW)', zh: '台湾 (zh-TW)', 'zh-TW': '台灣 (zh-TW)' },
              type: 'text',
            },
            {
              name: 'zhHK',
              label: { en: 'Hong Kong (zh-HK)', zh: '香港 (zh-HK)', 'zh-TW': '香港 (zh-HK)' },
              type: 'text',
            },
            {
              name: 'zhHans',
              label: { en: 'Simplified Chinese (zh-Hans)', zh: '简体中文 (zh-Hans)', 'zh-TW': '簡體中文 (zh-Hans)' },
              type: 'text',
            },
            {
              name: 'zhCN',
              label: { en: 'Mainland China (zh-CN)', zh: '中国大陆 (zh-CN)', 'zh-TW': '中國大陸 (zh-CN)' },
              type: 'text',
            },
          ],
        },
      ],
    },
    { name: 'note', label: { en: 'Note', zh: '备注', 'zh-TW': '備註' }, type: 'textarea' },
  ],
}
