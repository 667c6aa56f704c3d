import type { CollectionBeforeOperationHook, CollectionConfig, CollectionSlug, Field, FieldHook, PayloadRequest } from 'payload'
import { APIError, NotFound, ValidationError } from 'payload'
import { validations } from 'payload/shared'
import { getTranslation } from '@payloadcms/translations'

import { isStorableId } from '../../src/domain/documentIds'
import { isoInstant } from '../../src/domain/isoTime'
import { MAX_LIMIT } from '../../src/domain/queryBounds'
import { type QueryField, type QuerySchema, whereProblem } from '../../src/domain/whereCheck'
import { characterProblem } from '../../src/domain/textInput'
import type { AdminMessageKey } from '../../src/i18n/adminTranslations'

/** Bounds for fields that name none of their own: generous, but no field is unbounded. */
const DEFAULT_BOUNDS = { textLength: 500, textareaLength: 5_000, rows: 100, number: 1_000_000_000 }

type Options = { req: PayloadRequest; event?: 'onChange' | 'submit'; relationTo?: unknown; min?: number; max?: number; hasMany?: boolean; previousValue?: unknown }
type Outcome = string | true
type Check = (value: unknown, options: Options) => Outcome | Promise<Outcome>

/** The request's language for our own messages (Payload's `t` is typed for its own keys only). */
export const say = (req: PayloadRequest, key: AdminMessageKey, vars: Record<string, unknown> = {}): string =>
  (req.t as unknown as (key: string, vars: Record<string, unknown>) => string)(key, vars)

const eachValue = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value])

/** Text is text, without characters nobody can see or that are damage (src/domain/textInput.ts). */
const checkText: Check = (value, { req, hasMany }) => {
  if (Array.isArray(value) && !hasMany) return say(req, 'phrasebook:input_not_text')
  for (const item of eachValue(value)) {
    if (item === null || item === undefined) continue
    if (typeof item !== 'string') return say(req, 'phrasebook:input_not_text')
    const problem = characterProblem(item)
    if (problem) return say(req, `phrasebook:input_${problem.code}`, { character: problem.character })
  }
  return true
}

/** A relation names a document that exists: the database would refuse it with an error, not a message. */
const checkRelation: Check = async (value, { req, event, relationTo, hasMany, previousValue }) => {
  if (value === null || value === undefined || typeof relationTo !== 'string') return true
  if (hasMany ? !Array.isArray(value) : typeof value !== 'string' && typeof value !== 'number') return req.t('validation:invalidInput')
  // The admin validates as people type; existence is checked on save, and only of what the save changes.
  if (event === 'onChange' || JSON.stringify(eachValue(value).map(String)) === JSON.stringify(eachValue(previousValue ?? []).map(String))) return true
  const ids = [...new Set(eachValue(value).filter((id) => id !== null && id !== undefined))]
  const storable = ids.filter((id) => isStorableId(id, req.payload.db.defaultIDType))
  const found = storable.length
    ? await req.payload.find({ collection: relationTo as CollectionSlug, where: { id: { in: storable } }, depth: 0, limit: storable.length, pagination: false, overrideAccess: true, req, select: {} })
    : { docs: [] }
  const foundIds = new Set(found.docs.map((doc) => String(doc.id)))
  const missing = ids.filter((id) => !foundIds.has(String(id)))
  if (missing.length === 0) return true
  const label = req.payload.collections[relationTo as CollectionSlug]?.config.labels.singular
  return say(req, 'phrasebook:input_no_such_document', { ids: missing.map(String).join(', '), collection: label ? getTranslation(label, req.i18n) : relationTo })
}

/** A date names an instant that exists (Date.parse reads 2027-02-30 as 2 March). */
const checkDate: Check = (value, { req }) =>
  value === null || value === undefined || isoInstant(value) !== null || say(req, 'phrasebook:input_invalid_date', { value: String(value) })

/** Numbers people write here are counts, days and positions: whole, and within the field's bounds. */
const checkNumber: Check = (value, { req, min = -DEFAULT_BOUNDS.number, max = DEFAULT_BOUNDS.number }) => {
  for (const item of eachValue(value)) {
    if (item === null || item === undefined) continue
    if (typeof item !== 'number' || !Number.isInteger(item) || item < min || item > max) return say(req, 'phrasebook:input_whole_number', { min, max })
  }
  return true
}

/** One option, or a list of them for a many-valued select (Payload checks which options; not that a value is one). */
const checkSelect: Check = (value, { req, hasMany }) => {
  if (value === null || value === undefined) return true
  const shapeOk = hasMany ? Array.isArray(value) && value.every((item) => typeof item === 'string') : typeof value === 'string'
  return shapeOk || req.t('validation:invalidSelection')
}

