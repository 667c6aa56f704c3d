import { getPayload } from 'payload'

import { createPayloadConfig } from '../createPayloadConfig'
import { resolveSettings } from '../settings'
import { loadStandardLibrary } from '../../seed/load'

/** `npm run seed`: loads whatever of the standard library is missing (safe to rerun). */
const settings = resolveSettings()
const payload = await getPayload({ config: await createPayloadConfig(settings) })
try {
  await loadStandardLibrary(payload, { auditKey: settings.auditKey, log: (line) => console.log(line) })
} finally {
  await payload.destroy()
}
process.exit(0)
