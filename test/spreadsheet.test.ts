import { describe, expect, it } from '@jest/globals'
import ExcelJS from 'exceljs'

import {
  describeRowError,
  describeSpreadsheetError,
  EXPORT_COLUMNS,
  type ExportablePhrase,
  formatOf,
  type ImportContext,
  importTemplate,
  MAX_IMPORT_ROWS,
  PHRASE_COLUMN_NAMES,
  PHRASE_COLUMNS,
  phrasesFromRows,
  phrasesToRows,
  readSpreadsheet,
  type RowError,
  SpreadsheetError,
  type SheetRows,
  writeSpreadsheet,
} from '../src/spreadsheet'

const context: ImportContext = {
  categories: new Set(['opening', 'closing', 'holiday']),
  holidays: new Set(['mid_autumn', 'spring_festival']),
  existingKeys: new Set(['opening.standard', 'holiday.greeting']),
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'))
const withBom = (text: string) => utf8('\uFEFF' + text)

/** A sheet as readSpreadsheet returns it, data rows from row 2 as in Excel. */
function sheetOf(...rows: Record<string, string>[]): SheetRows {
  return {
    header: [...new Set(rows.flatMap((row) => Object.keys(row)))],
    rows: rows.map((cells, index) => ({ rowNumber: index + 2, cells })),
  }
}

const goodCells = (overrides: Record<string, string> = {}): Record<string, string> => ({
  key: 'opening.welcome',
  category: 'opening',
  'title_zh-Hant': '接通問候',
  'text_zh-Hant': '您好，這裡是{{company}}。',
  variables: 'company=本公司|本公司',
  ...overrides,
})

/** The errors of a single row, without the row number. */
function errorsOf(overrides: Record<string, string>): Omit<RowError, 'row'>[] {
  return phrasesFromRows(sheetOf(goodCells(overrides)), context).errors.map(({ row: _row, ...error }) => error)
}

async function readError(promise: Promise<unknown>): Promise<SpreadsheetError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  )
  if (!(error instanceof SpreadsheetError)) throw new Error(`expected a SpreadsheetError, got ${String(error)}`)
  return error
}

