import { type PHRASE_TEXT_FIELDS, type PhraseLocale, type Region, REGION_LABELS, REGIONS } from '../domain/locales'

/** The admin languages (Payload i18n): Traditional Chinese (Taiwan), Simplified Chinese, English. */
export type Language = 'zh-TW' | 'zh' | 'en'

export type PhraseColumn = { name: string; required: boolean; description: Record<Language, string> }

/** The texts a phrase has in each script and region, one column per locale: `title_zh-Hant`, `text_zh-TW`, … */
export type ScriptTextField = (typeof PHRASE_TEXT_FIELDS)[number]

export function scriptColumn(field: ScriptTextField, locale: PhraseLocale): string {
  return `${field}_${locale}`
}

const FIELD_NAMES: Record<ScriptTextField, Record<Language, string>> = {
  title: { 'zh-TW': '標題', zh: '标题', en: 'title' },
  text: { 'zh-TW': '內文', zh: '正文', en: 'text' },
  agentNotes: { 'zh-TW': '客服備註', zh: '客服备注', en: 'agent notes' },
}

/** A region's column: what its agents receive, proposed from the scripts unless the sheet says otherwise. */
const regionColumn = (field: ScriptTextField, region: Region): PhraseColumn => ({
  name: scriptColumn(field, region),
  required: false,
  description: {
    'zh-TW': `${REGION_LABELS[region]['zh-TW']}客服收到的${FIELD_NAMES[field]['zh-TW']}（${region}）；留空則由字體轉換提議，與提議不同時存為人工撰寫`,
    zh: `${REGION_LABELS[region].zh}客服收到的${FIELD_NAMES[field].zh}（${region}）；留空则由字体转换提议，与提议不同时存为人工撰写`,
    en: `The ${FIELD_NAMES[field].en} ${REGION_LABELS[region].en} agents receive (${region}); empty: proposed from the scripts; a different text is stored as a person's`,
  },
})

