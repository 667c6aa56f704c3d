import type ExcelJS from 'exceljs'

/** exceljs, loaded with the first XLSX file (it takes about a third of a second), not at every start. */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default
}