describe('formatOf', () => {
  it('goes by the file name first, then the content type', () => {
    expect(formatOf('話術.XLSX')).toBe('xlsx')
    expect(formatOf('phrases.csv', 'application/vnd.ms-excel')).toBe('csv')
    expect(formatOf('phrases.tsv')).toBe('csv')
    expect(formatOf('upload', 'text/csv; charset=utf-8')).toBe('csv')
    expect(formatOf('upload', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('xlsx')
    expect(formatOf('old.xls', 'application/vnd.ms-excel')).toBeNull()
    expect(formatOf('notes.txt')).toBeNull()
  })
})

describe('reading CSV', () => {
  const handWritten =
    ' Key ,CATEGORY,title_zh-Hant,text_zh-Hant,variables,channels\r\n' +
    'opening.welcome,opening,接通問候,"您好，""歡迎""致電{{company}}。\r\n請問有什麼可以幫您？",company=本公司|本公司,phone、chat\r\n' +
    ',,,,,\r\n' +
    '\r\n' +
    'closing.thanks,closing,結束通話, 感謝您的來電 ,,\r\n'

  it('reads a UTF-8 file with a BOM, quoted multi-line cells and Excel row numbers', async () => {
    const sheet = await readSpreadsheet(withBom(handWritten), 'csv')
    expect(sheet.header).toEqual(['key', 'category', 'title_zh-Hant', 'text_zh-Hant', 'variables', 'channels'])
    expect(sheet.rows.map((row) => row.rowNumber)).toEqual([2, 5])
    expect(sheet.rows[0].cells['text_zh-Hant']).toBe('您好，"歡迎"致電{{company}}。\r\n請問有什麼可以幫您？')
    expect(sheet.rows[1].cells).toEqual({
      key: 'closing.thanks',
      category: 'closing',
      'title_zh-Hant': '結束通話',
      'text_zh-Hant': '感謝您的來電',
      variables: '',
      channels: '',
    })
  })

  it('reads the same file without a BOM', async () => {
    const sheet = await readSpreadsheet(utf8(handWritten), 'csv')
    expect(sheet.rows[0].cells.key).toBe('opening.welcome')
  })

  it('reads tab-separated text', async () => {
    const sheet = await readSpreadsheet(utf8('key\tcategory\ttitle_zh-Hans\ntip.a\ttip\t标题, 带逗号\n'), 'csv')
    expect(sheet.rows).toEqual([{ rowNumber: 2, cells: { key: 'tip.a', category: 'tip', 'title_zh-Hans': '标题, 带逗号' } }])
  })

  it('skips the export-only columns so an export re-imports', async () => {
    const sheet = await readSpreadsheet(utf8('key,category,workflowState,UpdatedAt\nopening.a,opening,published,2026-01-01\n'), 'csv')
    expect(sheet.header).toEqual(['key', 'category'])
    expect(sheet.rows[0].cells).toEqual({ key: 'opening.a', category: 'opening' })
  })

  it('refuses Big5 text (Excel’s plain CSV) instead of garbling it', async () => {
    const big5 = new Uint8Array([0x6b, 0x65, 0x79, 0x0a, 0xa7, 0x41, 0xa6, 0x6e]) // "key\n你好"
    expect((await readError(readSpreadsheet(big5, 'csv'))).code).toBe('not_utf8')
  })

  it('refuses a quote that is never closed', async () => {
    const error = await readError(readSpreadsheet(utf8('key,category\n"opening.a,opening\n'), 'csv'))
    expect([error.code, error.params]).toEqual(['unreadable_file', { format: 'CSV' }])
  })
})

describe('reading XLSX', () => {
  it('reads the first sheet of a workbook made with exceljs: rich text, numbers, dates, formulas', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('phrases')
    workbook.addWorksheet('ignored').addRow(['key'])
    sheet.addRow(['KEY', 'Category', 'title_zh-Hant', 'text_zh-Hant', 'order', 'validFrom', 'validUntil', 'tags'])
    sheet.addRow([
      'opening.welcome',
      'opening',
      { richText: [{ text: '接通', font: { bold: true } }, { text: '問候' }] },
      '您好，\n歡迎來電。',
      3,
      new Date(Date.UTC(2026, 0, 1)),
      new Date(Date.UTC(2026, 5, 30, 18, 30)),
      { formula: '"VIP"&",新客"', result: 'VIP,新客' },
    ])
    sheet.addRow([])
    sheet.addRow(['closing.thanks', 'closing', '結束', '謝謝'])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())

    const read = await readSpreadsheet(bytes, 'xlsx')
    expect(read.rows.map((row) => row.rowNumber)).toEqual([2, 4])
    expect(read.rows[0].cells).toEqual({
      key: 'opening.welcome',
      category: 'opening',
      'title_zh-Hant': '接通問候',
      'text_zh-Hant': '您好，\n歡迎來電。',
      order: '3',
      validFrom: '2026-01-01',
      validUntil: '2026-06-30T18:30:00.000Z',
      tags: 'VIP,新客',
    })
    const plan = phrasesFromRows(read, context)
    expect(plan.errors).toEqual([])
    expect(plan.phrases[0]).toMatchObject({
      order: 3,
      tags: ['VIP', '新客'],
      validFrom: '2026-01-01T00:00:00.000Z',
      validUntil: '2026-06-30T18:30:00.000Z',
    })
  })

  it('refuses bytes that are not a workbook', async () => {
    const noise = new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256))
    const error = await readError(readSpreadsheet(noise, 'xlsx'))
    expect([error.code, error.params]).toEqual(['unreadable_file', { format: 'XLSX' }])
  })
})

describe('file-level problems', () => {
  it.each([
    ['missing required columns', 'key,title_zh-Hant\nopening.a,標題\n', 'missing_columns', { columns: 'category' }],
    ['unknown columns', 'key,category,colour,標題\nopening.a,opening,red,x\n', 'unknown_columns', { columns: 'colour, 標題' }],
    ['duplicate columns', 'key,category,Key\nopening.a,opening,opening.b\n', 'duplicate_columns', { columns: 'key' }],
    ['data under no column name', 'key,category,\nopening.a,opening,stray\n', 'unnamed_column', { column: 'C' }],
    ['only a header', 'key,category\r\n', 'empty_sheet', {}],
    ['nothing at all', '\uFEFF', 'empty_sheet', {}],
  ])('%s', async (_name, csv, code, params) => {
    const error = await readError(readSpreadsheet(utf8(csv), 'csv'))
    expect([error.code, error.params]).toEqual([code, params])
  })

  it(`takes ${MAX_IMPORT_ROWS} rows but not one more`, async () => {
    const rows = (count: number) => 'key,category\n' + Array.from({ length: count }, (_, i) => `opening.p${i},opening\n`).join('')
    expect((await readSpreadsheet(utf8(rows(MAX_IMPORT_ROWS)), 'csv')).rows).toHaveLength(MAX_IMPORT_ROWS)
    const error = await readError(readSpreadsheet(utf8(rows(MAX_IMPORT_ROWS + 1)), 'csv'))
    expect([error.code, error.params]).toEqual(['too_many_rows', { max: 5000, count: 5001 }])
  })
})

