import type { IncomingMessage } from 'node:http'

import busboy from 'busboy'
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express'

import { DeliveryError } from '../delivery/request'
import { sendDeliveryError } from './deliveryRoutes'

/** Body size limits: a phrase with every field full is about 20 KB; a spreadsheet import at most 10 MB. */
export const BODY_LIMITS = {
  /** JSON to the REST API. */
  json: 1024 * 1024,
  /** Anything else to the REST API (the admin's and the import's multipart uploads). */
  other: 12 * 1024 * 1024,
  /** Anything to the delivery API. */
  delivery: 256 * 1024,
} as const

/** Beyond this the rest of a refused body is not read: the connection is closed instead. */
const MAX_DRAINED_BYTES = 64 * 1024 * 1024

type Refusal = 'malformed_url' | 'malformed_json' | 'not_an_object' | 'malformed_multipart' | 'payload_too_large' | 'unsupported_encoding' | 'unsupported_media_type'

const refuse = (req: Request, res: Response, status: number, code: Refusal) => sendDeliveryError(req, res, new DeliveryError(status, code, code))

const contentType = (req: IncomingMessage) => req.headers['content-type'] ?? ''
const isJson = (req: IncomingMessage) => /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType(req))
const isMultipart = (req: IncomingMessage) => /^multipart\//i.test(contentType(req))

/**
 * Reads the whole body, whatever its type, before anything answers the request, and keeps the
 * bytes in `req.body`. A server that answers (even a 400 or 401) while the client is still sending
 * leaves that connection unusable: the client's next request on it waits, then fails. A body
 * over the limit is a 413 that the client can read: the rest is read and dropped first.
 */
export function readWholeBody(limit: (req: IncomingMessage) => number): RequestHandler {
  const readers = new Map<number, RequestHandler>()
  const readerFor = (bytes: number) => readers.get(bytes) ?? readers.set(bytes, express.raw({ type: () => true, limit: bytes })).get(bytes)!
  return (req, res, next) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_DRAINED_BYTES) {
      res.setHeader('connection', 'close')
      return refuse(req, res, 413, 'payload_too_large')
    }
    readerFor(limit(req))(req, res, (error?: unknown) => {
      if (!error) return next()
      const { status, type } = error as { status?: number; type?: string }
      if (status === 413) return afterDraining(req, () => refuse(req, res, 413, 'payload_too_large'))
      if (type === 'charset.unsupported' || type === 'encoding.unsupported') return refuse(req, res, 415, 'unsupported_encoding')
      refuse(req, res, 400, 'malformed_json')
    })
  }
}

function afterDraining(req: Request, answer: () => void): void {
  if (req.complete || req.readableEnded) return answer()
  req.once('end', answer)
  req.resume()
}

/** For the REST API: JSON at most BODY_LIMITS.json, anything else at most BODY_LIMITS.other. */
export const readApiBody = readWholeBody((req) => (isJson(req) ? BODY_LIMITS.json : BODY_LIMITS.other))

/**
 * A path whose every segment decodes, and none to "." or ".." or to something holding a slash:
 * a router that resolved `%2e%2e` would reach a route past the middleware meant for it (the
 * sign-in limit, say), and one that cannot decode `%ff` fails with a 500.
 */
export const wellFormedPath: RequestHandler = (req, res, next) => {
  const path = req.originalUrl.split('?', 1)[0]!
  for (const segment of path.split('/')) {
    let decoded: string
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      return refuse(req, res, 400, 'malformed_url')
    }
    if (decoded === '.' || decoded === '..' || /[/\\\u0000]/.test(decoded)) return refuse(req, res, 400, 'malformed_url')
  }
  next()
}

/**
 * Payload's admin asks for long lists as a POST with `X-Payload-HTTP-Method-Override: GET` and
 * the query string as an `application/x-www-form-urlencoded` body; Payload answers it as that GET.
 */
export function overriddenQuery(req: Request): URLSearchParams | null {
  if (!isOverriddenRead(req) || !/^application\/x-www-form-urlencoded\b/i.test(contentType(req))) return null
  return new URLSearchParams(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '')
}

const isOverriddenRead = (req: Request) =>
  req.method === 'POST' && (req.headers['x-payload-http-method-override'] ?? req.headers['x-http-method-override']) === 'GET'

const readBytes = (req: Request): Buffer | null => (Buffer.isBuffer(req.body) && req.body.length > 0 ? req.body : null)

/**
 * Bodies for Payload's REST API, checked before Payload reads them, because Payload answers a
 * body it cannot read with a 500:
 * - JSON (any `application/*+json`, any case) parses (400 `malformed_json`) and is an object, as
 *   every write and workflow action takes (400 `not_an_object`: `null` or `[]` reached the
 *   field hooks);
 * - multipart (the admin's saves, the spreadsheet import) has a boundary and parses, and its
 *   `_payload` field, the document, is a JSON object (400 `malformed_multipart`);
 * - a body of any other type is a 415, but for the admin's long queries (see overriddenQuery).
 * Payload then reads the same bytes (`req.body`, see toWebRequest).
 */
