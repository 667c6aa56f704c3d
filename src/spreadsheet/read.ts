import { parse } from 'csv-parse/sync'
import type ExcelJS from 'exceljs'

import { loadExcelJS } from './excel'
import { EXPORT_ONLY_COLUMNS, PHRASE_COLUMN_NAMES, PHRASE_COLUMNS } from './columns'

export type SpreadsheetFormat = 'xlsx' | 'csv'

/** One data row: `rowNumber` is the row the editor sees in Excel; cells are keyed by column name. */
export type SheetRow = { rowNumber: number; cells: Record<string, string> }

/** The phrase columns of a file, in the file's order, and its non-empty data rows (cells trimmed). */
export type SheetRows = { header: string[]; rows: SheetRow[] }

export const MAX_IMPORT_ROWS = 5000

export type SpreadsheetErrorCode =
  | 'unreadable_file'
  | 'not_utf8'
  | 'empty_sheet'
  | 'missing_columns'
  | 'unknown_columns'
  | 'duplicate_columns'
  | 'unnamed_column'
  | 'too_many_rows'

/** A file that cannot be imported at all (as opposed to a row with mistakes, see RowError). */
export class SpreadsheetError extends Error {
  readonly code: SpreadsheetErrorCode
  readonly params: Record<string, string | number>

  constructor(code: SpreadsheetErrorCode, params: Record<string, string | number> = {}) {
    super(`${code} ${JSON.stringify(params)}`)
    this.name = 'SpreadsheetError'
    this.code = code
    this.params = params
  }
}

const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const CSV_CONTENT_TYPES = new Set(['text/csv', 'application/csv', 'text/tab-separated-values'])

/** The format of an uploaded file, or null for anything else (e.g. the old binary .xls). */
export function formatOf(fileName: string, contentType?: string): SpreadsheetFormat | null {
  const extension = /\.([a-z]+)$/.exec(fileName.trim().toLowerCase())?.[1]
  if (extension === 'xlsx') return 'xlsx'
  if (extension === 'csv' || extension === 'tsv') return 'csv'
  // The name decides first: browsers on Windows send .csv files as application/vnd.ms-excel.
  const type = contentType?.split(';')[0].trim().toLowerCase()
  if (type === XLSX_CONTENT_TYPE) return 'xlsx'
  if (type && CSV_CONTENT_TYPES.has(type)) return 'csv'
  return null
}

/** A row of cell texts as the file has it, before the header gives them names. */
type GridRow = { rowNumber: number; values: string[] }

export async function readSpreadsheet(bytes: Uint8Array, format: SpreadsheetFormat): Promise<SheetRows> {
  const grid = format === 'xlsx' ? await xlsxGrid(bytes) : csvGrid(bytes)
  return sheetFromGrid(grid)
}

async function xlsxGrid(bytes: Uint8Array): Promise<GridRow[]> {
  const workbook = new (await loadExcelJS()).Workbook()
  try {
    // A copy as a plain ArrayBuffer: what exceljs's typings ask for, whatever `bytes` is a view of.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer)
  } catch {
    throw new SpreadsheetError('unreadable_file', { format: 'XLSX' })
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new SpreadsheetError('empty_sheet')
  const grid: GridRow[] = []
  sheet.eachRow((row, rowNumber) => {
    const values: string[] = []
    row.eachCell((cell, columnNumber) => {
      values[columnNumber - 1] = cellText(cell.value)
    })
    grid.push({ rowNumber, values: Array.from(values, (value) => value ?? '') })
  })
  return grid
}

/** What Excel shows in a cell: rich text joined, formulas as their result, dates as ISO 8601. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return excelDateText(value)
  if (typeof value !== 'object') return String(value)
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  // A hyperlink's text is itself rich text when the link was formatted.
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue)
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result)
  if ('error' in value) return value.error
  return ''
}

/** Excel dates have no time zone; exceljs hands them over as UTC, so a whole day stays a plain date. */
function excelDateText(date: Date): string {
  const iso = date.toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
}

function csvGrid(bytes: Uint8Array): GridRow[] {
  const text = utf8Text(bytes)
  // Excel's "Unicode text" and copies from a sheet are tab-separated; column names never hold tabs.
  const delimiter = text.split(/\r?\n/, 1)[0].includes('\t') ? '\t' : ','
  let records: string[][]
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false })
  } catch {
    throw new SpreadsheetError('unreadable_file', { format: 'CSV' })
  }
  // One record is one Excel row, however many lines its quoted cells span.
  return records.map((values, index) => ({ rowNumber: index + 1, values }))
}

