import { describe, expect, it } from '@jest/globals'

import { isStorableId } from '../src/domain/documentIds'
import { isIsoDay, isoInstant } from '../src/domain/isoTime'
import { characterProblem } from '../src/domain/textInput'
import { type QueryField, type QuerySchema, whereProblem } from '../src/domain/whereCheck'

/** The plain rules every write and query is held to (src/domain), without a server. */
describe('characters a text may not hold', () => {
  it.each([
    ['您好，{{customer}}。\n下一行\t縮排\r\n', null],
    ['emoji 😀 and 𠀀 (a supplementary character) are text', null],
    ['\u200b zero-width space and \u200d joiner stay (emoji sequences need them)', null],
  ])('accepts %j', (text, expected) => {
    expect(characterProblem(text)).toBe(expected)
  })

  it.each([
    ['a\u0000b', 'control_character', 1, 'U+0000'],
    ['\u0007', 'control_character', 0, 'U+0007'],
    ['x\u007f', 'control_character', 1, 'U+007F'],
    ['x\u0085', 'control_character', 1, 'U+0085'],
    ['right-to-left override \u202e', 'control_character', 23, 'U+202E'],
    ['isolate \u2066', 'control_character', 8, 'U+2066'],
    ['half a pair \ud83d', 'broken_character', 12, 'U+D83D'],
    ['\ude00 a low half first', 'broken_character', 0, 'U+DE00'],
    ['replacement \ufffd', 'broken_character', 12, 'U+FFFD'],
    ['converter placeholder \ue000', 'unusable_character', 22, 'U+E000'],
    ['plane 16 private use \u{10fffd}', 'unusable_character', 21, 'U+10FFFD'],
    ['noncharacter \ufdd0', 'unusable_character', 13, 'U+FDD0'],
    ['noncharacter \uffff', 'unusable_character', 13, 'U+FFFF'],
  ])('refuses %j', (text, code, index, character) => {
    expect(characterProblem(text)).toEqual({ code, index, character })
  })

  it('names broken text first: it explains the rest', () => {
    expect(characterProblem('\u0007\ud800')?.code).toBe('broken_character')
  })
})

describe('ISO 8601 dates that exist', () => {
  it.each([
    ['2027-01-28', '2027-01-28T00:00:00.000Z'],
    ['2027-01-28T09:30', '2027-01-28T09:30:00.000Z'],
    ['2027-01-28T09:30:00+08:00', '2027-01-28T01:30:00.000Z'],
    ['2027-01-28 09:30:00.5Z', '2027-01-28T09:30:00.500Z'],
    ['2028-02-29', '2028-02-29T00:00:00.000Z'],
  ])('reads %s', (value, instant) => {
    expect(isoInstant(value)).toBe(instant)
  })

  it.each(['2027-02-30', '2027-02-29', '0000-00-00', '0099-01-01', '2027-13-01', '2027-01-28T24:00', '2027-01-28T09:60', '2027-01-28T09:00+15:00', '2027-1-2', 'tomorrow', '1', '', '28/01/2027'])(
    'refuses %j, which Date.parse may read as some other day',
    (value) => {
      expect(isoInstant(value)).toBeNull()
    },
  )

  it('takes a Date as it is, and nothing else that is not text', () => {
    expect(isoInstant(new Date('2027-01-28T00:00:00Z'))).toBe('2027-01-28T00:00:00.000Z')
    expect(isoInstant(new Date('nope'))).toBeNull()
    expect(isoInstant(20270128)).toBeNull()
  })

  it('tells a day from a time', () => {
    expect(isIsoDay('2027-01-28')).toBe(true)
    expect(isIsoDay('2027-02-30')).toBe(false)
    expect(isIsoDay('2027-01-28T00:00')).toBe(false)
  })
})

describe('ids a document can have', () => {
  it.each([[1, true], ['42', true], [2_147_483_647, true], [0, false], [-1, false], [2_147_483_648, false], ['1e3', false], [' 1', false], ['1.0', false], [1.5, false], ['abc', false], [null, false]])(
    'number ids: %j → %s',
    (id, storable) => {
      expect(isStorableId(id, 'number')).toBe(storable)
    },
  )

  it('MongoDB ids are 24 hex digits', () => {
    expect(isStorableId('65a1b2c3d4e5f60718293a4b', 'text')).toBe(true)
    expect(isStorableId('65a1b2c3d4e5f60718293a4', 'text')).toBe(false)
    expect(isStorableId(1, 'text')).toBe(false)
  })
})