describe('planning a file', () => {
  const file =
    'key,category,sourceScript,title_zh-Hant,title_zh-Hans,text_zh-Hant,text_zh-Hans,agentNotes_zh-Hant,channels,variables,holiday,variantOf,tags,validFrom,validUntil,order\r\n' +
    'opening.welcome,opening,,接通問候,,"您好，這裡是{{company}}，\n敝姓{{agent}}。",,語氣親切,"phone, chat",company=本公司|本公司;agent,,,"問候, 開場",,,1\r\n' +
    'opening.bad key,opening,,,,您好{{ghost}},,,fax,,,,,,,x\r\n' +
    'holiday.mid_autumn,holiday,zh-Hans,,中秋问候,,中秋节快乐，{{name}}！,,sms;chat,name=先生／女士,mid_autumn,holiday.greeting,,2026-09-20,2026-09-30T23:59:59+08:00,\r\n'

  it('turns good rows into phrases and collects every error of the bad row, with its row and column', async () => {
    const plan = phrasesFromRows(await readSpreadsheet(withBom(file), 'csv'), context)

    expect(plan.phrases).toEqual([
      {
        rowNumber: 2,
        action: 'create',
        key: 'opening.welcome',
        category: 'opening',
        sourceScript: 'zh-Hant',
        title: { 'zh-Hant': '接通問候' },
        text: { 'zh-Hant': '您好，這裡是{{company}}，\n敝姓{{agent}}。' },
        agentNotes: { 'zh-Hant': '語氣親切' },
        channels: ['phone', 'chat'],
        variables: [
          { name: 'company', fallback: { zhHant: '本公司', zhHans: '本公司' } },
          { name: 'agent', fallback: {} },
        ],
        holiday: null,
        variantOf: null,
        tags: ['問候', '開場'],
        triggers: [],
        validFrom: null,
        validUntil: null,
        order: 1,
      },
      {
        rowNumber: 4,
        action: 'create',
        key: 'holiday.mid_autumn',
        category: 'holiday',
        sourceScript: 'zh-Hans',
        title: { 'zh-Hans': '中秋问候' },
        text: { 'zh-Hans': '中秋节快乐，{{name}}！' },
        agentNotes: {},
        channels: ['sms', 'chat'],
        variables: [{ name: 'name', fallback: { zhHant: '先生／女士', zhHans: '先生／女士' } }],
        holiday: 'mid_autumn',
        variantOf: 'holiday.greeting',
        tags: [],
        triggers: [],
        validFrom: '2026-09-20T00:00:00.000Z',
        validUntil: '2026-09-30T15:59:59.000Z',
        order: 0,
      },
    ])
    expect(plan.errors).toEqual([
      { row: 3, column: 'key', code: 'key_format' },
      { row: 3, column: 'title_zh-Hant', code: 'source_title_missing', params: { script: 'zh-Hant' } },
      { row: 3, column: 'text_zh-Hant', code: 'undeclared_variable', params: { name: 'ghost' } },
      { row: 3, column: 'channels', code: 'unknown_channel', params: { channel: 'fax' } },
      { row: 3, column: 'order', code: 'invalid_order', params: { value: 'x', max: 1_000_000 } },
    ])
  })

  it('plans an update for a key the library already has', () => {
    const plan = phrasesFromRows(sheetOf(goodCells({ key: 'opening.standard' })), context)
    expect(plan.phrases.map((phrase) => [phrase.key, phrase.action])).toEqual([['opening.standard', 'update']])
  })

  it('defaults channels to phone and chat and reads separators 、 ; and ，', () => {
    const channelsOf = (channels: string) => phrasesFromRows(sheetOf(goodCells({ channels })), context).phrases[0].channels
    expect(channelsOf('')).toEqual(['phone', 'chat'])
    expect(channelsOf('Email、sms；phone，chat;email')).toEqual(['email', 'sms', 'phone', 'chat'])
  })

  it('takes the source script from the text when the column is empty, zh-Hant when both are given', () => {
    const sourceOf = (cells: Record<string, string>) =>
      phrasesFromRows(sheetOf({ key: 'opening.a', category: 'opening', ...cells }), context).phrases[0]?.sourceScript
    expect(sourceOf({ 'title_zh-Hans': '标题', 'text_zh-Hans': '正文' })).toBe('zh-Hans')
    expect(sourceOf({ 'title_zh-Hant': '標題', 'text_zh-Hant': '內文', 'text_zh-Hans': '正文' })).toBe('zh-Hant')
    expect(sourceOf({ sourceScript: 'ZH-HANS', 'title_zh-Hans': '标题', 'text_zh-Hant': '內文' })).toBe('zh-Hans')
  })

  it('reads variables separated by new lines, with one fallback for both scripts or one per script', () => {
    const plan = phrasesFromRows(
      sheetOf(goodCells({ 'text_zh-Hant': '{{a}}{{b}}{{c}}', variables: 'a = 100 \nb=|简体\r\nc=繁體|;' })),
      context,
    )
    expect(plan.phrases[0].variables).toEqual([
      { name: 'a', fallback: { zhHant: '100', zhHans: '100' } },
      { name: 'b', fallback: { zhHans: '简体' } },
      { name: 'c', fallback: { zhHant: '繁體' } },
    ])
  })

  it('reports every mistake of one row, not just the first', () => {
    expect(errorsOf({ category: 'nope', validFrom: 'tomorrow', order: '1.5' }).map((error) => error.code)).toEqual([
      'unknown_category',
      'key_category_mismatch',
      'invalid_date',
      'invalid_order',
    ])
  })
})