/** The text of a UTF-8 file, BOM dropped; Excel's plain "CSV" is Big5 or GBK, which is refused rather than garbled. */
function utf8Text(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new SpreadsheetError('not_utf8')
  }
}

function sheetFromGrid(grid: GridRow[]): SheetRows {
  const [headerRow, ...dataRows] = grid.map(trimmed).filter((row) => row.values.some((value) => value !== ''))
  if (!headerRow) throw new SpreadsheetError('empty_sheet')
  const columns = columnsOf(headerRow.values, dataRows)
  if (dataRows.length === 0) throw new SpreadsheetError('empty_sheet')
  if (dataRows.length > MAX_IMPORT_ROWS) {
    throw new SpreadsheetError('too_many_rows', { max: MAX_IMPORT_ROWS, count: dataRows.length })
  }
  return {
    header: columns.filter((name): name is string => name !== null),
    rows: dataRows.map((row) => ({ rowNumber: row.rowNumber, cells: cellsOf(row.values, columns) })),
  }
}

function trimmed(row: GridRow): GridRow {
  return { rowNumber: row.rowNumber, values: row.values.map((value) => value.trim()) }
}

const KNOWN_COLUMNS = new Map([...PHRASE_COLUMN_NAMES, ...EXPORT_ONLY_COLUMNS].map((name) => [name.toLowerCase(), name]))
const EXPORT_ONLY = new Set(EXPORT_ONLY_COLUMNS)

/**
 * The phrase column each position of the file holds, or null for one to skip (an export-only
 * column, or an unnamed empty one). Header names match case-insensitively.
 */
function columnsOf(header: string[], dataRows: GridRow[]): (string | null)[] {
  const width = Math.max(header.length, ...dataRows.map((row) => row.values.length))
  const labels = Array.from({ length: width }, (_, index) => header[index] ?? '')
  const unknown = labels.filter((label) => label !== '' && !KNOWN_COLUMNS.has(label.toLowerCase()))
  if (unknown.length) throw new SpreadsheetError('unknown_columns', { columns: unknown.join(', ') })
  const unnamed = labels.findIndex((label, index) => label === '' && dataRows.some((row) => row.values[index]))
  if (unnamed !== -1) throw new SpreadsheetError('unnamed_column', { column: columnLetter(unnamed) })
  const names = labels.map((label) => KNOWN_COLUMNS.get(label.toLowerCase()) ?? null)
  const duplicates = names.filter((name, index) => name !== null && names.indexOf(name) !== index)
  if (duplicates.length) throw new SpreadsheetError('duplicate_columns', { columns: [...new Set(duplicates)].join(', ') })
  const missing = PHRASE_COLUMNS.filter((column) => column.required && !names.includes(column.name))
  if (missing.length) throw new SpreadsheetError('missing_columns', { columns: missing.map((column) => column.name).join(', ') })
  return names.map((name) => (name !== null && EXPORT_ONLY.has(name) ? null : name))
}

/** Excel's name for a column: A … Z, AA, AB, … */
function columnLetter(index: number): string {
  let letters = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  }
  return letters
}

function cellsOf(values: string[], columns: (string | null)[]): Record<string, string> {
  const cells: Record<string, string> = {}
  columns.forEach((name, index) => {
    if (name !== null) cells[name] = values[index] ?? ''
  })
  return cells
}
