import { isoInstant } from '../domain/isoTime'
import { PHRASE_LIMITS } from '../domain/phraseLimits'
import { characterProblem } from '../domain/textInput'
import { variableCheck } from '../domain/variableCheck'
import { CHANNELS, PHRASE_LOCALES, PHRASE_TEXT_FIELDS, SCRIPTS, type PhraseLocale, type Script } from '../domain/locales'
import { PHRASE_KEY_MAX_LENGTH, phraseKeyProblem, placeholdersIn, VARIABLE_NAME_PATTERN } from '../domain/phraseKey'
import { type Language, scriptColumn, type ScriptTextField } from './columns'
import type { SheetRow, SheetRows, SpreadsheetError, SpreadsheetErrorCode } from './read'

/** What the library already holds, to check references against. */
export type ImportContext = {
  categories: ReadonlySet<string>
  holidays: ReadonlySet<string>
  existingKeys: ReadonlySet<string>
}

/** A field's texts by locale: the two scripts and, where the sheet gives them, the regions' own. */
export type ScriptTexts = Partial<Record<PhraseLocale, string>>

export type PhraseVariable = { name: string; fallback: { zhHant?: string; zhHans?: string } }

/** A row that passed every check, ready to be saved as a draft. */
export type ImportedPhrase = {
  rowNumber: number
  action: 'create' | 'update'
  key: string
  category: string
  sourceScript: Script
  title: ScriptTexts
  text: ScriptTexts
  agentNotes: ScriptTexts
  channels: string[]
  variables: PhraseVariable[]
  holiday: string | null
  variantOf: string | null
  tags: string[]
  triggers: string[]
  validFrom: string | null
  validUntil: string | null
  order: number
}

export type RowErrorCode =
  | 'required'
  | 'key_too_long'
  | 'key_format'
  | 'key_category_mismatch'
  | 'unknown_category'
  | 'duplicate_key'
  | 'invalid_source_script'
  | 'source_title_missing'
  | 'text_missing'
  | 'too_long'
  | 'too_many'
  | 'control_character'
  | 'broken_character'
  | 'unusable_character'
  | 'unbalanced_braces'
  | 'undeclared_variable'
  | 'invalid_variable_name'
  | 'invalid_variable_entry'
  | 'duplicate_variable'
  | 'unknown_channel'
  | 'unknown_holiday'
  | 'variant_needs_holiday'
  | 'variant_of_itself'
  | 'unknown_base_phrase'
  | 'invalid_date'
  | 'date_order'
  | 'invalid_order'

type Params = Record<string, string | number>

/** One mistake in one row (and column, when it is about one cell). */
export type RowError = { row: number; column?: string; code: RowErrorCode; params?: Params }

/** Only rows without mistakes become phrases; the caller decides whether to import despite errors. */
export type ImportPlan = { phrases: ImportedPhrase[]; errors: RowError[] }

/** As in collections/Phrases (this module stays free of Payload). */
const MAX_LENGTH: Record<ScriptTextField, number> = PHRASE_LIMITS.length
const DEFAULT_CHANNELS = ['phone', 'chat']

export function phrasesFromRows(sheet: SheetRows, context: ImportContext): ImportPlan {
  const rowsByKey = rowNumbersByKey(sheet.rows)
  const plan: ImportPlan = { phrases: [], errors: [] }
  for (const row of sheet.rows) {
    const { phrase, errors } = planRow(row, context, rowsByKey)
    if (errors.length) plan.errors.push(...errors)
    else plan.phrases.push(phrase)
  }
  return plan
}

function rowNumbersByKey(rows: SheetRow[]): Map<string, number[]> {
  const rowsByKey = new Map<string, number[]>()
  for (const row of rows) {
    const key = row.cells.key ?? ''
    if (key) rowsByKey.set(key, [...(rowsByKey.get(key) ?? []), row.rowNumber])
  }
  return rowsByKey
}

type Report = (column: string | undefined, code: RowErrorCode, params?: Params) => void