describe('row checks', () => {
  it.each<[string, Record<string, string>, Omit<RowError, 'row'>[]]>([
    ['missing key', { key: '' }, [{ column: 'key', code: 'required' }]],
    ['malformed key', { key: 'Opening.Welcome' }, [{ column: 'key', code: 'key_format' }]],
    ['key ending in a dot', { key: 'opening.welcome.' }, [{ column: 'key', code: 'key_format' }]],
    ['key too long', { key: 'opening.' + 'x'.repeat(113) }, [{ column: 'key', code: 'key_too_long', params: { max: 120, length: 121 } }]],
    ['missing category', { category: '' }, [{ column: 'category', code: 'required' }]],
    [
      'unknown category',
      { key: 'billing.refund', category: 'billing' },
      [{ column: 'category', code: 'unknown_category', params: { category: 'billing' } }],
    ],
    [
      'key prefix other than the category',
      { category: 'closing' },
      [{ column: 'key', code: 'key_category_mismatch', params: { category: 'closing', prefix: 'opening' } }],
    ],
    ['bad source script', { sourceScript: 'Big5' }, [{ column: 'sourceScript', code: 'invalid_source_script', params: { value: 'Big5' } }]],
    [
      'no title in the source script',
      { sourceScript: 'zh-Hans', 'text_zh-Hans': '您好' },
      [{ column: 'title_zh-Hans', code: 'source_title_missing', params: { script: 'zh-Hans' } }],
    ],
    ['no text in either script', { 'text_zh-Hant': '' }, [{ column: 'text_zh-Hant', code: 'text_missing' }]],
    ['title too long', { 'title_zh-Hans': '长'.repeat(201) }, [{ column: 'title_zh-Hans', code: 'too_long', params: { max: 200, length: 201 } }]],
    ['text too long', { 'text_zh-Hant': '長'.repeat(2001) }, [{ column: 'text_zh-Hant', code: 'too_long', params: { max: 2000, length: 2001 } }]],
    [
      'agent notes too long',
      { 'agentNotes_zh-Hant': '備'.repeat(1001) },
      [{ column: 'agentNotes_zh-Hant', code: 'too_long', params: { max: 1000, length: 1001 } }],
    ],
    ['control character', { tags: 'vip\u0007' }, [{ column: 'tags', code: 'control_character', params: { character: 'U+0007' } }]],
    ['DEL character', { 'title_zh-Hant': '問候\u007f' }, [{ column: 'title_zh-Hant', code: 'control_character', params: { character: 'U+007F' } }]],
    ['replacement character', { 'title_zh-Hant': '問\uFFFD候' }, [{ column: 'title_zh-Hant', code: 'broken_character', params: { character: 'U+FFFD' } }]],
    ['lone surrogate', { 'agentNotes_zh-Hans': '提示\uD83D' }, [{ column: 'agentNotes_zh-Hans', code: 'broken_character', params: { character: 'U+D83D' } }]],
    ['C1 control character', { 'title_zh-Hant': '問候\u0085' }, [{ column: 'title_zh-Hant', code: 'control_character', params: { character: 'U+0085' } }]],
    ['right-to-left override', { 'text_zh-Hant': '您好\u202E' }, [{ column: 'text_zh-Hant', code: 'control_character', params: { character: 'U+202E' } }]],
    ['private-use character', { 'text_zh-Hans': '您好\uE000' }, [{ column: 'text_zh-Hans', code: 'unusable_character', params: { character: 'U+E000' } }]],
    ['noncharacter', { tags: 'vip\uFFFF' }, [{ column: 'tags', code: 'unusable_character', params: { character: 'U+FFFF' } }]],
    ['too many tags', { tags: Array.from({ length: 51 }, (_, i) => `t${i}`).join(',') }, [{ column: 'tags', code: 'too_many', params: { max: 50, count: 51 } }]],
    ['tag too long', { tags: 'vip, ' + 't'.repeat(101) }, [{ column: 'tags', code: 'too_long', params: { max: 100, length: 101 } }]],
    ['too many triggers', { triggers: Array.from({ length: 61 }, (_, i) => `要${i}`).join('、') }, [{ column: 'triggers', code: 'too_many', params: { max: 60, count: 61 } }]],
    ['trigger too long', { triggers: '投訴, ' + '投'.repeat(41) }, [{ column: 'triggers', code: 'too_long', params: { max: 40, length: 41 } }]],
    [
      'too many variables',
      { variables: Array.from({ length: 51 }, (_, i) => `v${i}`).join('; ') },
      [
        { column: 'variables', code: 'too_many', params: { max: 50, count: 51 } },
        { column: 'text_zh-Hant', code: 'undeclared_variable', params: { name: 'company' } },
      ],
    ],
    ['fallback too long', { variables: `company=${'本'.repeat(201)}` }, [{ column: 'variables', code: 'too_long', params: { max: 200, length: 201 } }]],
    ['order out of range', { order: '1000001' }, [{ column: 'order', code: 'invalid_order', params: { value: '1000001', max: 1_000_000 } }]],
    ['unbalanced braces', { 'text_zh-Hant': '您好 {{company}' }, [{ column: 'text_zh-Hant', code: 'unbalanced_braces' }]],
    ['stray closing braces', { 'text_zh-Hant': '您好 company}}' }, [{ column: 'text_zh-Hant', code: 'unbalanced_braces' }]],
    [
      'undeclared placeholder in the other script',
      { 'text_zh-Hans': '您好，{{ghost}}' },
      [{ column: 'text_zh-Hans', code: 'undeclared_variable', params: { name: 'ghost' } }],
    ],
    [
      'bad variable name',
      { 'text_zh-Hant': '{{Company}}', variables: 'Company' },
      [{ column: 'variables', code: 'invalid_variable_name', params: { name: 'Company' } }],
    ],
    [
      'unreadable variable entry',
      { variables: 'company=a|b|c' },
      [
        { column: 'variables', code: 'invalid_variable_entry', params: { entry: 'company=a|b|c' } },
        { column: 'text_zh-Hant', code: 'undeclared_variable', params: { name: 'company' } },
      ],
    ],
    ['variable declared twice', { variables: 'company; company=本公司' }, [{ column: 'variables', code: 'duplicate_variable', params: { name: 'company' } }]],
    ['unknown channel', { channels: 'phone, fax' }, [{ column: 'channels', code: 'unknown_channel', params: { channel: 'fax' } }]],
    ['unknown holiday', { holiday: 'halloween' }, [{ column: 'holiday', code: 'unknown_holiday', params: { holiday: 'halloween' } }]],
    ['variant without holiday', { variantOf: 'opening.standard' }, [{ column: 'variantOf', code: 'variant_needs_holiday' }]],
    [
      'variant of an unknown phrase',
      { holiday: 'mid_autumn', variantOf: 'opening.missing' },
      [{ column: 'variantOf', code: 'unknown_base_phrase', params: { key: 'opening.missing' } }],
    ],
    ['variant of itself', { holiday: 'mid_autumn', variantOf: 'opening.welcome' }, [{ column: 'variantOf', code: 'variant_of_itself' }]],
    ['day that does not exist', { validFrom: '2026-02-30' }, [{ column: 'validFrom', code: 'invalid_date', params: { value: '2026-02-30' } }]],
    ['not ISO 8601', { validUntil: '2026/03/01' }, [{ column: 'validUntil', code: 'invalid_date', params: { value: '2026/03/01' } }]],
    ['hour 24', { validFrom: '2026-03-01T24:00' }, [{ column: 'validFrom', code: 'invalid_date', params: { value: '2026-03-01T24:00' } }]],
    ['validFrom equal to validUntil', { validFrom: '2026-03-01T08:00:00+08:00', validUntil: '2026-03-01' }, [{ column: 'validUntil', code: 'date_order' }]],
    ['validFrom after validUntil', { validFrom: '2026-04-01', validUntil: '2026-03-01' }, [{ column: 'validUntil', code: 'date_order' }]],
    ['fractional order', { order: '1.5' }, [{ column: 'order', code: 'invalid_order', params: { value: '1.5', max: 1_000_000 } }]],
  ])('%s', (_name, overrides, expected) => {
    expect(errorsOf(overrides)).toEqual(expected)
  })

  it.each<[string, Record<string, string>]>([
    ['variant of a saved phrase', { holiday: 'mid_autumn', variantOf: 'opening.standard' }],
    ['date-time with a space and no seconds', { validFrom: '2026-03-01 09:30', validUntil: '2026-03-01T09:31Z' }],
    ['negative order', { order: '-3' }],
    ['spaced placeholder', { 'text_zh-Hant': '您好，{{ company }}' }],
  ])('accepts a %s', (_name, overrides) => {
    expect(errorsOf(overrides)).toEqual([])
  })

  it('names both rows of a duplicate key', () => {
    const plan = phrasesFromRows(sheetOf(goodCells(), goodCells({ key: 'opening.other' }), goodCells()), context)
    expect(plan.errors).toEqual([
      { row: 2, column: 'key', code: 'duplicate_key', params: { key: 'opening.welcome', rows: '2, 4' } },
      { row: 4, column: 'key', code: 'duplicate_key', params: { key: 'opening.welcome', rows: '2, 4' } },
    ])
    expect(plan.phrases.map((phrase) => phrase.key)).toEqual(['opening.other'])
  })

  it('accepts a variant whose base phrase comes later in the same file', () => {
    const plan = phrasesFromRows(
      sheetOf(goodCells({ key: 'opening.festive', holiday: 'spring_festival', variantOf: 'opening.welcome' }), goodCells()),
      context,
    )
    expect(plan.errors).toEqual([])
    expect(plan.phrases.map((phrase) => [phrase.key, phrase.variantOf])).toEqual([
      ['opening.festive', 'opening.welcome'],
      ['opening.welcome', null],
    ])
  })

  it('converts a date-time with an offset to UTC', () => {
    const [phrase] = phrasesFromRows(sheetOf(goodCells({ validFrom: '2026-01-01T09:00:00.5+08:00' })), context).phrases
    expect(phrase.validFrom).toBe('2026-01-01T01:00:00.500Z')
  })
})

