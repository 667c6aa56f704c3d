/** XLSX and CSV import and export of phrases: read a file, plan its rows, write phrases back. */
export {
  EXPORT_COLUMNS,
  EXPORT_ONLY_COLUMNS,
  type Language,
  PHRASE_COLUMN_NAMES,
  PHRASE_COLUMNS,
  type PhraseColumn,
} from './columns'
export {
  describeRowError,
  describeSpreadsheetError,
  type ImportContext,
  type ImportedPhrase,
  type ImportPlan,
  type PhraseVariable,
  phrasesFromRows,
  type RowError,
  type RowErrorCode,
  type ScriptTexts,
} from './phraseRows'
export {
  formatOf,
  MAX_IMPORT_ROWS,
  readSpreadsheet,
  SpreadsheetError,
  type SpreadsheetErrorCode,
  type SpreadsheetFormat,
  type SheetRow,
  type SheetRows,
} from './read'
export { type ExportablePhrase, importTemplate, phrasesToRows, writeSpreadsheet } from './write'