export const checkedApiBody: RequestHandler = async (req, res, next) => {
  const bytes = readBytes(req)
  if (!bytes) {
    // An empty multipart body is cut short, and Payload parses the JSON of a read sent as a
    // POST even when there is none; any other empty body is no body.
    if (isMultipart(req) && !['GET', 'HEAD', 'OPTIONS', 'DELETE'].includes(req.method)) return refuse(req, res, 400, 'malformed_multipart')
    if (isJson(req) && isOverriddenRead(req)) return refuse(req, res, 400, 'not_an_object')
    return next()
  }
  if (isJson(req)) {
    const refusal = jsonRefusal(bytes.toString('utf8'))
    if (refusal) return refuse(req, res, 400, refusal)
    // Payload only reads a body typed exactly application/json.
    req.headers['content-type'] = 'application/json'
  } else if (isMultipart(req)) {
    const refusal = await multipartRefusal(req.headers, bytes)
    if (refusal) return refuse(req, res, 400, refusal)
  } else if (!overriddenQuery(req)) {
    // Payload reads no other body, and would act on a write as if it had none.
    return refuse(req, res, 415, 'unsupported_media_type')
  }
  next()
}

/**
 * For the delivery API: a JSON body parsed into `req.body` (400 `malformed_json` when it does not
 * parse); any other body is dropped, and the routes ask for JSON.
 */
export const parsedDeliveryBody: RequestHandler = (req, res, next) => {
  const bytes = readBytes(req)
  req.body = undefined
  if (!bytes || !isJson(req)) return next()
  try {
    req.body = JSON.parse(bytes.toString('utf8'))
  } catch {
    return refuse(req, res, 400, 'malformed_json')
  }
  next()
}

function jsonRefusal(text: string): Refusal | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return 'malformed_json'
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? null : 'not_an_object'
}

function multipartRefusal(headers: IncomingMessage['headers'], bytes: Buffer): Promise<Refusal | null> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({ headers })
    } catch {
      return resolve('malformed_multipart')
    }
    let document: string | undefined
    parser.on('field', (name, value) => {
      if (name === '_payload') document = value
    })
    parser.on('file', (_name, stream) => stream.resume())
    parser.on('error', () => resolve('malformed_multipart'))
    parser.on('close', () => resolve(document === undefined || jsonRefusal(document) === null ? null : 'malformed_multipart'))
    parser.end(bytes)
  })
}

const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  423: 'locked',
  429: 'rate_limited',
}

type PayloadErrors = {
  errors?: { name?: string; message?: string; data?: { code?: unknown; errors?: { path?: string; message?: string; label?: string }[] } }[]
  /** Payload's "route not found" answer. */
  message?: string
}

/**
 * Payload's own refusals (`{errors: [...]}`, which the admin reads) also carry the API's error
 * shape, `{error: {code, message}}`, so every client reads one shape: a validation error says
 * which fields (`fields`), in the request's language.
 */
export async function withErrorShape(response: globalThis.Response): Promise<globalThis.Response> {
  if (response.status < 400 || !/json/i.test(response.headers.get('content-type') ?? '')) return response
  const text = await response.text()
  const rebuilt = (body: string) => {
    const headers = new Headers(response.headers)
    headers.delete('content-length')
    return new globalThis.Response(body, { status: response.status, statusText: response.statusText, headers })
  }
  let body: PayloadErrors & { error?: unknown }
  try {
    body = JSON.parse(text)
  } catch {
    return rebuilt(text)
  }
  if (!body || typeof body !== 'object' || body.error || !(Array.isArray(body.errors) || typeof body.message === 'string')) return rebuilt(text)
  const [first] = body.errors ?? [{ message: body.message }]
  const fields = first?.data?.errors
  // A hook's refusal may carry its own code and details (`new APIError(message, status, {code, …})`).
  const coded = typeof first?.data?.code === 'string' ? (first.data as Record<string, unknown>) : null
  const code = coded ? String(coded.code) : first?.name === 'ValidationError' ? 'validation_failed' : (STATUS_CODES[response.status] ?? (response.status >= 500 ? 'internal_error' : 'bad_request'))
  const error = {
    ...coded,
    code,
    message: fields?.length ? fields.map((f) => `${f.label ?? f.path}: ${f.message}`).join('; ') : (first?.message ?? 'Request refused.'),
    ...(fields?.length ? { fields: fields.map((f) => ({ path: f.path, message: f.message })) } : {}),
  }
  return rebuilt(JSON.stringify({ ...body, error }))
}