function planRow(row: SheetRow, context: ImportContext, rowsByKey: Map<string, number[]>) {
  const errors: RowError[] = []
  const report: Report = (column, code, params) => {
    const error: RowError = { row: row.rowNumber, code }
    if (column) error.column = column
    if (params) error.params = params
    errors.push(error)
  }
  const cell = (column: string) => row.cells[column] ?? ''

  checkCharacters(row.cells, report)
  const key = cell('key')
  const category = cell('category')
  checkCategory(category, context, report)
  checkKey(key, category, rowsByKey, report)
  const title = scriptTexts(row, 'title')
  const text = scriptTexts(row, 'text')
  const agentNotes = scriptTexts(row, 'agentNotes')
  const sourceScript = readSourceScript(cell('sourceScript'), title, text, report)
  checkTexts({ title, text, agentNotes }, sourceScript, report)
  const variables = readVariables(cell('variables'), report)
  checkPlaceholders(text, variables, report)
  const holiday = readHoliday(cell('holiday'), context, report)
  const validFrom = readDate(cell('validFrom'), 'validFrom', report)
  const validUntil = readDate(cell('validUntil'), 'validUntil', report)
  // Both are toISOString() results, which sort as the instants do.
  if (validFrom && validUntil && validFrom >= validUntil) report('validUntil', 'date_order')

  const phrase: ImportedPhrase = {
    rowNumber: row.rowNumber,
    action: context.existingKeys.has(key) ? 'update' : 'create',
    key,
    category,
    sourceScript,
    title,
    text,
    agentNotes,
    channels: readChannels(cell('channels'), report),
    variables,
    holiday,
    variantOf: readVariantOf(cell('variantOf'), key, holiday, context, rowsByKey, report),
    tags: readList('tags', cell('tags'), report),
    triggers: readList('triggers', cell('triggers'), report),
    validFrom,
    validUntil,
    order: readOrder(cell('order'), report),
  }
  return { phrase, errors }
}

function checkCharacters(cells: Record<string, string>, report: Report): void {
  for (const [column, value] of Object.entries(cells)) {
    const problem = characterProblem(value)
    if (problem) report(column, problem.code, { character: problem.character })
  }
}

function checkCategory(category: string, context: ImportContext, report: Report): void {
  if (!category) report('category', 'required')
  else if (!context.categories.has(category)) report('category', 'unknown_category', { category })
}

function checkKey(key: string, category: string, rowsByKey: Map<string, number[]>, report: Report): void {
  const problem = keyProblem(key, category)
  if (problem) report('key', problem.code, problem.params)
  const rows = rowsByKey.get(key) ?? []
  if (rows.length > 1) report('key', 'duplicate_key', { key, rows: rows.join(', ') })
}

/** phraseKeyProblem decides whether a key is acceptable; this names the rule it breaks, for the message. */
function keyProblem(key: string, category: string): { code: RowErrorCode; params?: Params } | null {
  if (phraseKeyProblem(key, category) === null) return null
  if (key === '') return { code: 'required' }
  if (key.length > PHRASE_KEY_MAX_LENGTH) return { code: 'key_too_long', params: { max: PHRASE_KEY_MAX_LENGTH, length: key.length } }
  if (phraseKeyProblem(key) !== null) return { code: 'key_format' }
  return { code: 'key_category_mismatch', params: { category, prefix: key.split('.')[0] } }
}

function scriptTexts(row: SheetRow, field: ScriptTextField): ScriptTexts {
  const texts: ScriptTexts = {}
  for (const locale of PHRASE_LOCALES) {
    const value = row.cells[scriptColumn(field, locale)]
    if (value) texts[locale] = value
  }
  return texts
}

/** The given script, else the one the text (or, lacking text, the title) is written in; zh-Hant when both. */
function readSourceScript(value: string, title: ScriptTexts, text: ScriptTexts, report: Report): Script {
  const written = SCRIPTS.find((script) => text[script]) ?? SCRIPTS.find((script) => title[script]) ?? 'zh-Hant'
  if (!value) return written
  const given = SCRIPTS.find((script) => script.toLowerCase() === value.toLowerCase())
  if (!given) report('sourceScript', 'invalid_source_script', { value })
  return given ?? written
}

