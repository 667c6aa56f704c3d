import type { PayloadRequest } from 'payload'

import { message, type MessageKey, requestLanguage } from '../../src/delivery/messages'
import { WORKFLOW_STATE_LABELS, WORKFLOW_STATES } from '../../src/domain/workflow'
import type { LocatedFinding } from '../../src/lint/reviewGate'

const STATE_LABEL_LANGUAGE = { 'zh-Hant': 'zh-TW', 'zh-Hans': 'zh', en: 'en' } as const

/**
 * A message of the API's catalogue in the caller's language. A workflow state among the values
 * (`{state: 'in_review'}`) is named as the admin names it, mid-sentence.
 */
export function said(req: Pick<PayloadRequest, 'headers'>, key: MessageKey, values: Record<string, unknown> = {}): string {
  const language = requestLanguage(req)
  const state = WORKFLOW_STATES.find((known) => known === values.state)
  if (!state) return message(key, language, values)
  const label = WORKFLOW_STATE_LABELS[state][STATE_LABEL_LANGUAGE[language]]
  return message(key, language, { ...values, state: language === 'en' ? label.toLowerCase() : label })
}

/** Forbidden terms as a list in the caller's language: the term, where it is, what to say instead. */
export function listedFindings(req: Pick<PayloadRequest, 'headers'>, findings: LocatedFinding[]): string {
  return findings
    .map(({ term, locale, field, index, suggestion }) =>
      said(req, suggestion ? 'lint_finding_suggestion' : 'lint_finding', { term, locale, field, index, suggestion }),
    )
    .join(said(req, 'list_separator'))
}