const CHECKS: Partial<Record<Field['type'], Check>> = {
  text: checkText,
  textarea: checkText,
  relationship: checkRelation,
  upload: checkRelation,
  date: checkDate,
  number: checkNumber,
  select: checkSelect,
}

/** The field's bounds where it names none. */
function bounded(field: Field): Field {
  switch (field.type) {
    case 'text':
      return field.hasMany
        ? { ...field, maxLength: field.maxLength ?? DEFAULT_BOUNDS.textLength, maxRows: field.maxRows ?? DEFAULT_BOUNDS.rows }
        : { ...field, maxLength: field.maxLength ?? DEFAULT_BOUNDS.textLength }
    case 'textarea':
      return { ...field, maxLength: field.maxLength ?? DEFAULT_BOUNDS.textareaLength }
    case 'array':
      return { ...field, maxRows: field.maxRows ?? DEFAULT_BOUNDS.rows }
    default:
      return field
  }
}

/**
 * A field whose validation runs Payload's own check for its type (length, required, options),
 * then the field's own rule, then ours. A field's own `validate` replaces Payload's in Payload,
 * which is how a text once lost its maximum length; here nothing replaces anything.
 */
function checkedField(original: Field): Field {
  const field = withCheckedChildren(bounded(original))
  if (!('name' in field) || field.type === 'ui' || field.type === 'join') return field
  const payloadCheck = (validations as unknown as Record<string, Check | undefined>)[field.type]
  const ownCheck = 'validate' in field ? (field.validate as Check | undefined) : undefined
  const ourCheck = CHECKS[field.type]
  if (!ownCheck && !ourCheck) return field
  return {
    ...field,
    validate: async (value: unknown, options: Options) => {
      const checks = [payloadCheck && ((v: unknown, o: Options) => payloadCheck(v, { ...field, ...o } as Options)), ownCheck, ourCheck]
      for (const check of checks) {
        const outcome = check ? await check(value, options) : true
        if (outcome !== true) return outcome
      }
      return true
    },
  } as Field
}

function withCheckedChildren(field: Field): Field {
  if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: tab.fields.map(checkedField) })) }
  if ((field.type === 'group' && 'name' in field) || field.type === 'array') {
    const shape = field.type === 'array' ? arrayShape : groupShape
    return { ...field, fields: field.fields.map(checkedField), hooks: { ...field.hooks, beforeValidate: [shape, ...(field.hooks?.beforeValidate ?? [])] } } as Field
  }
  if ('fields' in field) return { ...field, fields: field.fields.map(checkedField) } as Field
  return field
}

/**
 * Payload reads the rows of an array and the fields of a group before any validation, and fails
 * on `null` (and the database adapter on a group that is a list): null is empty; a value of
 * another shape is refused.
 */
const containerShape =
  (empty: () => unknown, fits: (value: object) => boolean): FieldHook =>
  ({ value, req, path, collection }) => {
    if (value === null) return empty()
    if (value === undefined || (typeof value === 'object' && fits(value))) return value
    throw new ValidationError({ collection: collection?.slug, errors: [{ path: path.join('.'), message: req.t('validation:invalidInput') }] }, req.t)
  }
const groupShape = containerShape(() => ({}), (value) => !Array.isArray(value))
const arrayShape = containerShape(() => [], Array.isArray)

const WRITES = ['create', 'update']

/**
 * Every operation has a locale: the default when the request names none (Payload fails on a
 * query of a localized field without one), and for a write one the library has, so a typo never
 * writes a title into no locale at all. Reads are not refused for theirs unless they sort or
 * filter by a localized field: Payload reads the signed-in person in the request's locale, and
 * endpoints such as the preview take delivery locales (zh-TW) in the same parameter.
 */
const requireKnownLocale: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  const localization = req.payload.config.localization
  if (!localization) return args
  if (req.locale === undefined || req.locale === null) req.locale = localization.defaultLocale as PayloadRequest['locale']
  const locale = String(req.locale)
  if (localization.localeCodes.includes(locale)) return args
  // A read in another locale (or in all) is fine until it sorts or filters by a localized field:
  // the database has no such values to order by (PostgreSQL fails on the locale itself).
  if (!WRITES.includes(operation) && (locale === 'all' || !queriesLocalizedField(args as QueryArgs, collection.flattenedFields as QueryField[]))) return args
  throw new APIError(say(req, 'phrasebook:input_unknown_locale', { locale, allowed: localization.localeCodes.join(', ') }), 400)
}

type QueryArgs = { sort?: unknown; where?: unknown }