const exported: ExportablePhrase[] = [
  {
    key: 'opening.welcome',
    category: 'opening',
    sourceScript: 'zh-Hant',
    title: { 'zh-Hant': '接通問候', 'zh-Hans': '接通问候' },
    text: { 'zh-Hant': '您好，這裡是{{company}}，\n我是{{agent}}。', 'zh-Hans': '您好，这里是{{company}}，\n我是{{agent}}。' },
    agentNotes: { 'zh-Hant': '語氣親切, "微笑"' },
    channels: ['phone', 'email', 'sms'],
    variables: [
      { name: 'company', fallback: { zhHant: '本公司', zhHans: '本公司' } },
      { name: 'agent', fallback: { zhHant: '客服專員' } },
      { name: 'unused', fallback: {} },
    ],
    holiday: null,
    variantOf: null,
    tags: ['問候', 'vip'],
    triggers: ['你好', '在嗎'],
    validFrom: '2026-01-01T00:00:00.000Z',
    validUntil: '2026-12-31T15:59:59.000Z',
    order: 10,
    workflowState: 'published',
    version: '2026-11-24T08:00:00.000Z',
  },
  {
    key: 'holiday.mid_autumn',
    category: 'holiday',
    sourceScript: 'zh-Hans',
    title: { 'zh-Hans': '中秋问候' },
    text: { 'zh-Hans': '中秋快乐！' },
    agentNotes: {},
    channels: ['chat'],
    variables: [],
    holiday: 'mid_autumn',
    variantOf: 'opening.welcome',
    tags: [],
    triggers: [],
    validFrom: null,
    validUntil: null,
    order: -1,
  },
]