/** The columns of an import file, in the order the template and exports write them. */
export const PHRASE_COLUMNS: readonly PhraseColumn[] = [
  {
    name: 'key',
    required: true,
    description: {
      'zh-TW': '話術鍵值，格式為 <分類>.<名稱>，僅限小寫英文字母、數字、_、. 與 -，例如 opening.standard',
      zh: '话术键值，格式为 <分类>.<名称>，仅限小写英文字母、数字、_、. 和 -，例如 opening.standard',
      en: 'Phrase key, <category>.<name> in lowercase letters, digits, _, . and -, e.g. opening.standard',
    },
  },
  {
    name: 'category',
    required: true,
    description: {
      'zh-TW': '分類代碼，須與鍵值第一個「.」之前的部分相同',
      zh: '分类代码，须与键值第一个“.”之前的部分相同',
      en: 'Category slug; must equal the part of the key before the first "."',
    },
  },
  {
    name: 'sourceScript',
    required: false,
    description: {
      'zh-TW': '撰寫所用的字體：zh-Hant 或 zh-Hans；留空時取有內文的字體，兩者皆有則為 zh-Hant',
      zh: '撰写所用的字体：zh-Hant 或 zh-Hans；留空时取有正文的字体，两者都有则为 zh-Hant',
      en: 'The script the phrase is written in: zh-Hant or zh-Hans; if empty, the one with text (zh-Hant if both)',
    },
  },
  {
    name: scriptColumn('title', 'zh-Hant'),
    required: false,
    description: {
      'zh-TW': '繁體標題（使用情境），最多 200 字；撰寫字體的標題為必填',
      zh: '繁体标题（使用情境），最多 200 字；撰写字体的标题为必填',
      en: 'Traditional title (the situation), at most 200 characters; required in the source script',
    },
  },
  {
    name: scriptColumn('title', 'zh-Hans'),
    required: false,
    description: {
      'zh-TW': '簡體標題（使用情境），最多 200 字；撰寫字體的標題為必填',
      zh: '简体标题（使用情境），最多 200 字；撰写字体的标题为必填',
      en: 'Simplified title (the situation), at most 200 characters; required in the source script',
    },
  },
  {
    name: scriptColumn('text', 'zh-Hant'),
    required: false,
    description: {
      'zh-TW': '繁體話術內文，最多 2000 字；變數寫作 {{name}}，且須在 variables 欄宣告',
      zh: '繁体话术正文，最多 2000 字；变量写作 {{name}}，且须在 variables 列中声明',
      en: 'Traditional phrase text, at most 2000 characters; variables are written {{name}} and declared in variables',
    },
  },
  {
    name: scriptColumn('text', 'zh-Hans'),
    required: false,
    description: {
      'zh-TW': '簡體話術內文，最多 2000 字；變數寫作 {{name}}，且須在 variables 欄宣告',
      zh: '简体话术正文，最多 2000 字；变量写作 {{name}}，且须在 variables 列中声明',
      en: 'Simplified phrase text, at most 2000 characters; variables are written {{name}} and declared in variables',
    },
  },
  {
    name: scriptColumn('agentNotes', 'zh-Hant'),
    required: false,
    description: {
      'zh-TW': '繁體客服備註（說話提示），最多 1000 字',
      zh: '繁体客服备注（说话提示），最多 1000 字',
      en: 'Traditional agent notes (delivery hints), at most 1000 characters',
    },
  },
  {
    name: scriptColumn('agentNotes', 'zh-Hans'),
    required: false,
    description: {
      'zh-TW': '簡體客服備註（說話提示），最多 1000 字',
      zh: '简体客服备注（说话提示），最多 1000 字',
      en: 'Simplified agent notes (delivery hints), at most 1000 characters',
    },
  },
  ...REGIONS.flatMap((region) => (['title', 'text', 'agentNotes'] as const).map((field) => regionColumn(field, region))),
  {
    name: 'channels',
    required: false,
    description: {
      'zh-TW': '適用管道：phone、chat、email、sms，以逗號、頓號或分號分隔；留空為 phone、chat',
      zh: '适用渠道：phone、chat、email、sms，以逗号、顿号或分号分隔；留空为 phone、chat',
      en: 'Channels: phone, chat, email, sms, separated by commas, 、 or semicolons; empty means phone, chat',
    },
  },
  {
    name: 'variables',
    required: false,
    description: {
      'zh-TW': '變數，以分號或換行分隔；每項為 name 或 name=繁體後備|簡體後備',
      zh: '变量，以分号或换行分隔；每项为 name 或 name=繁体后备|简体后备',
      en: 'Variables separated by semicolons or new lines; each is name or name=Traditional fallback|Simplified fallback',
    },
  },
  {
    name: 'holiday',
    required: false,
    description: {
      'zh-TW': '節日代碼（選填），例如 mid_autumn',
      zh: '节日代码（选填），例如 mid_autumn',
      en: 'Holiday code (optional), e.g. mid_autumn',
    },
  },
  {
    name: 'variantOf',
    required: false,
    description: {
      'zh-TW': '節日版本所依據的基本話術鍵值（選填）；填寫時須一併填寫 holiday',
      zh: '节日版本所依据的基本话术键值（选填）；填写时须同时填写 holiday',
      en: 'Key of the base phrase this is a holiday variant of (optional); requires holiday',
    },
  },
  {
    name: 'tags',
    required: false,
    description: {
      'zh-TW': '標籤，以逗號分隔',
      zh: '标签，以逗号分隔',
      en: 'Tags, separated by commas',
    },
  },
  {
    name: 'triggers',
    required: false,
    description: {
      'zh-TW': '觸發語：客戶說了什麼時建議這則話術，以逗號分隔，例如「要投訴, 找你們主管」',
      zh: '触发语：客户说了什么时建议这条话术，以逗号分隔，例如“要投诉, 找你们主管”',
      en: 'Triggers: what customers say that calls for this phrase, separated by commas, e.g. 要投訴, 找你們主管',
    },
  },
  {
    name: 'validFrom',
    required: false,
    description: {
      'zh-TW': '生效時間（選填），ISO 8601 日期或日期時間，例如 2026-01-01 或 2026-01-01T09:00:00+08:00；未註明時區者視為 UTC',
      zh: '生效时间（选填），ISO 8601 日期或日期时间，例如 2026-01-01 或 2026-01-01T09:00:00+08:00；未注明时区者视为 UTC',
      en: 'Valid from (optional), ISO 8601 date or date-time, e.g. 2026-01-01 or 2026-01-01T09:00:00+08:00; UTC unless an offset is given',
    },
  },
  {
    name: 'validUntil',
    required: false,
    description: {
      'zh-TW': '失效時間（選填），格式同 validFrom，且須晚於 validFrom',
      zh: '失效时间（选填），格式同 validFrom，且须晚于 validFrom',
      en: 'Valid until (optional), same format as validFrom, and after it',
    },
  },
  {
    name: 'order',
    required: false,
    description: {
      'zh-TW': '排序（整數，選填，預設 0）',
      zh: '排序（整数，选填，默认 0）',
      en: 'Sort order (integer, optional, default 0)',
    },
  },
]

export const PHRASE_COLUMN_NAMES: readonly string[] = PHRASE_COLUMNS.map((column) => column.name)

/** Written by exports for the editor's information; the importer skips them so an export re-imports as is. */
export const EXPORT_ONLY_COLUMNS: readonly string[] = ['workflowState', 'updatedAt']

export const EXPORT_COLUMNS: readonly string[] = [...PHRASE_COLUMN_NAMES, ...EXPORT_ONLY_COLUMNS]
