import type { CollectionBeforeChangeHook } from 'payload'
import type { Phrase } from '../../../src/payload-types'

import { isScript, otherScript, PHRASE_TEXT_FIELDS, REGIONS, type Script } from '../../../src/domain/locales'
import { currentForbiddenTerms } from '../../../src/lint/currentMatcher'
import { preservingRequest } from '../../../src/preservingRequest'
import { companionOfSave } from './conversion'

type ScriptValues = Partial<Record<(typeof PHRASE_TEXT_FIELDS)[number], string | null>> & { machineConverted?: boolean | null; ambiguities?: unknown }


/**
 * Keeps two list filters true to both scripts (a write only carries one): `needsReview` when a
 * script is machine-converted or has flagged characters (or the save proposes a region's text with
 * open flags), and `forbiddenTermFindings`, the number
 * of forbidden terms in either script. The count is as of the last save; a later change to the
 * forbidden-term list shows on the phrase's next save (review itself always lints afresh). This
 * runs before the fields are validated, so a value that is not text yet is not linted.
 */
export const summarizeReviewNeeds: CollectionBeforeChangeHook<Phrase> = async ({ data, originalDoc, operation, req }) => {
  if (!isScript(req.locale)) return data
  const written: ScriptValues = { ...originalDoc, ...data }
  const otherLocale = otherScript(req.locale)
  // The other script as this save leaves it: converted or restored along with this one, or as stored.
  const other: ScriptValues | null =
    companionOfSave(originalDoc, otherLocale) ??
    (operation === 'update' && originalDoc?.id !== undefined
      ? ((await preservingRequest(req, () =>
          req.payload.findByID({ collection: 'phrases', id: originalDoc.id, draft: true, locale: otherLocale, depth: 0, overrideAccess: true, disableErrors: true, req }),
        )) as ScriptValues | null)
      : null)
  const scripts: [Script, ScriptValues | null][] = [
    [req.locale, written],
    [otherLocale, other],
  ]
  const flagged = (values: ScriptValues | null | undefined) => Array.isArray(values?.ambiguities) && values.ambiguities.length > 0
  // A region's text is the machine's proposal until a reviewer approves it: only its open flags need a person first.
  data.needsReview =
    scripts.some(([, values]) => Boolean(values?.machineConverted) || flagged(values)) || REGIONS.some((region) => flagged(companionOfSave(originalDoc, region)))
  const terms = await currentForbiddenTerms(req.payload)
  data.forbiddenTermFindings = scripts.reduce(
    (count, [script, values]) => count + PHRASE_TEXT_FIELDS.reduce((sum, field) => sum + (typeof values?.[field] === 'string' ? terms.lint(values[field]!, script).length : 0), 0),
    0,
  )
  return data
}