describe('export', () => {
  it.each(['xlsx', 'csv'] as const)('re-imports a %s export as the same phrases', async (format) => {
    const bytes = await writeSpreadsheet(phrasesToRows(exported), EXPORT_COLUMNS, format)
    const plan = phrasesFromRows(await readSpreadsheet(bytes, format), context)
    expect(plan.errors).toEqual([])
    const expected = exported.map(({ workflowState: _state, version: _version, ...phrase }) => phrase)
    expect(plan.phrases.map(({ rowNumber: _row, action: _action, ...phrase }) => phrase)).toEqual(expected)
    expect(plan.phrases.map((phrase) => phrase.rowNumber)).toEqual([2, 3])
  })

  it('writes the export-only columns and the variables syntax', () => {
    const [row] = phrasesToRows(exported)
    expect(row).toMatchObject({
      variables: 'company=本公司|本公司; agent=客服專員|; unused',
      channels: 'phone, email, sms',
      workflowState: 'published',
      updatedAt: '2026-11-24T08:00:00.000Z',
      'title_zh-Hans': '接通问候',
      'agentNotes_zh-Hans': '',
    })
    expect(Object.keys(row).sort()).toEqual([...EXPORT_COLUMNS].sort())
  })

  it('writes CSV as UTF-8 with a BOM and CRLF rows, quoting multi-line cells', async () => {
    const bytes = await writeSpreadsheet(phrasesToRows(exported), EXPORT_COLUMNS, 'csv')
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8').slice(1)
    expect(text.startsWith(EXPORT_COLUMNS.join(',') + '\r\n')).toBe(true)
    expect(text).toContain('"您好，這裡是{{company}}，\n我是{{agent}}。"')
    expect(text).toContain('"語氣親切, ""微笑"""')
    expect(text.endsWith('\r\n')).toBe(true)
  })

  it('writes XLSX as one sheet 話術 with a bold, frozen header', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(new Uint8Array(await writeSpreadsheet(phrasesToRows(exported), EXPORT_COLUMNS, 'xlsx')).buffer)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['話術'])
    const [sheet] = workbook.worksheets
    expect(sheet.getCell('A1').value).toBe('key')
    expect(sheet.getCell('A1').font?.bold).toBe(true)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.getColumn('A').width).toBe(20) // 'holiday.mid_autumn' + 2
    expect(sheet.getColumn(EXPORT_COLUMNS.indexOf('text_zh-Hant') + 1).width).toBe(27) // 您好，這裡是 and ， (7 × 2) + {{company}} (11) + 2
  })
})

