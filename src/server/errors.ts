import type { ErrorRequestHandler, Response } from 'express'

import { message, messageLanguage } from '../delivery/messages'

/** The JSON error shape of docs/contract.md: `{error: {code, message}}`. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } })
}

/** Last-resort handler: an error no route turned into an answer is logged and is a 500 in the API's shape. */
export const jsonErrorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 600 ? error.status : 500
  if (status < 500) return sendError(res, status, 'bad_request', String(error?.message ?? 'Bad request.'))
  console.error(error)
  sendError(res, status, 'internal_error', message('internal_error', messageLanguage(req.headers['accept-language'])))
}
