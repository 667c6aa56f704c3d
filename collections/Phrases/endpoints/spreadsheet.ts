import { addDataAndFileToRequest, type Endpoint, type PayloadRequest, type Where } from 'payload'

import { hasRole, isPerson } from '../../../src/access'
import { errorResponse } from '../../../src/errorResponse'
import {
  describeRowError,
  describeSpreadsheetError,
  EXPORT_COLUMNS,
  type ExportablePhrase,
  formatOf,
  importTemplate,
  type Language,
  phrasesFromRows,
  phrasesToRows,
  readSpreadsheet,
  SpreadsheetError,
  type SpreadsheetFormat,
  writeSpreadsheet,
} from '../../../src/spreadsheet'
import { importRows, type ImportReferences, ImportWriteError } from '../importRows'

/** An upload larger than this is refused before it is read (5,000 rows fit in far less). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024

const CONTENT_TYPES: Record<SpreadsheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
}

const languageOf = (req: PayloadRequest): Language => {
  const language = req.i18n?.language
  return language === 'zh' || language === 'en' ? language : 'zh-TW'
}

const formatParam = (req: PayloadRequest): SpreadsheetFormat | null => {
  const format = req.searchParams.get('format') ?? 'xlsx'
  return format === 'xlsx' || format === 'csv' ? format : null
}

function download(bytes: Buffer, format: SpreadsheetFormat, fileName: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': `attachment; filename="${fileName}.${format}"; filename*=UTF-8''${encodeURIComponent(fileName)}.${format}`,
    },
  })
}

type Named = { id: number | string }
const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as Named).id : (value as number | string | null))

/** Ids of the library's categories, holidays and phrases by the names a sheet uses. */
async function references(req: PayloadRequest): Promise<ImportReferences> {
  const all = { pagination: false, depth: 0, overrideAccess: true, req } as const
  const [categories, holidays, phrases] = await Promise.all([
    req.payload.find({ collection: 'categories', ...all, select: { slug: true } }),
    req.payload.find({ collection: 'holidays', ...all, select: { code: true } }),
    req.payload.find({ collection: 'phrases', ...all, select: { key: true } }),
  ])
  return {
    categories: new Map(categories.docs.map((c) => [c.slug, c.id])),
    holidays: new Map(holidays.docs.map((h) => [h.code, h.id])),
    phrases: new Map(phrases.docs.map((p) => [p.key, p.id])),
  }
}

/** `GET /api/phrases/import-template?format=xlsx|csv`: the columns, an example row and (XLSX) what each column means. */
export const importTemplateEndpoint: Endpoint = {
  path: '/import-template',
  method: 'get',
  handler: async (req) => {
    if (!isPerson(req.user)) return errorResponse(401, 'unauthorized', 'Sign in to download the import template.')
    const format = formatParam(req)
    if (!format) return errorResponse(400, 'invalid_format', 'format must be xlsx or csv.')
    return download(await importTemplate(format), format, 'phrasebook-import-template')
  },
}

/**
 * `POST /api/phrases/import?dryRun=true|false` (multipart, field `file`, .xlsx or .csv): every
 * row is checked first; any problem is a 422 listing each row and column in the user's language,
 * and nothing is written. A dry run stops there; otherwise all rows are saved as drafts for review.
 */