describe('query conditions against the fields they name', () => {
  const categories: QueryField[] = [{ name: 'slug', type: 'text' }]
  const phrases: QueryField[] = [
    { name: 'key', type: 'text' },
    { name: 'title', type: 'text', localized: true },
    { name: 'category', type: 'relationship', relationTo: 'categories' },
    { name: 'channels', type: 'select', hasMany: true, options: [{ value: 'phone' }, { value: 'chat' }] },
    { name: '_status', type: 'select', options: ['draft', 'published'] },
    { name: 'order', type: 'number' },
    { name: 'validFrom', type: 'date' },
    { name: 'needsReview', type: 'checkbox' },
    { name: 'ambiguities', type: 'json' },
    { name: 'variables', type: 'array', flattenedFields: [{ name: 'name', type: 'text' }] },
  ]
  const schema: QuerySchema = { fieldsOf: (slug) => (slug === 'categories' ? categories : undefined), idType: 'number', localeCodes: ['zh-Hant', 'zh-Hans', 'en'], answersAll: false }
  const problem = (where: unknown) => whereProblem(where, phrases, schema)
  const badValue = (path: string, value: string) => ({ problem: 'where_bad_value', values: { path, value } })
  const notTaken = (path: string, operator: string) => ({ problem: 'where_operator_not_taken', values: expect.objectContaining({ path, operator }) })

  it.each([
    { key: { equals: 'opening.standard' } },
    { key: { like: 'closing' }, or: [{ order: { greater_than: '3' } }, { order: { less_than_equal: -1 } }] },
    { 'title.zh-Hans': { like: '您' } },
    { 'category.slug': { equals: 'closing' } },
    { category: { in: '1,2' }, id: { not_in: ['3', 4] } },
    { channels: { in: 'phone,chat' } },
    { _status: { equals: 'published' } },
    { validFrom: { greater_than: '2027-01-01' } },
    { needsReview: { equals: 'true' }, ambiguities: { exists: false } },
    { 'variables.name': { equals: 'customer' } },
    { holiday: { equals: 'anything' } },
    { category: { equals: null }, validFrom: { equals: 'null' } },
  ])('takes %j', (where) => {
    expect(problem(where)).toBeNull()
  })

  it.each([
    ['an id no document can have', { id: { equals: '99999999999' } }, badValue('id', '99999999999')],
    ['a relation by name', { category: { equals: 'closing' } }, badValue('category', 'closing')],
    ['a relation list with a word in it', { category: { in: '1,x' } }, badValue('category', 'x')],
    ['a day that does not exist', { validFrom: { equals: '2027-02-30' } }, badValue('validFrom', '2027-02-30')],
    ['a number that is not one', { order: { greater_than: 'abc' } }, badValue('order', 'abc')],
    ['an infinite number', { order: { equals: '1e999' } }, badValue('order', '1e999')],
    ['an option there is not', { _status: { equals: '3' } }, badValue('_status', '3')],
    ['like on a select', { _status: { like: 'pub' } }, { problem: 'where_operator_not_taken', values: { path: '_status', operator: 'like', allowed: 'equals, not_equals, in, not_in, exists' } }],
    ['all on a single-valued field', { order: { all: '1' } }, notTaken('order', 'all')],
    ['all on SQL, which cannot answer it', { channels: { all: ['phone', 'chat'] } }, notTaken('channels', 'all')],
    ['near without a point field', { key: { near: '1,2' } }, notTaken('key', 'near')],
    ['a made-up operator', { key: { regex: '(' } }, { problem: 'where_unknown_operator', values: expect.objectContaining({ operator: 'regex' }) }],
    ['a NUL in text', { key: { equals: '\u0000' } }, badValue('key', '\u0000')],
    ['exists with a maybe', { key: { exists: 'maybe' } }, { problem: 'where_exists_boolean', values: {} }],
    ['a condition without an operator', { key: 'abc' }, { problem: 'where_no_operator', values: { path: 'key' } }],
    ['a group queried whole', { variables: { equals: 'x' } }, { problem: 'where_whole_field', values: { path: 'variables' } }],
    ['a json field compared', { ambiguities: { like: '面' } }, notTaken('ambiguities', 'like')],
    ['one value given as a list', { key: { equals: ['a', 'b'] } }, { problem: 'where_one_value', values: { path: 'key', operator: 'equals' } }],
    ['nothing but text', 'abc', { problem: 'where_not_object', values: {} }],
    ['an "or" that is not a list', { or: 'x' }, { problem: 'where_not_list', values: { path: 'or' } }],
    ['a deep nest', Array.from({ length: 10 }).reduce<Record<string, unknown>>((inner) => ({ and: [inner] }), { key: { equals: 'a' } }), { problem: 'where_too_deep', values: { max: 8 } }],
  ])('refuses %s', (_name, where, refusal) => {
    expect(problem(where)).toEqual(refusal)
  })

  it('takes "all" on a many-valued field where the database answers it (MongoDB)', () => {
    expect(whereProblem({ channels: { all: ['phone', 'chat'] } }, phrases, { ...schema, answersAll: true })).toBeNull()
    expect(whereProblem({ order: { all: '1' } }, phrases, { ...schema, answersAll: true })).toEqual(notTaken('order', 'all'))
  })

  it('reads the paths of a versions query', () => {
    expect(problem({ parent: { equals: '12' }, 'version.key': { like: 'closing' }, latest: { equals: 'true' } })).toBeNull()
    expect(problem({ parent: { equals: 'abc' } })).toEqual(badValue('parent', 'abc'))
    expect(problem({ 'version.order': { equals: 'x' } })).toEqual(badValue('version.order', 'x'))
    expect(problem({ 'version.key': { intersects: 'x' } })).toEqual(notTaken('version.key', 'intersects'))
  })
})
