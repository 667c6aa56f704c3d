import { stringify } from 'csv-stringify/sync'
import type ExcelJS from 'exceljs'

import { PHRASE_LOCALES, PHRASE_TEXT_FIELDS } from '../domain/locales'
import { loadExcelJS } from './excel'
import { PHRASE_COLUMN_NAMES, PHRASE_COLUMNS, scriptColumn } from './columns'
import { formatVariables, type ImportedPhrase } from './phraseRows'
import type { SpreadsheetFormat } from './read'

/** A saved phrase as exports show it; `version` is the `updatedAt` it was read at. */
export type ExportablePhrase = Omit<ImportedPhrase, 'rowNumber' | 'action'> & { workflowState?: string; version?: string }

const PHRASE_SHEET = '話術'
const GUIDE_SHEET = '說明'

/** One row per phrase, keyed by EXPORT_COLUMNS, in the syntax the importer reads back. */
export function phrasesToRows(phrases: ExportablePhrase[]): Record<string, string>[] {
  return phrases.map(phraseToRow)
}

function phraseToRow(phrase: ExportablePhrase): Record<string, string> {
  const row: Record<string, string> = {
    key: phrase.key,
    category: phrase.category,
    sourceScript: phrase.sourceScript,
    channels: phrase.channels.join(', '),
    variables: formatVariables(phrase.variables),
    holiday: phrase.holiday ?? '',
    variantOf: phrase.variantOf ?? '',
    tags: phrase.tags.join(', '),
    triggers: phrase.triggers.join(', '),
    validFrom: phrase.validFrom ?? '',
    validUntil: phrase.validUntil ?? '',
    order: String(phrase.order),
    workflowState: phrase.workflowState ?? '',
    updatedAt: phrase.version ?? '',
  }
  for (const field of PHRASE_TEXT_FIELDS) {
    for (const locale of PHRASE_LOCALES) row[scriptColumn(field, locale)] = phrase[field][locale] ?? ''
  }
  return row
}

export async function writeSpreadsheet(
  rows: Record<string, string>[],
  columns: readonly string[],
  format: SpreadsheetFormat,
): Promise<Buffer> {
  return format === 'csv' ? csvBytes(rows, columns) : xlsxBytes(await phraseWorkbook(rows, columns))
}

/** Header and one example row; the XLSX template also explains every column on a second sheet. */
export async function importTemplate(format: SpreadsheetFormat): Promise<Buffer> {
  if (format === 'csv') return csvBytes([TEMPLATE_EXAMPLE], PHRASE_COLUMN_NAMES)
  const workbook = await phraseWorkbook([TEMPLATE_EXAMPLE], PHRASE_COLUMN_NAMES)
  addSheet(workbook, GUIDE_SHEET, GUIDE_HEADER, PHRASE_COLUMNS.map((column) => [
    column.name,
    column.required ? '是 yes' : '否 no',
    column.description['zh-TW'],
    column.description.zh,
    column.description.en,
  ]))
  return xlsxBytes(workbook)
}

const TEMPLATE_EXAMPLE: Record<string, string> = {
  key: 'opening.example',
  category: 'opening',
  sourceScript: 'zh-Hant',
  'title_zh-Hant': '範例：接通電話時的問候',
  'text_zh-Hant': '您好，這裡是{{company}}客服中心，很高興為您服務，請問有什麼可以幫您？',
  'agentNotes_zh-Hant': '語氣親切，放慢語速。',
  channels: 'phone, chat',
  variables: 'company=本公司|本公司',
  tags: '範例',
  triggers: '你好, 在嗎',
  order: '0',
}

const GUIDE_HEADER = ['欄位 column', '必填 required', '說明（繁體中文）', '说明（简体中文）', 'Description (English)']

/**
 * With a BOM, or Excel reads UTF-8 Chinese as the local code page; CRLF as Excel writes CSV itself.
 * csv-stringify only quotes the record delimiter, so a cell's bare line feed is quoted explicitly.
 */
function csvBytes(rows: Record<string, string>[], columns: readonly string[]): Buffer {
  const text = stringify(rows, {
    header: true,
    columns: [...columns],
    bom: true,
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
  })
  return Buffer.from(text, 'utf8')
}

async function xlsxBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

async function phraseWorkbook(rows: Record<string, string>[], columns: readonly string[]): Promise<ExcelJS.Workbook> {
  const workbook = new (await loadExcelJS()).Workbook()
  addSheet(workbook, PHRASE_SHEET, columns, rows.map((row) => columns.map((column) => row[column] ?? '')))
  return workbook
}

/** Every value is written as text, so keys and orders are never reformatted as numbers or dates. */
function addSheet(workbook: ExcelJS.Workbook, name: string, header: readonly string[], body: string[][]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = header.map((label, index) => ({
    header: label,
    width: columnWidth([label, ...body.map((values) => values[index])]),
    style: { alignment: { vertical: 'top', wrapText: true } },
  }))
  sheet.getRow(1).font = { bold: true }
  sheet.addRows(body)
}

const MIN_WIDTH = 8
const MAX_WIDTH = 60

/** Wide enough for the longest first line, within limits: long texts wrap rather than stretch the sheet. */
function columnWidth(values: string[]): number {
  const widest = Math.max(...values.map((value) => displayWidth(value.split('\n', 1)[0])))
  return Math.min(Math.max(widest + 2, MIN_WIDTH), MAX_WIDTH)
}

/** Chinese and other full-width characters take two character widths in Excel. */
function displayWidth(text: string): number {
  let width = 0
  for (const character of text) width += /[\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\u{20000}-\u{3FFFD}]/u.test(character) ? 2 : 1
  return width
}