export const importEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    if (!isPerson(req.user)) return errorResponse(401, 'unauthorized', 'Sign in to import phrases.')
    if (!hasRole(req.user, 'admin', 'editor', 'reviewer')) return errorResponse(403, 'forbidden', 'Only editors and reviewers import phrases.')
    const dryRun = req.searchParams.get('dryRun') !== 'false'
    await addDataAndFileToRequest(req)
    const file = req.file
    if (!file) return errorResponse(400, 'file_required', 'Send the spreadsheet as multipart form data in the field "file".')
    if (file.size > MAX_IMPORT_BYTES) return errorResponse(413, 'file_too_large', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`)
    const format = formatOf(file.name, file.mimetype)
    if (!format) return errorResponse(415, 'unsupported_file', 'Upload an .xlsx or .csv file.')
    const language = languageOf(req)

    let sheet
    try {
      sheet = await readSpreadsheet(new Uint8Array(file.data), format)
    } catch (error) {
      if (error instanceof SpreadsheetError) return errorResponse(400, error.code, describeSpreadsheetError(error, language))
      throw error
    }
    const refs = await references(req)
    const plan = phrasesFromRows(sheet, {
      categories: new Set(refs.categories.keys()),
      holidays: new Set(refs.holidays.keys()),
      existingKeys: new Set(refs.phrases.keys()),
    })
    const summary = {
      dryRun,
      created: plan.phrases.filter((p) => p.action === 'create').length,
      updated: plan.phrases.filter((p) => p.action === 'update').length,
      phrases: plan.phrases.map((p) => ({ row: p.rowNumber, key: p.key, action: p.action })),
    }
    if (plan.errors.length) {
      const message = (req.i18n.t as (key: string, values: object) => string)('phrasebook:importErrors', { count: plan.errors.length })
      return errorResponse(422, 'invalid_rows', message, {
        errors: plan.errors.map((e) => ({ ...e, message: describeRowError(e, language) })),
        ...summary,
      })
    }
    if (dryRun) return Response.json(summary)
    try {
      await importRows(req, plan.phrases, refs)
    } catch (error) {
      if (!(error instanceof ImportWriteError)) throw error
      return errorResponse(422, 'row_not_saved', error.message, { errors: [{ row: error.row, code: 'not_saved', message: error.reason }], ...summary })
    }
    return Response.json(summary)
  },
}

/**
 * `GET /api/phrases/export?format=xlsx|csv&where[...]`: the latest version of every phrase the
 * person may read, or those matching the list's filter, in the import's columns (so an export
 * can be edited and imported back) plus the review state.
 */
export const exportEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req) => {
    if (!isPerson(req.user)) return errorResponse(401, 'unauthorized', 'Sign in to export phrases.')
    const format = formatParam(req)
    if (!format) return errorResponse(400, 'invalid_format', 'format must be xlsx or csv.')
    const where = (req.query?.where ?? undefined) as Where | undefined
    const refs = await references(req)
    const names = {
      categories: new Map([...refs.categories].map(([slug, id]) => [String(id), slug])),
      holidays: new Map([...refs.holidays].map(([code, id]) => [String(id), code])),
      phrases: new Map([...refs.phrases].map(([key, id]) => [String(id), key])),
    }
    let docs
    try {
      ;({ docs } = await req.payload.find({
        collection: 'phrases',
        where,
        draft: true,
        locale: 'all',
        depth: 0,
        pagination: false,
        sort: 'key',
        overrideAccess: false,
        user: req.user,
        req,
      }))
    } catch (error) {
      const status = (error as { status?: number }).status
      if (status && status < 500) return errorResponse(400, 'invalid_filter', String((error as Error).message))
      throw error
    }
    const phrases: ExportablePhrase[] = docs.map((doc) => {
      const d = doc as unknown as Record<string, any>
      return {
        key: d.key,
        category: names.categories.get(String(idOf(d.category))) ?? '',
        sourceScript: d.sourceScript,
        title: d.title ?? {},
        text: d.text ?? {},
        agentNotes: d.agentNotes ?? {},
        channels: d.channels ?? [],
        variables: (d.variables ?? []).map((v: Record<string, any>) => ({
          name: v.name,
          fallback: { zhHant: v.fallback?.zhHant ?? undefined, zhHans: v.fallback?.zhHans ?? undefined },
        })),
        holiday: d.holiday ? (names.holidays.get(String(idOf(d.holiday))) ?? null) : null,
        variantOf: d.variantOf ? (names.phrases.get(String(idOf(d.variantOf))) ?? null) : null,
        tags: d.tags ?? [],
        triggers: d.triggers ?? [],
        validFrom: d.validFrom ?? null,
        validUntil: d.validUntil ?? null,
        order: d.order ?? 0,
        workflowState: d.workflowState,
        version: d.updatedAt,
      }
    })
    const stamp = new Date().toISOString().slice(0, 10)
    return download(await writeSpreadsheet(phrasesToRows(phrases), [...EXPORT_COLUMNS], format), format, `phrasebook-${stamp}`)
  },
}

export const spreadsheetEndpoints: Endpoint[] = [importTemplateEndpoint, importEndpoint, exportEndpoint]
