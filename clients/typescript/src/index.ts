import createClient, { type Middleware } from 'openapi-fetch'

import type { components, operations, paths } from './schema'

/**
 * A typed client of the Phrasebook delivery API (`/v1`), for agent desktops, chat consoles and
 * bots. The request and answer types are generated from the server's OpenAPI document
 * (`schema.ts`, by openapi-typescript); the calls go through openapi-fetch. Around them, what every
 * integrator would otherwise write: the auth header, ETag caching, delta sync of a region's
 * library, and a subscription to pushed changes.
 */

export type Phrase = components['schemas']['Phrase']
export type SearchResults = components['schemas']['SearchResults']
export type Suggestions = components['schemas']['Suggestions']
export type SuggestRequest = components['schemas']['SuggestRequest']
export type UsageEvent = components['schemas']['UsageEvent']
export type PhraseQuery = NonNullable<operations['getPhrase']['parameters']['query']>
export type ListQuery = NonNullable<operations['listPhrases']['parameters']['query']>
export type SearchQuery = Omit<NonNullable<operations['searchPhrases']['parameters']['query']>, 'q'>
/** What a synced library is of: a region, and a channel or category if given (always today's phrases, the whole list). */
export type LibraryQuery = Pick<ListQuery, 'channel' | 'category'> & { locale: NonNullable<ListQuery['locale']> }

/** An API client's key (`Authorization: api-clients API-Key …`) or a signed-in person's token. */
export type Credentials = { apiKey: string } | { token: string }

export type PhrasebookOptions = {
  /** Where the server is, e.g. https://phrasebook.example (no trailing /v1). */
  baseUrl: string
  credentials: Credentials
  /** The language error messages come in (zh-TW, zh-CN or en). */
  language?: string
  fetch?: typeof fetch
  /** How many answers the ETag cache keeps (least recently used first out). */
  cachedAnswers?: number
}

/** A refusal of the API: its HTTP status, stable `code` and message in the asked language. */
export class PhrasebookError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'PhrasebookError'
  }
}

/**
 * Remembers each GET's answer with its ETag and asks again with `If-None-Match`: an unchanged
 * answer is a 304 with no body, answered here from memory.
 */
function etagCache(limit: number): Middleware {
  type Answer = { etag: string; body: string; headers: Headers }
  const answers = new Map<string, Answer>()
  // The answer a request asked to revalidate, kept with the request: it may leave the cache while
  // the request is out (more requests at once than the cache holds).
  const revalidating = new WeakMap<Request, Answer>()
  return {
    onRequest({ request }) {
      const cached = request.method === 'GET' ? answers.get(request.url) : undefined
      if (cached) {
        request.headers.set('if-none-match', cached.etag)
        revalidating.set(request, cached)
      }
      return request
    },
    async onResponse({ request, response }) {
      if (request.method !== 'GET') return response
      const cached = revalidating.get(request)
      if (response.status === 304 && cached) {
        // Least recently used goes first: this one is used now.
        answers.delete(request.url)
        answers.set(request.url, cached)
        return new Response(cached.body, { status: 200, headers: cached.headers })
      }
      const etag = response.headers.get('etag')
      if (response.ok && etag) {
        const body = await response.clone().text()
        answers.delete(request.url)
        answers.set(request.url, { etag, body, headers: new Headers(response.headers) })
        if (answers.size > limit) answers.delete(answers.keys().next().value!)
      }
      return response
    },
  }
}

/** A minimal EventSource, as browsers have it and the `eventsource` package gives it in Node. */
export type EventSourceLike = {
  addEventListener(type: string, listener: (event: { data: string; lastEventId: string }) => void): void
  close(): void
}
export type EventSourceClass = new (url: string, init?: { fetch?: typeof fetch }) => EventSourceLike

export type PushedChange = { revision: number; key: string; change: 'published' | 'withdrawn' | 'changed'; kind: 'published' | 'withdrawn' | 'reference' }

