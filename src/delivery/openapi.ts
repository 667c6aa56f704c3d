import { FORBIDDEN_TERM_CLASSES } from '../domain/forbiddenTermClasses'
import { MAX_CONVERT_CHARACTERS } from '../server/convertRoute'
import { MESSAGE_LANGUAGES } from './messages'
import { PHRASE_PAGE } from './paging'
import { SEARCH_PAGE } from './search'
import { MAX_UTTERANCE_CHARACTERS, SUGGEST_LIMIT } from './suggest'
import { CHANNELS, DELIVERY_LOCALES } from '../domain/locales'
import { USAGE_OUTCOMES } from '../domain/usageOutcomes'
import { PHRASE_KEY_MAX_LENGTH, PHRASE_KEY_PATTERN, VARIABLE_NAME_PATTERN } from '../domain/phraseKey'

// The identifier rules below live in the collection configs (not in src/domain); keep them in step.
/** collections/Categories: `slug`. */
const CATEGORY_SLUG_PATTERN = /^[a-z0-9_-]{1,40}$/
/** collections/Scenarios: `key`. */
const SCENARIO_KEY_PATTERN = /^[a-z][a-z0-9_.-]{1,80}$/
/** collections/Holidays: `code` (`default` matches it too, so one pattern covers `variant`). */
const HOLIDAY_CODE_PATTERN = /^[a-z][a-z0-9_]{1,40}$/

const MAX_QUERY_CHARACTERS = 100

type Json = Record<string, unknown>

const schemaRef = (name: string): Json => ({ $ref: `#/components/schemas/${name}` })
const parameterRef = (name: string): Json => ({ $ref: `#/components/parameters/${name}` })
const headerRef = (name: string): Json => ({ $ref: `#/components/headers/${name}` })
/** OpenAPI 3.1 lets a reference override the component's description: which codes apply here. */
const responseRef = (name: string, description?: string): Json =>
  description ? { $ref: `#/components/responses/${name}`, description } : { $ref: `#/components/responses/${name}` }

const nullable = (schema: Json): Json => ({ ...schema, type: [schema.type as string, 'null'] })

function errorExample(code: string, message: string): Json {
  return { summary: code, value: { error: { code, message } } }
}

function errorResponse(description: string, examples: Record<string, Json>): Json {
  return { description, content: { 'application/json': { schema: schemaRef('Error'), examples } } }
}

type Example = { example: unknown } | { examples: Record<string, Json> }

type GetOperation = {
  operationId: string
  summary: string
  description: string
  tags: string[]
  parameters?: string[]
  ok: { description: string; schema: Json } & Example
  /** The 400 codes of this operation; documented only when the operation has inputs to reject. */
  badRequest?: string
  notFound?: string
  /** The 410 it answers to a cursor it can no longer go on from: `resync_required` or `stale_cursor`. */
  gone?: 'ResyncRequired' | 'StaleCursor'
  /** Public: no credentials, so no 401 and no rate limit. */
  public?: boolean
}

/** Every GET: conditional with `ETag`/`If-None-Match`, revalidated each time (`private, no-cache`). */
function getOperation(op: GetOperation): Json {
  const { ok } = op
  const responses: Json = {
    200: {
      description: ok.description,
      headers: { ETag: headerRef('ETag'), 'Cache-Control': headerRef('CacheControl') },
      content: { 'application/json': { schema: ok.schema, ...('example' in ok ? { example: ok.example } : { examples: ok.examples }) } },
    },
    304: responseRef('NotModified'),
  }
  if (op.badRequest) responses[400] = responseRef('BadRequest', op.badRequest)
  if (!op.public) responses[401] = responseRef('Unauthorized')
  if (op.notFound) responses[404] = responseRef('NotFound', op.notFound)
  if (op.gone) responses[410] = responseRef(op.gone)
  if (!op.public) responses[429] = responseRef('RateLimited')
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: op.description,
    tags: op.tags,
    ...(op.public ? { security: [] } : {}),
    parameters: [...(op.parameters ?? []), 'ifNoneMatch', 'acceptLanguage'].map(parameterRef),
    responses,
  }
}

type PostOperation = {
  operationId: string
  summary: string
  description: string
  tags: string[]
  body: { schema: string; example: unknown }
  ok: { status: 200 | 202; description: string; schema: Json; example: unknown }
  badRequest: string
  notFound?: string
}

/** Every POST takes JSON: malformed JSON and oversized bodies are rejected before the route runs. */
function postOperation(op: PostOperation): Json {
  const responses: Json = {
    [op.ok.status]: { description: op.ok.description, content: { 'application/json': { schema: op.ok.schema, example: op.ok.example } } },
    400: responseRef('BadRequest', op.badRequest),
    401: responseRef('Unauthorized'),
  }
  if (op.notFound) responses[404] = responseRef('NotFound', op.notFound)
  responses[413] = responseRef('PayloadTooLarge')
  responses[429] = responseRef('RateLimited')
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: op.description,
    tags: op.tags,
    parameters: [parameterRef('acceptLanguage')],
    requestBody: {
      required: true,
      content: { 'application/json': { schema: schemaRef(op.body.schema), example: op.body.example } },
    },
    responses,
  }
}

/* Examples: one coherent library (an opening with a variable, a closing with a Spring Festival variant). */

const OPENING_EXAMPLE = {
  key: 'opening.standard',
  category: 'opening',
  locale: 'zh-TW',
  title: '標準開場白',
  text: '王先生您好，很高興為您服務，請問有什麼可以幫您？',
  agentNotes: '接起電話後三秒內說出；語速放慢。',
  variant: 'default',
  variantKey: 'opening.standard',
  channels: ['phone', 'chat'],
  variables: [{ name: 'customer_title', description: '客戶稱謂（姓氏加先生／女士）', example: '王先生', fallback: '貴賓' }],
  version: '128',
  revision: 412,
  updatedAt: '2026-01-20T08:30:00.000Z',
}

