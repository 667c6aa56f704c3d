/**
 * The JSON error shape of docs/contract.md, `{error: {code, message}}`, as a Web `Response` for
 * Payload endpoints (served without Express); `details` such as findings go beside the message.
 */
export function errorResponse(status: number, code: string, message: string, details: Record<string, unknown> = {}): globalThis.Response {
  return globalThis.Response.json({ error: { code, message, ...details } }, { status })
}