export function createPhrasebookClient(options: PhrasebookOptions) {
  const authorization = 'apiKey' in options.credentials ? `api-clients API-Key ${options.credentials.apiKey}` : `JWT ${options.credentials.token}`
  const headers: Record<string, string> = { authorization, ...(options.language && { 'accept-language': options.language }) }
  const fetchWith = options.fetch ?? globalThis.fetch
  const api = createClient<paths>({ baseUrl: options.baseUrl, headers, fetch: (request) => fetchWith(request) })
  api.use(etagCache(options.cachedAnswers ?? 500))

  async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
    const { data, error, response } = await call
    if (data !== undefined && !error) return data
    const { code = 'http_error', message = response.statusText, ...details } = ((error as { error?: Record<string, string> })?.error ?? {}) as Record<string, string>
    throw new PhrasebookError(response.status, code, message, details)
  }

  const client = {
    /** The raw typed client (openapi-fetch) for any route. */
    api,
    phrase: (key: string, query: PhraseQuery = {}) => answer(api.GET('/v1/phrases/{key}', { params: { path: { key }, query } })),
    /** Every phrase of the list, page by page (the cursor of one revision; a 410 means start again). */
    async *phrases(query: ListQuery = {}): AsyncGenerator<Phrase> {
      let cursor: string | undefined
      do {
        const page = await answer(api.GET('/v1/phrases', { params: { query: { ...query, ...(cursor && { cursor }) } } }))
        yield* page.items
        cursor = page.nextCursor ?? undefined
      } while (cursor)
    },
    search: (q: string, query: SearchQuery = {}) => answer(api.GET('/v1/search', { params: { query: { q, ...query } } })),
    suggest: (request: SuggestRequest) => answer(api.POST('/v1/suggest', { body: request })),
    reportUsage: (use: UsageEvent) => answer(api.POST('/v1/usage', { body: use })),
    changes: (since: number) => answer(api.GET('/v1/changes', { params: { query: { since } } })),
    /** A region's library kept in step with the server (see `PhraseLibrary`). */
    library: (query: LibraryQuery) => new PhraseLibrary(client, query),
    /**
     * Hears each publish, withdrawal and reference change as the server pushes it
     * (`GET /v1/events`), from `since` (default: now). EventSource reconnects by itself and resumes
     * after the last event it had, so nothing is missed. Returns a function that stops listening.
     */
    subscribe(onChange: (change: PushedChange) => void, { since, EventSource }: { since?: number; EventSource: EventSourceClass }): () => void {
      const url = `${options.baseUrl}/v1/events${since === undefined ? '' : `?since=${since}`}`
      const source = new EventSource(url, { fetch: (input, init) => fetchWith(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...headers } }) })
      for (const kind of ['published', 'withdrawn', 'reference'] as const) {
        source.addEventListener(kind, (event) => onChange({ ...(JSON.parse(event.data) as Omit<PushedChange, 'kind'>), kind }))
      }
      return () => source.close()
    },
  }
  return client
}

export type PhrasebookClient = ReturnType<typeof createPhrasebookClient>

/**
 * A region's published phrases, by key, kept in step with the server by delta sync: the first
 * `sync()` reads the whole list; each later one asks `/v1/changes` since the revision it holds and
 * fetches only the phrases that changed. Reference changes (categories, holidays, scenarios, the
 * glossary), a cursor the server no longer knows (a restored database) and a new day (holiday
 * variants and validity windows change with the date, not with a revision) read the whole list
 * again. A phrase that starts or stops being valid during the day is seen at the next new day
 * or change: call `sync()` when told of a change, and at least daily.
 */
export class PhraseLibrary {
  readonly phrases = new Map<string, Phrase>()
  revision = 0
  /** The (UTC) day the whole list was last read on. */
  private day?: string

  constructor(
    private readonly client: PhrasebookClient,
    private readonly query: LibraryQuery,
  ) {}

  async sync(): Promise<{ full: boolean; changed: string[]; removed: string[] }> {
    if (this.revision === 0 || this.day !== new Date().toISOString().slice(0, 10)) return this.reload()
    let changes
    try {
      changes = await this.client.changes(this.revision)
    } catch (error) {
      if (error instanceof PhrasebookError && error.status === 410) return this.reload()
      throw error
    }
    if (changes.reference) return this.reload()
    const changed: string[] = []
    const removed: string[] = []
    for (const key of new Set(changes.changes.map((change) => change.key))) {
      try {
        const phrase = await this.client.phrase(key, { locale: this.query.locale, channel: this.query.channel })
        // A holiday variant's change: its base phrase may be served differently; read the list again.
        if (phrase.key !== phrase.variantKey || (this.query.category && phrase.category !== this.query.category)) return this.reload()
        this.phrases.set(key, phrase)
        changed.push(key)
      } catch (error) {
        if (!(error instanceof PhrasebookError && error.status === 404)) throw error
        if (this.phrases.delete(key)) removed.push(key)
      }
    }
    this.revision = changes.revision
    return { full: false, changed, removed }
  }

  private async reload() {
    const phrases = new Map<string, Phrase>()
    let revision = 0
    for await (const phrase of this.client.phrases(this.query)) {
      phrases.set(phrase.key, phrase)
      revision = Math.max(revision, phrase.revision)
    }
    this.day = new Date().toISOString().slice(0, 10)
    // An empty library still has a revision to sync from.
    if (phrases.size === 0) revision = (await this.client.changes(0)).revision
    const removed = [...this.phrases.keys()].filter((key) => !phrases.has(key))
    this.phrases.clear()
    for (const [key, phrase] of phrases) this.phrases.set(key, phrase)
    this.revision = revision
    return { full: true, changed: [...phrases.keys()], removed }
  }
}

/**
 * The options of `i18next-http-backend` that load the server's i18next bundles (namespace =
 * category, key = phrase key without it): i18next as the phrase client, with no glue code.
 */
export function i18nextBackendOptions(options: Pick<PhrasebookOptions, 'baseUrl' | 'credentials'>) {
  const authorization = 'apiKey' in options.credentials ? `api-clients API-Key ${options.credentials.apiKey}` : `JWT ${options.credentials.token}`
  return { loadPath: `${options.baseUrl}/v1/i18n/{{lng}}/{{ns}}.json`, customHeaders: { authorization } }
}
