import { isStorableId } from './documentIds'
import { isoInstant } from './isoTime'
import { MAX_WHERE_NESTING } from './queryBounds'
import { characterProblem } from './textInput'

/** What a query needs to know of a field (Payload's flattened fields have this shape). */
export type QueryField = {
  name: string
  type: string
  hasMany?: boolean
  localized?: boolean
  options?: readonly (string | { value: string })[]
  relationTo?: string | readonly string[]
  flattenedFields?: readonly QueryField[]
}

export type QuerySchema = {
  /** The fields of a collection, to follow a relation into (`category.slug`). */
  fieldsOf: (collection: string) => readonly QueryField[] | undefined
  /** The database adapter's id type (`number` or `text`). */
  idType: string
  localeCodes: readonly string[]
  /** Whether the database answers `all` (MongoDB); Payload's SQL adapters fail on it. */
  answersAll: boolean
}

const OPERATORS = new Set(['equals', 'not_equals', 'in', 'not_in', 'all', 'exists', 'contains', 'like', 'not_like', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal', 'near', 'within', 'intersects'])
const LISTS = new Set(['in', 'not_in', 'all'])
const ORDERED = ['equals', 'not_equals', 'in', 'not_in', 'exists', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal']
const CHOICE = ['equals', 'not_equals', 'in', 'not_in', 'all', 'exists']

/**
 * Which operators each kind of field takes, and what a value must be. Anything else would reach
 * the database as a value it cannot compare (PostgreSQL refuses 'abc' for an id, a select's
 * enum refuses `like`), and that is an error there, not an empty answer.
 */
const RULES: Record<string, { operators: readonly string[]; value: (value: unknown, field: QueryField, schema: QuerySchema) => boolean }> = {
  text: { operators: [...ORDERED, 'all', 'contains', 'like', 'not_like'], value: (v) => typeof v === 'string' && characterProblem(v) === null },
  number: { operators: [...ORDERED, 'all'], value: (v) => Number.isFinite(typeof v === 'string' && v.trim() !== '' ? Number(v) : v) },
  date: { operators: ORDERED, value: (v) => isoInstant(v) !== null },
  checkbox: { operators: ['equals', 'not_equals', 'exists'], value: isBoolean },
  select: { operators: CHOICE, value: (v, field) => (field.options ?? []).some((option) => (typeof option === 'string' ? option : option.value) === v) },
  id: { operators: [...CHOICE, 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal'], value: (v, _f, schema) => isStorableId(v, schema.idType) },
  json: { operators: ['exists'], value: () => true },
}
const KINDS: Record<string, keyof typeof RULES> = {
  text: 'text', textarea: 'text', email: 'text', code: 'text',
  number: 'number', date: 'date', checkbox: 'checkbox', select: 'select', radio: 'select',
  relationship: 'id', upload: 'id', json: 'json', richText: 'json',
}

/** Why a `where` is refused: a message key of the admin's translations (src/i18n/adminTranslations.ts) and its values. */
export type WhereProblem = {
  problem: 'where_too_deep' | 'where_not_object' | 'where_not_list' | 'where_no_operator' | 'where_unknown_operator' | 'where_whole_field' | 'where_operator_not_taken' | 'where_exists_boolean' | 'where_one_value' | 'where_bad_value'
  values: Record<string, string | number>
}

/**
 * What is wrong with a Payload `where` on a collection's fields, or null: an unknown operator,
 * an operator the field does not take, or a value the field cannot hold. Paths this does not
 * know are left to Payload, which refuses them itself (a 400). The paths of a versions query
 * (`version.key`, `parent`, `latest`) are read too.
 */
export function whereProblem(where: unknown, fields: readonly QueryField[], schema: QuerySchema, depth = 0): WhereProblem | null {
  if (depth > MAX_WHERE_NESTING) return { problem: 'where_too_deep', values: { max: MAX_WHERE_NESTING } }
  if (typeof where !== 'object' || where === null || Array.isArray(where)) return { problem: 'where_not_object', values: {} }
  for (const [path, condition] of Object.entries(where)) {
    if (path === 'and' || path === 'or') {
      if (typeof condition !== 'object' || condition === null) return { problem: 'where_not_list', values: { path } }
      for (const inner of Object.values(condition)) {
        const problem = whereProblem(inner, fields, schema, depth + 1)
        if (problem) return problem
      }
      continue
    }
    if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) return { problem: 'where_no_operator', values: { path } }
    const field = resolve(path.split('.'), fields, schema)
    for (const [operator, value] of Object.entries(condition)) {
      if (!OPERATORS.has(operator)) return { problem: 'where_unknown_operator', values: { operator, allowed: [...OPERATORS].join(', ') } }
      if (!field) continue
      const problem = conditionProblem(path, field, operator, value, schema)
      if (problem) return problem
    }
  }
  return null
}

function conditionProblem(path: string, field: QueryField, operator: string, value: unknown, schema: QuerySchema): WhereProblem | null {
  const kind = field.type === 'id' ? 'id' : KINDS[field.type]
  // Groups, arrays and the like are queried by their fields (`variables.name`), not as a whole.
  if (!kind) return { problem: 'where_whole_field', values: { path } }
  const rule = RULES[kind]!
  // "all" asks a many-valued field to hold every one of the values.
  const operators = field.hasMany && schema.answersAll ? rule.operators : rule.operators.filter((name) => name !== 'all')
  if (!operators.includes(operator)) return { problem: 'where_operator_not_taken', values: { path, operator, allowed: operators.join(', ') } }
  if (operator === 'exists') return isBoolean(value) ? null : { problem: 'where_exists_boolean', values: {} }
  // `null` (or "null") asks for documents without a value, as Payload reads it.
  if (value === null || value === 'null') return null
  const values = LISTS.has(operator) ? (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value]) : [value]
  if (!LISTS.has(operator) && Array.isArray(value)) return { problem: 'where_one_value', values: { path, operator } }
  const bad = values.find((item) => !rule.value(item, field, schema))
  return bad === undefined ? null : { problem: 'where_bad_value', values: { path, value: String(bad).slice(0, 50) } }
}

function isBoolean(value: unknown): boolean {
  return value === true || value === false || value === 'true' || value === 'false'
}

/** The field a dotted path ends at, in the document or in a version of it; undefined when it is not known. */
function resolve(segments: string[], fields: readonly QueryField[], schema: QuerySchema): QueryField | undefined {
  const inDocument = resolveIn(segments, fields, schema)
  if (inDocument || fields.some((field) => field.name === segments[0])) return inDocument
  // A versions query names the document's fields under `version.`, the document as `parent`.
  if (segments[0] === 'version') return resolveIn(segments.slice(1), fields, schema)
  if (segments.length === 1 && segments[0] === 'parent') return { name: 'parent', type: 'id' }
  if (segments.length === 1 && (segments[0] === 'latest' || segments[0] === 'autosave')) return { name: segments[0], type: 'checkbox' }
  return undefined
}

/** Through groups, arrays, relations and a trailing locale. */
function resolveIn(segments: string[], fields: readonly QueryField[], schema: QuerySchema): QueryField | undefined {
  if (segments.length === 1 && segments[0] === 'id') return { name: 'id', type: 'id' }
  let current: readonly QueryField[] = fields
  for (let i = 0; i < segments.length; i++) {
    const field = current.find((candidate) => candidate.name === segments[i])
    if (!field) return undefined
    const rest = segments.slice(i + 1)
    if (rest.length === 0) return field
    if (field.localized && rest.length === 1 && schema.localeCodes.includes(rest[0]!)) return field
    if (field.flattenedFields) {
      current = field.flattenedFields
    } else if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') {
      if (rest.length === 1 && rest[0] === 'id') return { name: 'id', type: 'id' }
      current = schema.fieldsOf(field.relationTo) ?? []
    } else {
      return undefined
    }
  }
  return undefined
}