/** Whether a query's sort or conditions name a localized field (by its first path segment). */
function queriesLocalizedField({ sort, where }: QueryArgs, fields: QueryField[]): boolean {
  const localized = (path: string) => fields.some((field) => field.name === path.replace(/^-/, '').split('.')[0] && field.localized === true)
  const sorts = (Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : []).map(String)
  const named = (condition: unknown): boolean =>
    typeof condition === 'object' &&
    condition !== null &&
    Object.entries(condition).some(([key, value]) =>
      key === 'and' || key === 'or' ? Array.isArray(value) && value.some(named) : localized(key),
    )
  return sorts.some(localized) || named(where)
}

/**
 * A query's conditions fit the fields they name (src/domain/whereCheck.ts), and a page is a page:
 * the database would fail on the rest rather than find nothing.
 */
const checkQuery: CollectionBeforeOperationHook = ({ args, collection, overrideAccess, req }) => {
  const { where, page, limit, pagination } = args as { where?: unknown; page?: unknown; limit?: unknown; pagination?: unknown }
  if (page !== undefined && page !== null && !(Number.isSafeInteger(page) && (page as number) >= 1 && (page as number) <= 1_000_000)) {
    throw new APIError(say(req, 'phrasebook:input_invalid_page'), 400)
  }
  // GraphQL, like REST (src/server/protection.ts), pages through lists; only server code reads
  // everything (which includes Payload's own reads for a GraphQL request, such as the API key's).
  if (req.payloadAPI === 'GraphQL' && !overrideAccess && (pagination === false || (limit !== undefined && !(Number.isInteger(limit) && (limit as number) >= 1 && (limit as number) <= MAX_LIMIT)))) {
    throw new APIError(say(req, 'phrasebook:graphql_paging', { max: MAX_LIMIT }), 400)
  }
  if (where === undefined || where === null) return args
  const schema: QuerySchema = {
    fieldsOf: (slug) => req.payload.collections[slug as CollectionSlug]?.config.flattenedFields as QueryField[] | undefined,
    idType: req.payload.db.defaultIDType,
    localeCodes: req.payload.config.localization ? req.payload.config.localization.localeCodes : [],
    answersAll: req.payload.db.name === 'mongoose',
  }
  const problem = whereProblem(where, collection.flattenedFields as QueryField[], schema)
  if (problem) throw new APIError(say(req, `phrasebook:${problem.problem}`, problem.values), 400)
  return args
}

/** An id no document can have is "not found" before it reaches the database, which would fail on it. */
const refuseImpossibleIds: CollectionBeforeOperationHook = ({ args, req }) => {
  const id = (args as { id?: unknown }).id
  if (id !== undefined && id !== null && !isStorableId(id, req.payload.db.defaultIDType)) throw new NotFound(req.t)
  return args
}

/** A write carries a document: an object (a body Payload could not read leaves none, and Payload fails on that). */
const requireDocument: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const data = (args as { data?: unknown }).data
  if (WRITES.includes(operation) && (typeof data !== 'object' || data === null || Array.isArray(data))) {
    throw new APIError(say(req, 'phrasebook:input_no_document'), 400)
  }
  return args
}

/** `_status` (drafts) is "draft" or "published"; Payload stores anything else as given. */
const requireKnownStatus: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const status = (args as { data?: { _status?: unknown } }).data?._status
  if (WRITES.includes(operation) && status !== undefined && status !== 'draft' && status !== 'published') {
    throw new APIError(req.t('validation:invalidSelection'), 400)
  }
  return args
}

/** Only the server stamps createdAt and updatedAt; a client's values are ignored, like its `id`. */
const keepServerTimestamps: CollectionBeforeOperationHook = ({ args, operation, overrideAccess }) => {
  const data = (args as { data?: Record<string, unknown> }).data
  if (WRITES.includes(operation) && !overrideAccess && data) {
    delete data.createdAt
    delete data.updatedAt
  }
  return args
}

/**
 * What every collection people write checks on every write, whatever the way in (admin, REST,
 * GraphQL, import, Local API): text is text without control, broken or private-use characters;
 * every field is bounded; relations name documents that exist; dates exist; numbers are whole.
 */
export function checkedInput(collection: CollectionConfig): CollectionConfig {
  return { ...collection, fields: collection.fields.map(checkedField) }
}

/**
 * What every operation on every collection checks before it reaches the database: the locale is
 * one of the library's, the id is one a document can have, a query's conditions fit its fields,
 * a write carries a document whose `_status` is one there is, and timestamps are the server's.
 */
export function guardedOperations(collection: CollectionConfig): CollectionConfig {
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [requireKnownLocale, refuseImpossibleIds, checkQuery, requireDocument, requireKnownStatus, keepServerTimestamps, ...(collection.hooks?.beforeOperation ?? [])],
    },
  }
}
