'use client'
import { useTranslation } from '@payloadcms/ui'

import { type AdminMessages, hasAdminMessage } from '../i18n/adminTranslations'

export type Translate = (key: keyof AdminMessages, values?: Record<string, unknown>) => string

/** Payload's `t` for the phrasebook's own messages (see src/i18n/adminTranslations.ts). */
export function useMessages(): { t: Translate; language: string } {
  const { t, i18n } = useTranslation()
  const translate = t as unknown as (key: string, values?: Record<string, unknown>) => string
  return { t: (key, values) => translate(`phrasebook:${key}`, values), language: i18n.language }
}

/** An API refusal, with the server's code so the screen can say it in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

/** A call to the phrasebook's REST API as the signed-in person (cookie), JSON in and out. */
export async function callApi<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`/api${path}`, {
    method: init.method ?? 'GET',
    credentials: 'include',
    headers: init.body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) {
    const error = body?.error ?? body?.errors?.[0] ?? {}
    throw new ApiError(response.status, error.code ?? `http_${response.status}`, error.message ?? response.statusText, error)
  }
  return body as T
}

/** A refusal in the user's language where we know the code, else the server's words. */
export function describeFailure(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    const key = `error_${error.code}`
    return t('failed', { message: hasAdminMessage(key) ? t(key) : error.message })
  }
  return t('failed', { message: String((error as Error)?.message ?? error) })
}
