import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { CONVERSION_TARGETS, isConversionTarget } from '../conversion'
import { currentConverter } from '../conversion/currentConverter'
import { DeliveryError } from '../delivery/request'
import { sendDeliveryError } from './deliveryRoutes'

/** The longest text one request converts (a phrase is a sentence or two; a page is plenty). */
export const MAX_CONVERT_CHARACTERS = 20_000

/** `POST /v1/convert {text, to}` → `{text, to, ambiguities}` with the glossary applied. */
export function convertRoute(payload: Payload): RequestHandler {
  return async (req, res) => {
    const { text, to } = (req.body ?? {}) as { text?: unknown; to?: unknown }
    if (typeof text !== 'string') {
      sendDeliveryError(req, res, new DeliveryError(400, 'invalid_text', 'invalid_text'))
      return
    }
    if (!isConversionTarget(to)) {
      sendDeliveryError(req, res, new DeliveryError(400, 'unknown_target', 'unknown_target', { value: String(to ?? ''), allowed: CONVERSION_TARGETS.join(', ') }))
      return
    }
    if (text.length > MAX_CONVERT_CHARACTERS) {
      sendDeliveryError(req, res, new DeliveryError(413, 'text_too_long', 'text_too_long', { length: text.length, max: MAX_CONVERT_CHARACTERS }))
      return
    }
    const converter = await currentConverter(payload)
    res.json(converter.convert(text, to))
  }
}