function checkTexts(texts: Record<ScriptTextField, ScriptTexts>, sourceScript: Script, report: Report): void {
  if (!texts.title[sourceScript]) report(scriptColumn('title', sourceScript), 'source_title_missing', { script: sourceScript })
  if (!SCRIPTS.some((script) => texts.text[script])) report(scriptColumn('text', sourceScript), 'text_missing')
  for (const field of PHRASE_TEXT_FIELDS) {
    for (const locale of PHRASE_LOCALES) {
      const length = texts[field][locale]?.length ?? 0
      if (length > MAX_LENGTH[field]) report(scriptColumn(field, locale), 'too_long', { max: MAX_LENGTH[field], length })
    }
  }
}

/** Variables cell: entries separated by ';' or new lines, each `name` or `name=繁體後備|简体后备`. */
function readVariables(value: string, report: Report): PhraseVariable[] {
  const variables: PhraseVariable[] = []
  for (const entry of listItems(value, /;|\r?\n/)) {
    const variable = parseVariable(entry)
    if (!variable) report('variables', 'invalid_variable_entry', { entry })
    else if (variables.some((declared) => declared.name === variable.name)) {
      report('variables', 'duplicate_variable', { name: variable.name })
    } else {
      if (!VARIABLE_NAME_PATTERN.test(variable.name)) report('variables', 'invalid_variable_name', { name: variable.name })
      variables.push(variable)
      for (const fallback of new Set(Object.values(variable.fallback))) {
        if (fallback.length > PHRASE_LIMITS.variables.length) report('variables', 'too_long', { max: PHRASE_LIMITS.variables.length, length: fallback.length })
      }
    }
  }
  if (variables.length > PHRASE_LIMITS.variables.items) report('variables', 'too_many', { max: PHRASE_LIMITS.variables.items, count: variables.length })
  return variables
}

/** A tags or triggers cell: comma-separated, at most so many, each at most so long. */
function readList(column: 'tags' | 'triggers', value: string, report: Report): string[] {
  const entries = unique(listItems(value, /[,，、]/))
  const { items, length } = PHRASE_LIMITS[column]
  if (entries.length > items) report(column, 'too_many', { max: items, count: entries.length })
  for (const entry of entries) if (entry.length > length) report(column, 'too_long', { max: length, length: entry.length })
  return entries
}

/** One fallback without '|' serves both scripts (a number or a brand name reads the same in both). */
function parseVariable(entry: string): PhraseVariable | null {
  const equals = entry.indexOf('=')
  if (equals === -1) return { name: entry, fallback: {} }
  const name = entry.slice(0, equals).trim()
  const fallbacks = entry.slice(equals + 1).split('|').map((part) => part.trim())
  if (!name || fallbacks.length > 2) return null
  const [zhHant, zhHans = zhHant] = fallbacks
  const fallback: PhraseVariable['fallback'] = {}
  if (zhHant) fallback.zhHant = zhHant
  if (zhHans) fallback.zhHans = zhHans
  return { name, fallback }
}

/** The variables cell for these variables, in the syntax readVariables reads. */
export function formatVariables(variables: PhraseVariable[]): string {
  return variables
    .map(({ name, fallback }) =>
      fallback.zhHant || fallback.zhHans ? `${name}=${fallback.zhHant ?? ''}|${fallback.zhHans ?? ''}` : name,
    )
    .join('; ')
}

/** Placeholders are only filled in the text (src/delivery/render.ts), so only the text is checked. */
function checkPlaceholders(text: ScriptTexts, variables: PhraseVariable[], report: Report): void {
  const declared = new Set(variables.map((variable) => variable.name))
  for (const locale of PHRASE_LOCALES) {
    const value = text[locale]
    if (!value) continue
    const column = scriptColumn('text', locale)
    if (variableCheck(value, []).unbalanced) report(column, 'unbalanced_braces')
    for (const name of placeholdersIn(value)) {
      if (!declared.has(name)) report(column, 'undeclared_variable', { name })
    }
  }
}

function readChannels(value: string, report: Report): string[] {
  const channels = unique(listItems(value, /[,，、;；\n]/).map((channel) => channel.toLowerCase()))
  for (const channel of channels) {
    if (!(CHANNELS as readonly string[]).includes(channel)) report('channels', 'unknown_channel', { channel })
  }
  return channels.length ? channels : [...DEFAULT_CHANNELS]
}

