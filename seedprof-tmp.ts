import { rmSync } from 'node:fs'
import { getPayload } from 'payload'
import { createPayloadConfig } from './src/createPayloadConfig'
import { resolveSettings } from './src/settings'
import { loadStandardLibrary } from './seed/load'
rmSync('/tmp/seedprof.db', { force: true })
const settings = resolveSettings({ DATABASE_URL: 'file:/tmp/seedprof.db', PHRASEBOOK_DATA_DIR: 'test/.tmp/templates/data', NODE_ENV: 'test', PORT: '0' })
const payload = await getPayload({ config: await createPayloadConfig(settings) })
const t = Date.now()
await loadStandardLibrary(payload, { auditKey: settings.auditKey, log: (l) => console.log(Date.now() - t, l) })
console.log('seed ms', Date.now() - t)
await payload.destroy(); process.exit(0)
