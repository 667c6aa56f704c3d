import type { CollectionBeforeOperationHook, CollectionConfig, CollectionSlug, Field, FieldHook, PayloadRequest } from 'payload'
import { APIError, NotFound, ValidationError } from 'payload'
import { validations } from 'payload/shared'
import { getTranslation } from '@payloadcms/translations'

import { isStorableId } from '../../src/domain/documentIds'
import { isoInstant } from '../../src/domain/isoTime'
import { characterProblem } from '../../src/domain/textInput'
import type { AdminMessageKey } from '../../src/i18n/adminTranslations'

/** Bounds for fields that name none of their own: generous, but no field is unbounded. */
const DEFAULT_BOUNDS = { textLength: 500, textareaLength: 5_000, rows: 100, number: 1_000_000_000 }

type Options = { req: PayloadRequest; event?: 'onChange' | 'submit'; relationTo?: unknown; min?: number; max?: number; hasMany?: boolean }
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
const checkRelation: Check = async (value, { req, event, relationTo }) => {
  // The admin validates as people type; existence is checked on save.
  if (event === 'onChange' || typeof relationTo !== 'string' || value === null || value === undefined) return true
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
  value === null || value === undefined || value === '' || isoInstant(value) !== null || say(req, 'phrasebook:input_invalid_date', { value: String(value) })

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
  if (field.type === 'group' && 'name' in field) {
    return { ...field, fields: field.fields.map(checkedField), hooks: { ...field.hooks, beforeValidate: [groupIsObject, ...(field.hooks?.beforeValidate ?? [])] } }
  }
  if ('fields' in field) return { ...field, fields: field.fields.map(checkedField) } as Field
  return field
}

/**
 * Payload reads a group's fields out of its value before any validation, and fails on `null`:
 * null is an empty group; anything but an object is refused.
 */
const groupIsObject: FieldHook = ({ value, req, path, collection }) => {
  if (value === null) return {}
  if (value === undefined || (typeof value === 'object' && !Array.isArray(value))) return value
  throw new ValidationError({ collection: collection?.slug, errors: [{ path: path.join('.'), message: req.t('validation:invalidInput') }] }, req.t)
}

/** Every operation is in a locale the library has: a typo must not write a title into no locale at all. */
const requireKnownLocale: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const locale = req.locale
  const codes = req.payload.config.localization ? req.payload.config.localization.localeCodes : []
  const reading = operation === 'read' || operation === 'count' || operation === 'countVersions' || operation === 'readDistinct'
  if (locale === undefined || locale === null || codes.includes(String(locale)) || (reading && locale === 'all')) return args
  throw new APIError(say(req, 'phrasebook:input_unknown_locale', { locale: String(locale), allowed: codes.join(', ') }), 400)
}

/** An id no document can have is "not found" before it reaches the database, which would fail on it. */
const refuseImpossibleIds: CollectionBeforeOperationHook = ({ args, req }) => {
  const id = (args as { id?: unknown }).id
  if (id !== undefined && id !== null && !isStorableId(id, req.payload.db.defaultIDType)) throw new NotFound(req.t)
  return args
}

/** Only the server stamps createdAt and updatedAt; a client's values are ignored, like its `id`. */
const keepServerTimestamps: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const data = (args as { data?: Record<string, unknown> }).data
  if ((operation === 'create' || operation === 'update') && req.payloadAPI !== 'local' && data && typeof data === 'object') {
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
 * one of the library's, the id is one a document can have, and timestamps are the server's.
 */
export function guardedOperations(collection: CollectionConfig): CollectionConfig {
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [requireKnownLocale, refuseImpossibleIds, keepServerTimestamps, ...(collection.hooks?.beforeOperation ?? [])],
    },
  }
}