function readHoliday(value: string, context: ImportContext, report: Report): string | null {
  if (value && !context.holidays.has(value)) report('holiday', 'unknown_holiday', { holiday: value })
  return value || null
}

/** The base phrase may be saved already or come in the same file (any row, before or after). */
function readVariantOf(
  value: string,
  key: string,
  holiday: string | null,
  context: ImportContext,
  rowsByKey: Map<string, number[]>,
  report: Report,
): string | null {
  if (!value) return null
  if (!holiday) report('variantOf', 'variant_needs_holiday')
  if (value === key) report('variantOf', 'variant_of_itself')
  else if (!context.existingKeys.has(value) && !rowsByKey.has(value)) report('variantOf', 'unknown_base_phrase', { key: value })
  return value
}

function readDate(value: string, column: string, report: Report): string | null {
  if (!value) return null
  const instant = isoInstant(value)
  if (!instant) report(column, 'invalid_date', { value })
  return instant
}

function readOrder(value: string, report: Report): number {
  if (!value) return 0
  const order = Number(value)
  if (/^[+-]?\d+$/.test(value) && Math.abs(order) <= PHRASE_LIMITS.order) return order
  report('order', 'invalid_order', { value, max: PHRASE_LIMITS.order })
  return 0
}

function listItems(value: string, separator: RegExp): string[] {
  return value
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean)
}

function unique(items: string[]): string[] {
  return [...new Set(items)]
}

// Messages -------------------------------------------------------------------------------------

type MessageCode = RowErrorCode | SpreadsheetErrorCode
type Messages = Record<MessageCode, string> & { atRow: string; atCell: string }

