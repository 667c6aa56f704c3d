import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { CONVERSION_TARGETS, isConversionTarget } from '../conversion'
import { currentConverter } from '../conversion/currentConverter'
import { sendError } from './errors'

/** The longest text one request converts (a phrase is a sentence or two; a page is plenty). */
export const MAX_CONVERT_CHARACTERS = 20_000

/** `POST /v1/convert {text, to}` → `{text, to, ambiguities}` with the glossary applied. */
export function convertRoute(payload: Payload): RequestHandler {
  return async (req, res) => {
    const { text, to } = (req.body ?? {}) as { text?: unknown; to?: unknown }
    if (typeof text !== 'string') {
      sendError(res, 400, 'invalid_text', 'Send the text to convert as a string: {"text": "…", "to": "zh-TW"}.')
      return
    }
    if (!isConversionTarget(to)) {
      sendError(res, 400, 'unknown_target', `Unknown target ${JSON.stringify(to ?? null)}; use one of ${CONVERSION_TARGETS.join(', ')}.`)
      return
    }
    if (text.length > MAX_CONVERT_CHARACTERS) {
      sendError(res, 413, 'text_too_long', `The text is ${text.length} characters; at most ${MAX_CONVERT_CHARACTERS} are converted per request.`)
      return
    }
    const converter = await currentConverter(payload)
    res.json(converter.convert(text, to))
  }
}