describe('regional columns', () => {
  it('reads a region\'s own text beside the scripts, checked like them', async () => {
    const file =
      'key,category,title_zh-Hant,text_zh-Hant,text_zh-TW,title_zh-HK,text_zh-HK\r\n' +
      'opening.morning_tw,opening,早上問候,早上好，請問有什麼可以幫您？,早安，請問有什麼可以幫您？,,\r\n' +
      'opening.morning_hk,opening,早上問候,早上好，{{name}}！,,,早晨，{{ghost}}！\r\n'
    const plan = phrasesFromRows(await readSpreadsheet(utf8(file), 'csv'), context)
    expect(plan.phrases).toHaveLength(1)
    expect(plan.phrases[0]!.text).toEqual({ 'zh-Hant': '早上好，請問有什麼可以幫您？', 'zh-TW': '早安，請問有什麼可以幫您？' })
    // A region's text is checked as the scripts are: its placeholders must be declared.
    expect(plan.errors).toContainEqual({ row: 3, column: 'text_zh-HK', code: 'undeclared_variable', params: { name: 'ghost' } })
  })

  it('exports every region\'s text in its own column', () => {
    const [row] = phrasesToRows([{ ...exported[0]!, text: { ...exported[0]!.text, 'zh-TW': '您好，這裡是{{company}}。' } }])
    expect(row).toMatchObject({ 'text_zh-TW': '您好，這裡是{{company}}。', 'text_zh-HK': '', 'title_zh-CN': '' })
    expect(PHRASE_COLUMN_NAMES).toEqual(expect.arrayContaining(['title_zh-TW', 'text_zh-HK', 'agentNotes_zh-CN']))
  })
})