/** `{{param}}` is replaced by the error's param; `{{{{name}}}}` shows the name inside literal braces. */
const MESSAGES: Record<Language, Messages> = {
  'zh-TW': {
    atRow: '第 {{row}} 列：',
    atCell: '第 {{row}} 列「{{column}}」：',
    required: '此欄為必填',
    key_too_long: '鍵值最多 {{max}} 個字元（目前 {{length}} 個）',
    key_format: '鍵值格式應為 <分類>.<名稱>，僅限小寫英文字母、數字、_、. 與 -，且不可以 . 結尾，例如 opening.standard',
    key_category_mismatch: '鍵值須以分類「{{category}}.」開頭（目前為「{{prefix}}」）',
    unknown_category: '找不到分類「{{category}}」',
    duplicate_key: '鍵值「{{key}}」在檔案中重複出現（第 {{rows}} 列）',
    invalid_source_script: '「{{value}}」不是有效的字體，請填 zh-Hant 或 zh-Hans',
    source_title_missing: '缺少撰寫字體（{{script}}）的標題',
    text_missing: '繁體或簡體內文至少須填寫一項',
    too_long: '最多 {{max}} 字（目前 {{length}} 字）',
    too_many: '最多 {{max}} 項（目前 {{count}} 項）',
    control_character: '含有不可見的控制字元 {{character}}，請刪除',
    broken_character: '含有損壞的字元（亂碼），請確認檔案以 UTF-8 儲存',
    unusable_character: '含有無法顯示的字元 {{character}}（私人使用區或非字元），請刪除',
    unbalanced_braces: '變數括號不成對：每個 {{ 都須以 }} 結束',
    undeclared_variable: '使用了未宣告的變數 {{{{name}}}}',
    invalid_variable_name: '變數名稱「{{name}}」無效：須以小寫英文字母開頭，僅含小寫英文字母、數字與 _',
    invalid_variable_entry: '無法解讀變數「{{entry}}」，格式應為 name 或 name=繁體後備|簡體後備',
    duplicate_variable: '變數「{{name}}」重複宣告',
    unknown_channel: `「{{channel}}」不是有效的管道，可用：${CHANNELS.join('、')}`,
    unknown_holiday: '找不到節日「{{holiday}}」',
    variant_needs_holiday: '節日版本須同時填寫 holiday 欄',
    variant_of_itself: '話術不能是自己的節日版本',
    unknown_base_phrase: '找不到基本話術「{{key}}」（系統與此檔案中皆無）',
    invalid_date: '「{{value}}」不是有效的日期，請使用 ISO 8601 格式，例如 2026-01-01 或 2026-01-01T09:00:00+08:00',
    date_order: '失效時間須晚於生效時間（validFrom）',
    invalid_order: '排序須為 -{{max}} 到 {{max}} 之間的整數（目前為「{{value}}」）',
    unreadable_file: '無法讀取此 {{format}} 檔案：檔案可能已損壞，或並非 {{format}} 格式',
    not_utf8: '此 CSV 檔案不是 UTF-8 編碼，請在 Excel 以「CSV UTF-8（逗號分隔）」另存新檔',
    empty_sheet: '第一個工作表中沒有任何話術',
    missing_columns: '缺少必要欄位：{{columns}}',
    unknown_columns: '無法辨識的欄位：{{columns}}（欄位名稱請參考範本）',
    duplicate_columns: '欄位重複：{{columns}}',
    unnamed_column: '{{column}} 欄有資料但沒有欄位名稱',
    too_many_rows: '一次最多匯入 {{max}} 筆話術（此檔案有 {{count}} 筆），請分批匯入',
  },
  zh: {
    atRow: '第 {{row}} 行：',
    atCell: '第 {{row}} 行“{{column}}”：',
    required: '此列为必填',
    key_too_long: '键值最多 {{max}} 个字符（目前 {{length}} 个）',
    key_format: '键值格式应为 <分类>.<名称>，仅限小写英文字母、数字、_、. 和 -，且不能以 . 结尾，例如 opening.standard',
    key_category_mismatch: '键值须以分类“{{category}}.”开头（目前为“{{prefix}}”）',
    unknown_category: '找不到分类“{{category}}”',
    duplicate_key: '键值“{{key}}”在文件中重复出现（第 {{rows}} 行）',
    invalid_source_script: '“{{value}}”不是有效的字体，请填 zh-Hant 或 zh-Hans',
    source_title_missing: '缺少撰写字体（{{script}}）的标题',
    text_missing: '繁体或简体正文至少须填写一项',
    too_long: '最多 {{max}} 字（目前 {{length}} 字）',
    too_many: '最多 {{max}} 项（目前 {{count}} 项）',
    control_character: '含有不可见的控制字符 {{character}}，请删除',
    broken_character: '含有损坏的字符（乱码），请确认文件以 UTF-8 保存',
    unusable_character: '含有无法显示的字符 {{character}}（私用区或非字符），请删除',
    unbalanced_braces: '变量括号不成对：每个 {{ 都须以 }} 结束',
    undeclared_variable: '使用了未声明的变量 {{{{name}}}}',
    invalid_variable_name: '变量名“{{name}}”无效：须以小写英文字母开头，仅含小写英文字母、数字和 _',
    invalid_variable_entry: '无法解读变量“{{entry}}”，格式应为 name 或 name=繁体后备|简体后备',
    duplicate_variable: '变量“{{name}}”重复声明',
    unknown_channel: `“{{channel}}”不是有效的渠道，可用：${CHANNELS.join('、')}`,
    unknown_holiday: '找不到节日“{{holiday}}”',
    variant_needs_holiday: '节日版本须同时填写 holiday 列',
    variant_of_itself: '话术不能是自己的节日版本',
    unknown_base_phrase: '找不到基础话术“{{key}}”（系统和此文件中都没有）',
    invalid_date: '“{{value}}”不是有效的日期，请使用 ISO 8601 格式，例如 2026-01-01 或 2026-01-01T09:00:00+08:00',
    date_order: '失效时间须晚于生效时间（validFrom）',
    invalid_order: '排序须为 -{{max}} 到 {{max}} 之间的整数（目前为“{{value}}”）',
    unreadable_file: '无法读取此 {{format}} 文件：文件可能已损坏，或不是 {{format}} 格式',
    not_utf8: '此 CSV 文件不是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”',
    empty_sheet: '第一个工作表中没有任何话术',
    missing_columns: '缺少必填列：{{columns}}',
    unknown_columns: '无法识别的列：{{columns}}（列名请参考模板）',
    duplicate_columns: '列重复：{{columns}}',
    unnamed_column: '{{column}} 列有数据但没有列名',
    too_many_rows: '一次最多导入 {{max}} 条话术（此文件有 {{count}} 条），请分批导入',
  },
  en: {
    atRow: 'Row {{row}}: ',
    atCell: 'Row {{row}}, column "{{column}}": ',
    required: 'This column is required',
    key_too_long: 'The key is at most {{max}} characters (this one has {{length}})',
    key_format: 'The key must be <category>.<name> of lowercase letters, digits, _, . and -, not ending in ".", e.g. opening.standard',
    key_category_mismatch: 'The key must start with its category "{{category}}." (it starts with "{{prefix}}")',
    unknown_category: 'There is no category "{{category}}"',
    duplicate_key: 'The key "{{key}}" appears more than once in the file (rows {{rows}})',
    invalid_source_script: '"{{value}}" is not a script; use zh-Hant or zh-Hans',
    source_title_missing: 'The title in the source script ({{script}}) is required',
    text_missing: 'Give the text in at least one script',
    too_long: 'At most {{max}} characters (this has {{length}})',
    too_many: 'At most {{max}} entries (this has {{count}})',
    control_character: 'Contains the invisible control character {{character}}; remove it',
    broken_character: 'Contains a broken character (mojibake); make sure the file was saved as UTF-8',
    unusable_character: 'Contains the character {{character}}, which has no standard meaning (private use or noncharacter); remove it',
    unbalanced_braces: 'Unbalanced variable braces: every {{ must be closed by }}',
    undeclared_variable: 'Uses the undeclared variable {{{{name}}}}',
    invalid_variable_name: 'The variable name "{{name}}" is invalid: lowercase letters, digits and _, starting with a letter',
    invalid_variable_entry: 'Cannot read the variable "{{entry}}"; write name or name=Traditional fallback|Simplified fallback',
    duplicate_variable: 'The variable "{{name}}" is declared twice',
    unknown_channel: `"{{channel}}" is not a channel; use ${CHANNELS.join(', ')}`,
    unknown_holiday: 'There is no holiday "{{holiday}}"',
    variant_needs_holiday: 'A holiday variant needs the holiday column too',
    variant_of_itself: 'A phrase cannot be a variant of itself',
    unknown_base_phrase: 'There is no base phrase "{{key}}", neither saved nor in this file',
    invalid_date: '"{{value}}" is not a valid date; use ISO 8601, e.g. 2026-01-01 or 2026-01-01T09:00:00+08:00',
    date_order: 'validUntil must be after validFrom',
    invalid_order: 'The order must be a whole number from -{{max}} to {{max}}, not "{{value}}"',
    unreadable_file: 'This {{format}} file cannot be read: it is damaged or not {{format}} at all',
    not_utf8: 'This CSV file is not UTF-8; in Excel, save it as "CSV UTF-8 (Comma delimited)"',
    empty_sheet: 'The first sheet has no phrases',
    missing_columns: 'Required columns are missing: {{columns}}',
    unknown_columns: 'Unknown columns: {{columns}} (see the template for the column names)',
    duplicate_columns: 'Columns that appear more than once: {{columns}}',
    unnamed_column: 'Column {{column}} has data but no name',
    too_many_rows: 'At most {{max}} phrases per import (this file has {{count}}); split the file',
  },
}

/** One pass, so a value that itself contains `{{…}}` is shown as is. */
function fill(template: string, params: Params): string {
  return template.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  )
}

/** e.g. zh-TW `第 3 列「text_zh-Hans」：使用了未宣告的變數 {{ghost}}` (列 is a row in Taiwan, 行 in mainland China). */
export function describeRowError(error: RowError, language: Language): string {
  const messages = MESSAGES[language]
  const where = error.column ? messages.atCell : messages.atRow
  return fill(where, { row: error.row, column: error.column ?? '' }) + fill(messages[error.code], error.params ?? {})
}

export function describeSpreadsheetError(error: SpreadsheetError, language: Language): string {
  return fill(MESSAGES[language][error.code], error.params)
}