const CLOSING_EXAMPLE = {
  key: 'closing.standard',
  category: 'closing',
  locale: 'zh-Hant',
  title: '標準結束語',
  text: '感謝您的來電，祝您新春快樂！',
  agentNotes: null,
  variant: 'spring_festival',
  variantKey: 'closing.standard.spring_festival',
  channels: ['phone'],
  variables: [],
  version: '131',
  revision: 415,
  updatedAt: '2026-01-28T02:00:00.000Z',
}

const localeList = DELIVERY_LOCALES.join('、')

export function openApiDocument(serverUrl?: string): Record<string, unknown> {
  const schemas: Json = {
    Error: {
      type: 'object',
      description: 'Every error response has this body.',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: {
              type: 'string',
              description:
                'Stable, for programs: `unauthorized` (401); `not_found`, `not_translated` (404); `unknown_locale`, ' +
                '`unknown_category`, `unknown_channel`, `invalid_at`, `invalid_since`, `invalid_query`, `invalid_body`, ' +
                '`invalid_text`, `unknown_target`, `malformed_json` (400); `resync_required` (410); ' +
                '`payload_too_large`, `text_too_long` (413); `rate_limited` (429).',
              examples: ['not_translated'],
            },
            message: {
              type: 'string',
              description: `For people, in the language of \`Accept-Language\` (${MESSAGE_LANGUAGES.join(', ')}; default zh-Hant).`,
            },
            revision: { ...schemaRef('Revision'), description: 'With `resync_required`: the current revision.' },
          },
        },
      },
    },
    DeliveryLocale: {
      type: 'string',
      enum: [...DELIVERY_LOCALES],
      description:
        'zh-TW (Taiwan), zh-HK (Hong Kong) and zh-CN (mainland China) serve each region\'s stored text, exactly as a reviewer approved it (nothing is converted when serving); zh-Hant is an alias of the deployment\'s default Traditional region (zh-TW unless PHRASEBOOK_DEFAULT_TRADITIONAL=zh-HK), zh-Hans of zh-CN.',
      examples: ['zh-TW'],
    },
    Channel: { type: 'string', enum: [...CHANNELS], examples: ['phone'] },
    PhraseKey: {
      type: 'string',
      pattern: PHRASE_KEY_PATTERN.source,
      maxLength: PHRASE_KEY_MAX_LENGTH,
      description: '`<category>.<name>`.',
      examples: ['closing.standard'],
    },
    CategorySlug: { type: 'string', pattern: CATEGORY_SLUG_PATTERN.source, examples: ['closing'] },
    ScenarioKey: { type: 'string', pattern: SCENARIO_KEY_PATTERN.source, examples: ['silent_call'] },
    Variant: {
      type: 'string',
      pattern: HOLIDAY_CODE_PATTERN.source,
      description: '`default`, or the code of the holiday whose variant is served.',
      examples: ['default', 'spring_festival'],
    },
    Revision: {
      type: 'integer',
      minimum: 0,
      description: 'The library revision: it grows with every publication, withdrawal and reference-data change.',
      examples: [415],
    },
    Variable: {
      type: 'object',
      required: ['name', 'description', 'example', 'fallback'],
      properties: {
        name: { type: 'string', pattern: VARIABLE_NAME_PATTERN.source, examples: ['customer_title'] },
        description: nullable({ type: 'string' }),
        example: nullable({ type: 'string' }),
        fallback: nullable({
          type: 'string',
          description: 'Used when the caller sends no value; in the script of the requested locale. Null: the placeholder stays.',
        }),
      },
    },
    Phrase: {
      type: 'object',
      required: ['key', 'category', 'locale', 'title', 'text', 'agentNotes', 'variant', 'variantKey', 'channels', 'variables', 'version', 'revision', 'updatedAt'],
      properties: {
        key: schemaRef('PhraseKey'),
        category: schemaRef('CategorySlug'),
        locale: schemaRef('DeliveryLocale'),
        title: { type: 'string' },
        text: {
          type: 'string',
          description:
            'The text in the requested locale. Variables sent as `vars` are filled in (HTML-escaped); a missing one ' +
            'takes its declared fallback, else stays as `{{name}}`.',
        },
        agentNotes: nullable({ type: 'string', description: 'Guidance for the agent; not to be read out.' }),
        variant: schemaRef('Variant'),
        variantKey: {
          allOf: [schemaRef('PhraseKey')],
          description: 'The key of the phrase actually served: the base key, or its holiday variant.',
          examples: ['closing.standard.spring_festival'],
        },
        channels: { type: 'array', items: schemaRef('Channel'), uniqueItems: true },
        variables: { type: 'array', items: schemaRef('Variable') },
        version: { type: 'string', description: 'The id of the published version served.' },
        revision: schemaRef('Revision'),
        updatedAt: { type: 'string', format: 'date-time' },
      },
    },
    PhraseList: {
      type: 'object',
      required: ['revision', 'locale', 'day', 'items', 'nextCursor'],
      properties: {
        revision: schemaRef('Revision'),
        locale: schemaRef('DeliveryLocale'),
        day: { type: 'string', format: 'date', description: 'The day whose holiday variants were applied.' },
        items: { type: 'array', items: schemaRef('Phrase') },
        nextCursor: nullable({ type: 'string', description: 'Send as `cursor` for the next page; null on the last page.' }),
      },
    },
    SearchHit: {
      allOf: [
        schemaRef('Phrase'),
        {
          type: 'object',
          required: ['score', 'highlights'],
          properties: {
            score: { type: 'number', minimum: 0, description: 'Relevance (BM25 over character pairs, times the share of the query found); compare within one answer only.' },
            highlights: schemaRef('Highlights'),
          },
        },
      ],
    },
    Highlights: {
      type: 'object',
      required: ['title', 'text'],
      description: 'Where the words asked about (the query\'s, the utterance\'s) are in `title` and `text`: [start, end) offsets in UTF-16 code units (JavaScript string indices), merged and in order.',
      properties: {
        title: { type: 'array', items: schemaRef('TextRange') },
        text: { type: 'array', items: schemaRef('TextRange') },
      },
    },
    TextRange: { type: 'array', prefixItems: [{ type: 'integer', minimum: 0 }, { type: 'integer', minimum: 1 }], minItems: 2, maxItems: 2 },
    SearchResults: {
      type: 'object',
      required: ['revision', 'locale', 'day', 'q', 'items', 'nextCursor'],
      properties: {
        revision: schemaRef('Revision'),
        locale: schemaRef('DeliveryLocale'),
        day: { type: 'string', format: 'date', description: 'The day whose holiday variants were applied.' },
        q: { type: 'string' },
        items: { type: 'array', items: schemaRef('SearchHit') },
        nextCursor: nullable({ type: 'string', description: 'Send as `cursor` for the next page; null on the last page.' }),
      },
    },
    ScenarioSummary: {
      type: 'object',
      required: ['key', 'title'],
      properties: { key: schemaRef('ScenarioKey'), title: { type: 'string' } },
    },
    ScenarioList: {
      type: 'object',
      required: ['revision', 'locale', 'items'],
      properties: {
        revision: schemaRef('Revision'),
        locale: schemaRef('DeliveryLocale'),
        items: { type: 'array', items: schemaRef('ScenarioSummary') },
      },
    },
    ScenarioStep: {
      type: 'object',
      required: ['order', 'note', 'phrase'],
      properties: {
        order: { type: 'integer', minimum: 1 },
        note: nullable({ type: 'string', description: 'A stage direction for the agent, e.g. 等待3秒.' }),
        phrase: {
          type: 'object',
          required: ['key', 'text', 'variant'],
          properties: { key: schemaRef('PhraseKey'), text: { type: 'string' }, variant: schemaRef('Variant') },
        },
      },
    },
    Scenario: {
      type: 'object',
      required: ['key', 'title', 'locale', 'steps'],
      properties: {
        key: schemaRef('ScenarioKey'),
        title: { type: 'string' },
        locale: schemaRef('DeliveryLocale'),
        steps: { type: 'array', items: schemaRef('ScenarioStep') },
      },
    },
    I18nextBundle: {
      type: 'object',
      description:
        'An i18next JSON v4 resource bundle for one namespace (a category). Keys are phrase keys without the ' +
        'category; the variants of the holidays the locale\'s region keeps are context keys (`<name>_<holiday>`); ' +
        'variables stay as `{{name}}`. A variable ' +
        'with a declared fallback is a nesting, `$t(<ns>:<name>__<variable>, {"context": "{{<variable>}}"})`, with ' +
        'two helper keys beside it, so a stock i18next client renders the fallback when no value is given, as ' +
        '`/v1/phrases` does.',
      additionalProperties: { type: 'string' },
    },
    Change: {
      type: 'object',
      required: ['key', 'change', 'revision'],
      properties: {
        key: schemaRef('PhraseKey'),
        change: { type: 'string', enum: ['published', 'withdrawn'] },
        revision: schemaRef('Revision'),
      },
    },
    Changes: {
      type: 'object',
      required: ['revision', 'since', 'reference', 'changes'],
      properties: {
        revision: schemaRef('Revision'),
        since: schemaRef('Revision'),
        reference: {
          type: 'boolean',
          description: 'True when categories, holidays, scenarios or the glossary changed: refetch everything.',
        },
        changes: { type: 'array', description: 'One entry per phrase key: its latest change.', items: schemaRef('Change') },
      },
    },
    ConvertRequest: {
      type: 'object',
      required: ['text', 'to'],
      properties: {
        text: { type: 'string', maxLength: MAX_CONVERT_CHARACTERS },
        to: schemaRef('DeliveryLocale'),
      },
    },
    Ambiguity: {
      type: 'object',
      required: ['index', 'char', 'chosen', 'candidates'],
      description:
        'Where a person should decide: a one-to-many character the converter had to guess, or (kind "wording") a term another region says differently, such as 普通話 where Taiwan says 國語.',
      properties: {
        index: { type: 'integer', minimum: 0, description: 'Position in the converted text.' },
        char: { type: 'string', description: 'The source character; for a wording flag, the term as converted.' },
        chosen: { type: 'string' },
        candidates: { type: 'array', items: { type: 'string' }, description: "The forms to choose from; for a wording flag, the target region's words, then the term as it is." },
        kind: { type: 'string', enum: ['wording'], description: 'Present on regional-wording flags.' },
      },
    },
    ConvertResult: {
      type: 'object',
      required: ['text', 'to', 'ambiguities'],
      properties: {
        text: { type: 'string' },
        to: schemaRef('DeliveryLocale'),
        ambiguities: { type: 'array', items: schemaRef('Ambiguity') },
      },
    },
    SuggestRequest: {
      type: 'object',
      required: ['utterance'],
      properties: {
        utterance: { type: 'string', minLength: 1, maxLength: MAX_UTTERANCE_CHARACTERS, description: 'What the customer just said, in either script, as heard or typed (typos welcome).' },
        locale: { ...schemaRef('DeliveryLocale'), description: 'The region the agent serves (default zh-Hant); suggestions come as its agents are served them.' },
        scenario: { type: 'string', description: 'The scenario the agent is in (a key of `/v1/scenarios`): its steps are suggested first among equals.' },
        limit: { type: 'integer', minimum: 1, maximum: SUGGEST_LIMIT.max, default: SUGGEST_LIMIT.default },
        channel: { type: 'string', enum: [...CHANNELS] },
        category: { type: 'string', description: 'Only phrases of this category.' },
        at: { type: 'string', description: 'The day (YYYY-MM-DD) or instant whose holiday variants apply; default now.' },
        vars: { type: 'object', additionalProperties: { type: 'string', maxLength: 200 }, description: 'Values for the phrases\' variables, as `vars[name]` of a read.' },
      },
    },
    SuggestReason: {
      oneOf: [
        {
          type: 'object',
          required: ['kind', 'trigger', 'by', 'coverage'],
          description: 'An editor\'s trigger for the phrase was heard in the utterance: by its words, or only by its sound (a homophone typo).',
          properties: { kind: { const: 'trigger' }, trigger: { type: 'string' }, by: { enum: ['words', 'sound'] }, coverage: { type: 'number', minimum: 0, maximum: 1, description: 'The share of the trigger heard (rare pairs of characters count more).' } },
        },
        {
          type: 'object',
          required: ['kind', 'words'],
          description: 'Words of the utterance the phrase\'s title or text has (as they are written in the returned text).',
          properties: { kind: { const: 'text' }, words: { type: 'array', items: { type: 'string' } } },
        },
        {
          type: 'object',
          required: ['kind', 'scenario'],
          description: 'The phrase is a step of the scenario asked for.',
          properties: { kind: { const: 'scenario' }, scenario: { type: 'string' } },
        },
      ],
    },
    Suggestion: {
      allOf: [
        schemaRef('Phrase'),
        {
          type: 'object',
          required: ['score', 'reasons', 'highlights'],
          properties: {
            score: { type: 'number', minimum: 0, description: 'How well the phrase fits; compare within one answer only.' },
            reasons: { type: 'array', items: schemaRef('SuggestReason'), description: 'Why it is suggested, strongest first.' },
            highlights: schemaRef('Highlights'),
          },
        },
      ],
    },
    Suggestions: {
      type: 'object',
      required: ['revision', 'locale', 'day', 'utterance', 'items'],
      properties: {
        revision: schemaRef('Revision'),
        locale: schemaRef('DeliveryLocale'),
        day: { type: 'string', format: 'date', description: 'The day whose holiday variants were applied.' },
        utterance: { type: 'string' },
        items: { type: 'array', items: schemaRef('Suggestion'), description: 'Best first; empty when nothing fits.' },
      },
    },
    LintRequest: {
      type: 'object',
      required: ['text'],
      properties: {
        text: { type: 'string', maxLength: MAX_CONVERT_CHARACTERS },
        locale: { ...schemaRef('DeliveryLocale'), description: 'The script suggestions and class names come in (default zh-Hant).' },
      },
    },
    LintFinding: {
      type: 'object',
      required: ['term', 'class', 'classLabel', 'severity', 'index', 'length', 'suggestion'],
      properties: {
        term: { type: 'string', description: 'The forbidden term found (服務忌語).' },
        class: { type: 'string', enum: FORBIDDEN_TERM_CLASSES.map((c) => c.value) },
        classLabel: { type: 'string', description: 'The class as people name it, in the locale\'s script (e.g. 命令).' },
        severity: { type: 'string', enum: ['block', 'warn'] },
        index: { type: 'integer', minimum: 0 },
        length: { type: 'integer', minimum: 1 },
        suggestion: nullable({ type: 'string', description: 'What to say instead.' }),
      },
    },
    LintResult: {
      type: 'object',
      required: ['ok', 'findings'],
      properties: {
        ok: { type: 'boolean', description: 'False when a finding has severity `block`.' },
        findings: { type: 'array', items: schemaRef('LintFinding') },
      },
    },
    UsageEvent: {
      type: 'object',
      required: ['key', 'locale', 'channel'],
      properties: {
        key: schemaRef('PhraseKey'),
        locale: schemaRef('DeliveryLocale'),
        channel: schemaRef('Channel'),
        outcome: {
          enum: [...USAGE_OUTCOMES],
          description: 'What became of the phrase: shown to the agent, inserted into the reply, sent as it is, edited before sending, or discarded. Left out: a plain use. Only sends (sent, edited, or no outcome) count as uses for ranking.',
        },
      },
    },
    UsageAccepted: {
      type: 'object',
      required: ['accepted'],
      properties: { accepted: { const: true } },
    },
    ApiInfo: {
      type: 'object',
      required: ['name', 'version'],
      properties: { name: { type: 'string' }, version: { type: 'integer' } },
    },
    OpenApiDocument: { type: 'object', description: 'An OpenAPI 3.1 document.' },
  }

  const parameters: Json = {
    locale: {
      name: 'locale',
      in: 'query',
      description:
        'The locale to deliver. A phrase with no text in it is `not_translated`: never silently the other script.',
      schema: { ...(schemas.DeliveryLocale as Json), default: 'zh-Hant' },
    },
    channel: {
      name: 'channel',
      in: 'query',
      description: 'Only phrases used on this channel.',
      schema: schemaRef('Channel'),
    },
    at: {
      name: 'at',
      in: 'query',
      description:
        'When: a date-time, or a date, meaning any time of that day in the server\'s time zone ' +
        '(`PHRASEBOOK_TIMEZONE`, default Asia/Taipei): a phrase valid for part of the day is served. The day (of a ' +
        'date-time, there) chooses the holiday variants, among the holidays the locale\'s region keeps (zh-Hant: ' +
        'Taiwan, zh-Hans: the mainland; Taiwan\'s 國慶日 is 10 October, the mainland\'s National Day 1 October). Default: now.',
      schema: { type: 'string', anyOf: [{ format: 'date' }, { format: 'date-time' }] },
      examples: {
        date: { value: '2026-02-17' },
        dateTime: { value: '2026-02-17T09:30:00+08:00' },
      },
    },
    category: {
      name: 'category',
      in: 'query',
      description: 'Only phrases of this category (its slug).',
      schema: schemaRef('CategorySlug'),
    },
    q: {
      name: 'q',
      in: 'query',
      description: 'Free-text search in title and text.',
      schema: { type: 'string', maxLength: MAX_QUERY_CHARACTERS },
      example: '來電',
    },
    searchQ: {
      name: 'q',
      in: 'query',
      required: true,
      description:
        'What to look for, in either script and any region\'s wording: 請稍等, 请稍等 and 请您稍等 find the same phrases. ' +
        'Words in between are tolerated (a phrase needs half of the query\'s character pairs).',
      schema: { type: 'string', minLength: 1, maxLength: MAX_QUERY_CHARACTERS },
      example: '请稍等',
    },
    searchLimit: {
      name: 'limit',
      in: 'query',
      description: 'Results per page.',
      schema: { type: 'integer', minimum: 1, maximum: SEARCH_PAGE.max, default: SEARCH_PAGE.default },
    },
    phraseLimit: {
      name: 'limit',
      in: 'query',
      description: 'Phrases per page; page on with `nextCursor`.',
      schema: { type: 'integer', minimum: 1, maximum: PHRASE_PAGE.max, default: PHRASE_PAGE.default },
    },
    cursor: {
      name: 'cursor',
      in: 'query',
      description: 'The `nextCursor` of the page before, as it was given. It holds while the library is unchanged (else 410 `stale_cursor`).',
      schema: { type: 'string' },
    },
    since: {
      name: 'since',
      in: 'query',
      description: 'The `revision` the client last saw; 0 lists every phrase\'s latest change.',
      schema: { type: 'integer', minimum: 0, default: 0 },
      example: 412,
    },
    lastEventId: {
      name: 'Last-Event-ID',
      in: 'header',
      description: 'The id of the last event received (its revision); an EventSource sends it when it reconnects. Wins over `since`.',
      schema: { type: 'integer', minimum: 0 },
      example: 412,
    },
    vars: {
      name: 'vars',
      in: 'query',
      description: 'Variable values to fill in, e.g. `vars[customer_title]=王先生`.',
      style: 'deepObject',
      explode: true,
      schema: {
        type: 'object',
        propertyNames: { pattern: VARIABLE_NAME_PATTERN.source },
        additionalProperties: { type: 'string' },
      },
      example: { customer_title: '王先生' },
    },
    phraseKey: {
      name: 'key',
      in: 'path',
      required: true,
      description: 'The base phrase key; the holiday variant in effect is chosen by the server.',
      schema: schemaRef('PhraseKey'),
      example: 'closing.standard',
    },
    scenarioKey: {
      name: 'key',
      in: 'path',
      required: true,
      schema: schemaRef('ScenarioKey'),
      example: 'silent_call',
    },
    lng: {
      name: 'lng',
      in: 'path',
      required: true,
      description: 'i18next language: a delivery locale.',
      schema: schemaRef('DeliveryLocale'),
    },
    ns: {
      name: 'ns',
      in: 'path',
      required: true,
      description: 'i18next namespace: a category slug.',
      schema: schemaRef('CategorySlug'),
      example: 'closing',
    },
    ifNoneMatch: {
      name: 'If-None-Match',
      in: 'header',
      description: 'An `ETag` from an earlier response: 304 if nothing changed.',
      schema: { type: 'string' },
    },
    acceptLanguage: {
      name: 'Accept-Language',
      in: 'header',
      description: `The language of error messages: ${MESSAGE_LANGUAGES.join(', ')} (default zh-Hant). Content follows \`locale\`, not this.`,
      schema: { type: 'string' },
      example: 'zh-Hant',
    },
  }

  const responses: Json = {
    NotModified: {
      description: 'Not modified: the `If-None-Match` tag is current. No body.',
      headers: { ETag: headerRef('ETag'), 'Cache-Control': headerRef('CacheControl') },
    },
    BadRequest: errorResponse('A query parameter or the request body is not valid.', {
      unknown_locale: errorExample('unknown_locale', `不支援的語系「zh-SG」，請使用 ${localeList}。`),
      unknown_category: errorExample('unknown_category', '沒有分類「greetings」。'),
      unknown_channel: errorExample('unknown_channel', `不支援的管道「fax」，請使用 ${CHANNELS.join('、')}。`),
      invalid_at: errorExample('invalid_at', 'at 必須是日期（YYYY-MM-DD）或日期時間（ISO 8601）。'),
      invalid_since: errorExample('invalid_since', 'since 必須是大於或等於 0 的整數。'),
      invalid_body: errorExample('invalid_body', '請求內容不正確：text 必須是字串。'),
      malformed_json: errorExample('malformed_json', '請求內容不是有效的 JSON。'),
    }),
    Unauthorized: errorResponse('No valid API client key or user token.', {
      'zh-Hant': errorExample('unauthorized', '請提供 API 用戶端金鑰（Authorization: api-clients API-Key <key>）或先登入。'),
      'zh-Hans': errorExample('unauthorized', '请提供 API 客户端密钥（Authorization: api-clients API-Key <key>）或先登录。'),
      en: errorExample('unauthorized', 'Send an API client key (Authorization: api-clients API-Key <key>) or sign in.'),
    }),
    NotFound: errorResponse('Not found.', {
      not_found: errorExample('not_found', '找不到話術「closing.standerd」。'),
      not_translated: errorExample('not_translated', '話術「closing.standard」沒有簡體中文（zh-Hans）內容。'),
    }),
    ResyncRequired: errorResponse('`since` is above the current revision (a restored library, a wrong cursor): resync from `since=0`, then go on from `error.revision`.', {
      resync_required: {
        summary: 'resync_required',
        value: { error: { code: 'resync_required', message: '版本 420 高於目前的版本 415（話術庫已還原，或游標有誤）：請從 GET /v1/changes?since=0 重新同步，再從版本 415 繼續。', revision: 415 } },
      },
    }),
    StaleCursor: errorResponse('The library changed since the page this cursor came from: start again from the first page.', {
      stale_cursor: {
        summary: 'stale_cursor',
        value: { error: { code: 'stale_cursor', message: '那一頁之後話術庫已更新（目前為版本 416）：請從第一頁重新開始。', revision: 416 } },
      },
    }),
    PayloadTooLarge: errorResponse('The request body is too large.', {
      payload_too_large: errorExample('payload_too_large', '請求內容太大。'),
    }),
    RateLimited: errorResponse('Too many requests from this client; slow down.', {
      rate_limited: errorExample('rate_limited', '請求過於頻繁，請稍後再試。'),
    }),
  }

  const headers: Json = {
    ETag: {
      description: 'The representation\'s tag; send it back as `If-None-Match`.',
      schema: { type: 'string' },
      example: '"1a7-k3Jx0bq9Zt"',
    },
    CacheControl: {
      description: 'Caches may keep the response for this client only and must revalidate it each time.',
      schema: { type: 'string', const: 'private, no-cache' },
    },
  }

  const securitySchemes: Json = {
    apiClientKey: {
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description: 'An agent tool\'s key. Value: `api-clients API-Key <key>`.',
    },
    // Payload signs people in with `Authorization: JWT <token>`, not `Bearer`, so this is not an http scheme.
    userToken: {
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description: 'A signed-in person\'s token (from `POST /api/users/login`). Value: `JWT <token>`.',
    },
  }

  const paths: Json = {
    '/v1': {
      get: getOperation({
        operationId: 'getApiInfo',
        summary: 'API name and version',
        description: 'A cheap authenticated call: checks the credentials work.',
        tags: ['Meta'],
        ok: { description: 'The API.', schema: schemaRef('ApiInfo'), example: { name: 'Phrasebook CMS delivery API', version: 1 } },
      }),
    },
    '/v1/phrases': {
      get: getOperation({
        operationId: 'listPhrases',
        summary: 'List phrases',
        description:
          'Published phrases valid now. Holiday variants are not items of their own: each base phrase appears ' +
          'once, with the variant in effect on `day` applied (`variant`, `variantKey`).',
        tags: ['Phrases'],
        parameters: ['category', 'channel', 'locale', 'at', 'q', 'phraseLimit', 'cursor'],
        ok: {
          description: 'The phrases, in the requested locale.',
          schema: schemaRef('PhraseList'),
          example: { revision: 415, locale: 'zh-TW', day: '2026-02-17', items: [OPENING_EXAMPLE, { ...CLOSING_EXAMPLE, locale: 'zh-TW' }], nextCursor: null },
        },
        badRequest: '`unknown_locale`, `unknown_category`, `unknown_channel`, `invalid_at` or `invalid_query` (a bad `q`, `limit` or `cursor`).',
        gone: 'StaleCursor',
      }),
    },
    '/v1/search': {
      get: getOperation({
        operationId: 'searchPhrases',
        summary: 'Search phrases',
        description:
          'Published phrases that match `q`, best first: title, tags, text and agent notes, in every script and region ' +
          '(a query typed in Simplified finds a Taiwan phrase). Each result is the phrase agents of `locale` are served ' +
          'that day and on that channel, as `/v1/phrases` gives it, with its `score` and `highlights`.',
        tags: ['Phrases'],
        parameters: ['searchQ', 'locale', 'category', 'channel', 'at', 'vars', 'searchLimit', 'cursor'],
        ok: {
          description: 'A page of results.',
          schema: schemaRef('SearchResults'),
          example: {
            revision: 415,
            locale: 'zh-TW',
            day: '2026-02-17',
            q: '请稍等',
            items: [
              {
                ...OPENING_EXAMPLE,
                key: 'hold.please_wait',
                category: 'hold',
                title: '請稍等',
                text: '請您稍等，不要掛斷電話。',
                agentNotes: null,
                variantKey: 'hold.please_wait',
                variables: [],
                score: 7.412,
                highlights: { title: [[0, 3]], text: [[2, 4]] },
              },
            ],
            nextCursor: null,
          },
        },
        badRequest: '`invalid_query` (no `q`, a bad `limit` or `cursor`), `unknown_locale`, `unknown_category`, `unknown_channel` or `invalid_at`.',
        gone: 'StaleCursor',
      }),
    },
    '/v1/phrases/{key}': {
      get: getOperation({
        operationId: 'getPhrase',
        summary: 'Get a phrase',
        description: 'One published phrase, with the holiday variant in effect on `at` and the variables in `vars` filled in.',
        tags: ['Phrases'],
        parameters: ['phraseKey', 'locale', 'channel', 'at', 'vars'],
        ok: {
          description: 'The phrase.',
          schema: schemaRef('Phrase'),
          examples: {
            withVariables: { summary: 'vars[customer_title]=王先生&locale=zh-TW', value: OPENING_EXAMPLE },
            holidayVariant: { summary: 'closing.standard on 2026-02-17 (春節)', value: CLOSING_EXAMPLE },
          },
        },
        badRequest: '`unknown_locale`, `unknown_channel` or `invalid_at`.',
        notFound: '`not_found`: no published phrase with this key. `not_translated`: it has no text in this locale.',
      }),
    },
    '/v1/scenarios': {
      get: getOperation({
        operationId: 'listScenarios',
        summary: 'List scenarios',
        description: 'Call scenarios: the phrases to use, in order, for a situation.',
        tags: ['Scenarios'],
        parameters: ['locale'],
        ok: {
          description: 'The scenarios.',
          schema: schemaRef('ScenarioList'),
          example: {
            revision: 415,
            locale: 'zh-Hant',
            items: [
              { key: 'silent_call', title: '無聲電話' },
              { key: 'callback_later', title: '稍後回電' },
            ],
          },
        },
        badRequest: '`unknown_locale`.',
      }),
    },
    '/v1/scenarios/{key}': {
      get: getOperation({
        operationId: 'getScenario',
        summary: 'Get a scenario',
        description:
          'A scenario\'s steps, each with its phrase (holiday variant in effect on `at` applied). A step whose phrase ' +
          'is not served (not published, not in effect, not in `locale`) is left out; `order` counts the steps served.',
        tags: ['Scenarios'],
        parameters: ['scenarioKey', 'locale', 'at', 'channel'],
        ok: {
          description: 'The scenario.',
          schema: schemaRef('Scenario'),
          example: {
            key: 'silent_call',
            title: '無聲電話',
            locale: 'zh-Hant',
            steps: [
              { order: 1, note: null, phrase: { key: 'silent.prompt', text: '您好，請問聽得到我的聲音嗎？', variant: 'default' } },
              { order: 2, note: '等待3秒', phrase: { key: 'silent.retry', text: '您好，這裡是客服中心，請問需要什麼協助？', variant: 'default' } },
              { order: 3, note: '仍無回應', phrase: { key: 'silent.close', text: '很抱歉聽不到您的聲音，請您稍後再撥，再見。', variant: 'default' } },
            ],
          },
        },
        badRequest: '`unknown_locale`, `unknown_channel` or `invalid_at`.',
        notFound: '`not_found`: no scenario with this key.',
      }),
    },
    '/v1/i18n/{lng}/{ns}.json': {
      get: getOperation({
        operationId: 'getI18nextBundle',
        summary: 'i18next resource bundle',
        description:
          'The published phrases of one category as an i18next JSON v4 bundle, for i18next-http-backend: ' +
          '`loadPath: \'<server>/v1/i18n/{{lng}}/{{ns}}.json\'`, with the `Authorization` header in `customHeaders`. ' +
          'Holiday variants are context keys, so `t(\'standard\', {context: \'spring_festival\'})` picks one.',
        tags: ['i18n'],
        parameters: ['lng', 'ns'],
        ok: {
          description: 'The bundle.',
          schema: schemaRef('I18nextBundle'),
          example: { standard: '感謝您的來電，再見！', standard_spring_festival: '感謝您的來電，祝您新春快樂！' },
        },
        badRequest: '`unknown_locale` (`lng`) or `unknown_category` (`ns`).',
      }),
    },
    '/v1/changes': {
      get: getOperation({
        operationId: 'listChanges',
        summary: 'Changes since a revision',
        description:
          'What to refetch after `since`: the phrase keys published or withdrawn (one entry per key, its latest ' +
          'change). When `reference` is true, refetch everything. Keep the returned `revision` for the next call.',
        tags: ['Changes'],
        parameters: ['since'],
        ok: {
          description: 'The changes.',
          schema: schemaRef('Changes'),
          example: {
            revision: 415,
            since: 412,
            reference: false,
            changes: [
              { key: 'closing.standard', change: 'published', revision: 415 },
              { key: 'hold.long_wait', change: 'withdrawn', revision: 413 },
            ],
          },
        },
        badRequest: '`invalid_since`.',
        gone: 'ResyncRequired',
      }),
    },
    '/v1/events': {
      get: {
        operationId: 'streamEvents',
        summary: 'Changes as they happen (server-sent events)',
        description:
          'An event stream (`text/event-stream`, for `EventSource`) of the changes this process serves: `published` and ' +
          '`withdrawn` for a phrase, `reference` when categories, holidays, scenarios or the glossary changed (refetch ' +
          'everything). Each event\'s `id` is its revision and its data is `{revision, key, change}`. After the events ' +
          'missed since the cursor comes `ready` with the revision the stream is at, then each change as it is published. ' +
          'The cursor is the `Last-Event-ID` header (sent by a reconnecting EventSource), else `since`, else the current ' +
          'revision. A comment line every 15 s keeps the connection alive. The stream ends when the credentials stop being ' +
          'valid (the client disabled, the person signed out): the reconnect then gets 401.',
        tags: ['Changes'],
        parameters: [parameterRef('since'), parameterRef('lastEventId'), parameterRef('acceptLanguage')],
        responses: {
          200: {
            description: 'The event stream.',
            content: {
              'text/event-stream': {
                schema: { type: 'string' },
                example:
                  'retry:2000\n\nevent:published\nid:415\ndata:{"revision":415,"key":"closing.standard","change":"published"}\n\n' +
                  'event:ready\nid:415\ndata:{"revision":415}\n\n:\n\n',
              },
            },
          },
          400: responseRef('BadRequest', '`invalid_since` (`since` or `Last-Event-ID`).'),
          401: responseRef('Unauthorized'),
          410: responseRef('ResyncRequired'),
          429: responseRef('RateLimited'),
        },
      },
    },
    '/v1/convert': {
      post: postOperation({
        operationId: 'convertText',
        summary: 'Convert between scripts',
        description:
          `Converts text into a delivery locale with OpenCC and the call-centre glossary (at most ${MAX_CONVERT_CHARACTERS.toLocaleString('en')} ` +
          'characters), flagging characters that had to be guessed.',
        tags: ['Text tools'],
        body: { schema: 'ConvertRequest', example: { text: '衣服都干了吗？', to: 'zh-TW' } },
        ok: {
          status: 200,
          description: 'The converted text.',
          schema: schemaRef('ConvertResult'),
          example: {
            text: '衣服都乾了嗎？',
            to: 'zh-TW',
            ambiguities: [{ index: 3, char: '干', chosen: '乾', candidates: ['乾', '幹', '干'] }],
          },
        },
        badRequest: '`invalid_text`, `malformed_json` or `unknown_target` (`to`); a text over the limit is a 413 `text_too_long`.',
      }),
    },
    '/v1/suggest': {
      post: postOperation({
        operationId: 'suggestPhrases',
        summary: 'Suggest phrases for what the customer said',
        description:
          'Approved phrases that fit the customer\'s last words, best first, each with its score and the reasons it matched: ' +
          'the editors\' triggers heard in the utterance (by words, or by sound for homophone typos), combined with search ' +
          'relevance over the phrase\'s title, text, tags and notes, the scenario\'s steps first among equals, then usage. ' +
          'Computed on the server from published content only; no cloud service is called.',
        tags: ['Phrases'],
        body: { schema: 'SuggestRequest', example: { utterance: '我要投素你們，叫你們主館出來', locale: 'zh-TW', limit: 3 } },
        ok: {
          status: 200,
          description: 'The suggestions.',
          schema: schemaRef('Suggestions'),
          example: {
            revision: 415,
            locale: 'zh-TW',
            day: '2026-12-05',
            utterance: '我要投素你們，叫你們主館出來',
            items: [
              {
                ...OPENING_EXAMPLE,
                key: 'escalation.supervisor.first_retention',
                category: 'escalation',
                title: '客戶要求找主管：第一次挽留',
                text: '王先生，首先對給您造成的不便表示歉意，請問您具體遇到了什麼問題呢？是否可以簡單描述一下呢？',
                agentNotes: null,
                variantKey: 'escalation.supervisor.first_retention',
                score: 2.31,
                reasons: [
                  { kind: 'trigger', trigger: '叫主管來', by: 'sound', coverage: 0.72 },
                  { kind: 'trigger', trigger: '主管', by: 'sound', coverage: 0.85 },
                ],
                highlights: { title: [], text: [] },
              },
            ],
          },
        },
        badRequest: '`invalid_body` (no `utterance`, one over 500 characters, a bad `limit`, an unknown `scenario`), `unknown_locale`, `unknown_channel`, `unknown_category`, `invalid_at`, `invalid_query` (`vars`) or `malformed_json`.',
      }),
    },
    '/v1/lint': {
      post: postOperation({
        operationId: 'lintText',
        summary: 'Check text for forbidden terms',
        description: 'Finds service taboo terms (服務忌語) from the forbidden-terms list.',
        tags: ['Text tools'],
        body: { schema: 'LintRequest', example: { text: '這不是我們的問題，你自己去查。' } },
        ok: {
          status: 200,
          description: 'The findings.',
          schema: schemaRef('LintResult'),
          example: {
            ok: false,
            findings: [
              { term: '不是我們的問題', class: 'deflect', classLabel: '推卸', severity: 'block', index: 1, length: 7, suggestion: '我來協助您確認' },
              { term: '你自己去查', class: 'command', classLabel: '命令', severity: 'warn', index: 9, length: 5, suggestion: null },
            ],
          },
        },
        badRequest: '`invalid_body` or `malformed_json`.',
      }),
    },
    '/v1/usage': {
      post: postOperation({
        operationId: 'recordUsage',
        summary: 'Record that a phrase was used',
        description: 'Agent tools report each phrase an agent used, for the library\'s usage statistics.',
        tags: ['Usage'],
        body: { schema: 'UsageEvent', example: { key: 'closing.standard', locale: 'zh-TW', channel: 'phone', outcome: 'edited' } },
        ok: { status: 202, description: 'Recorded.', schema: schemaRef('UsageAccepted'), example: { accepted: true } },
        badRequest: '`invalid_body` or `malformed_json`.',
        notFound: '`not_found`: no phrase with this key.',
      }),
    },
    '/v1/openapi.json': {
      get: getOperation({
        operationId: 'getOpenApiDocument',
        summary: 'This document',
        description: 'The OpenAPI 3.1 description of the delivery API. Public.',
        tags: ['Meta'],
        public: true,
        ok: { description: 'The document.', schema: schemaRef('OpenApiDocument'), example: { openapi: '3.1.0' } },
      }),
    },
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Phrasebook CMS delivery API',
      version: '1',
      description: [
        'The call-centre phrase library (話術庫) for agent tools, in Traditional and Simplified Chinese.',
        '',
        `**Locales.** ${DELIVERY_LOCALES.join(', ')}; default zh-Hant. Each region (zh-TW, zh-HK, zh-CN) gets its ` +
          'own stored text, the one a reviewer approved; zh-Hant and zh-Hans are aliases of the default Traditional ' +
          'region and of zh-CN. A phrase with no text for the requested region is `404 not_translated`: the API ' +
          'never falls back to another region\'s text.',
        '',
        '**Holidays.** A phrase may have holiday variants (e.g. Spring Festival). The variant in effect on `at` ' +
          '(default: today in the server\'s time zone, `PHRASEBOOK_TIMEZONE`, default Asia/Taipei) is served in ' +
          'place of the base phrase.',
        '',
        '**Caching.** Every GET sends an `ETag` and `Cache-Control: private, no-cache`, and answers a matching ' +
          '`If-None-Match` with 304. `GET /v1/changes` tells a cache what to refetch.',
        '',
        '**Errors.** Every error body is `{"error": {"code", "message"}}`; `message` is in the language of ' +
          `\`Accept-Language\` (${MESSAGE_LANGUAGES.join(', ')}; default zh-Hant).`,
      ].join('\n'),
    },
    ...(serverUrl ? { servers: [{ url: serverUrl, description: 'This server (paths include `/v1`).' }] } : {}),
    security: [{ apiClientKey: [] }, { userToken: [] }],
    tags: [
      { name: 'Phrases', description: 'Published phrases in a delivery locale.' },
      { name: 'Scenarios', description: 'Ordered phrases for a call situation.' },
      { name: 'i18n', description: 'Phrases as i18next resource bundles.' },
      { name: 'Changes', description: 'What changed since a revision, for caches, asked for or pushed.' },
      { name: 'Text tools', description: 'Script conversion and forbidden-term checks.' },
      { name: 'Usage', description: 'Usage reporting.' },
      { name: 'Meta', description: 'The API itself.' },
    ],
    paths,
    components: { schemas, parameters, headers, responses, securitySchemes },
  }
}

const METHODS = ['get', 'post'] as const

/** Every operation of the document, for tests that call each route. */
export const DOCUMENTED_ROUTES: ReadonlyArray<{ method: 'get' | 'post'; path: string }> = Object.freeze(
  Object.entries(openApiDocument().paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
    METHODS.filter((method) => method in item).map((method) => Object.freeze({ method, path })),
  ),
)