describe('import template', () => {
  it.each(['xlsx', 'csv'] as const)('the %s template imports without errors', async (format) => {
    const sheet = await readSpreadsheet(await importTemplate(format), format)
    expect(sheet.header).toEqual(PHRASE_COLUMN_NAMES)
    const plan = phrasesFromRows(sheet, { ...context, existingKeys: new Set() })
    expect(plan.errors).toEqual([])
    expect(plan.phrases).toHaveLength(1)
    expect(plan.phrases[0]).toMatchObject({
      key: 'opening.example',
      category: 'opening',
      sourceScript: 'zh-Hant',
      action: 'create',
      variables: [{ name: 'company', fallback: { zhHant: '本公司', zhHans: '本公司' } }],
    })
    expect(plan.phrases[0].text['zh-Hant']).toContain('{{company}}')
  })

  it('explains every column on the 說明 sheet of the XLSX template', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(new Uint8Array(await importTemplate('xlsx')).buffer)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['話術', '說明'])
    const guide = workbook.getWorksheet('說明')!
    expect(guide.rowCount).toBe(PHRASE_COLUMNS.length + 1)
    expect(guide.getRow(2).values).toEqual([
      undefined,
      'key',
      '是 yes',
      PHRASE_COLUMNS[0].description['zh-TW'],
      PHRASE_COLUMNS[0].description.zh,
      PHRASE_COLUMNS[0].description.en,
    ])
    expect(guide.getCell('B4').value).toBe('否 no') // sourceScript
  })
})

describe('messages', () => {
  const undeclared: RowError = { row: 3, column: 'text_zh-Hans', code: 'undeclared_variable', params: { name: 'ghost' } }

  it('describes a cell error in Traditional Chinese, Simplified Chinese and English', () => {
    expect(describeRowError(undeclared, 'zh-TW')).toBe('第 3 列「text_zh-Hans」：使用了未宣告的變數 {{ghost}}')
    expect(describeRowError(undeclared, 'zh')).toBe('第 3 行“text_zh-Hans”：使用了未声明的变量 {{ghost}}')
    expect(describeRowError(undeclared, 'en')).toBe('Row 3, column "text_zh-Hans": Uses the undeclared variable {{ghost}}')
  })

  it('fills every param and leaves values that look like placeholders alone', () => {
    const error: RowError = { row: 7, column: 'key', code: 'duplicate_key', params: { key: '{{rows}}', rows: '2, 7' } }
    expect(describeRowError(error, 'zh-TW')).toBe('第 7 列「key」：鍵值「{{rows}}」在檔案中重複出現（第 2, 7 列）')
    expect(describeRowError({ row: 4, code: 'date_order' }, 'en')).toBe('Row 4: validUntil must be after validFrom')
  })

  it('describes file errors', async () => {
    const error = await readError(readSpreadsheet(utf8('key\nopening.a\n'), 'csv'))
    expect(describeSpreadsheetError(error, 'zh-TW')).toBe('缺少必要欄位：category')
    expect(describeSpreadsheetError(error, 'zh')).toBe('缺少必填列：category')
    expect(describeSpreadsheetError(error, 'en')).toBe('Required columns are missing: category')
  })
})
