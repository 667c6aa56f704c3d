import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { getPayload } from 'payload'

import { writeBackup } from '../backup/backup'
import { saveBackupFile } from '../backup/format'
import { createPayloadConfig } from '../createPayloadConfig'
import { ConfigurationError, resolveSettings } from '../settings'

const USAGE = `Usage: npm run backup -- [file] [--with-secrets] [--with-usage]

  file            where to write the backup (default: <data dir>/backup-<time>.json.gz; .gz = gzip)
  --with-secrets  include password hashes and API keys (without them nobody can sign in after a
                  restore until they set a new password, and API clients need new keys)
  --with-usage    include the phrase-usage rows reported by agent tools`

/** `npm run backup`: the whole library in one file (see docs/backup.md). Exit 0 done, 1 failed, 2 wrong usage. */
async function main(): Promise<number> {
  let args
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { 'with-secrets': { type: 'boolean' }, 'with-usage': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    })
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  if (args.values.help || args.positionals.length > 1) {
    console.log(USAGE)
    return args.values.help ? 0 : 2
  }
  const settings = resolveSettings()
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const file = path.resolve(args.positionals[0] ?? path.join(settings.dataDir, `backup-${stamp}.json.gz`))
  mkdirSync(path.dirname(file), { recursive: true })
  const withSecrets = Boolean(args.values['with-secrets'])

  const payload = await getPayload({ config: await createPayloadConfig(settings) })
  const started = Date.now()
  try {
    console.log(`Backing up the ${settings.databaseKind} database to ${file}`)
    const backup = await writeBackup(payload, { withSecrets, withUsage: Boolean(args.values['with-usage']), log: (line) => console.log(line) })
    const bytes = await saveBackupFile(file, backup)
    const versions = Object.entries(backup.versionCounts).map(([name, n]) => `${name} versions ${n}`)
    console.log(`Wrote ${file}: ${(bytes / 1024).toFixed(1)} KiB in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    console.log(`  ${[...Object.entries(backup.counts).map(([name, n]) => `${name} ${n}`), ...versions].join(', ')}`)
    console.log(
      withSecrets
        ? '  With secrets (--with-secrets): this file holds password hashes and API keys. Keep it as safe as the database.'
        : '  Without secrets: no password hashes and no API keys (add --with-secrets to include them). After a restore ' +
            'people set a new password ("Forgot password?") and API clients need new keys.',
    )
    console.log(
      `  Audit chain: ${backup.auditChain.entries} entries, ${backup.auditChain.verified ? 'verified' : 'DOES NOT VERIFY'} with this database's key. ` +
        'The key is not in the file: the restored database must run with the same PHRASEBOOK_AUDIT_KEY for the chain to verify.',
    )
    return 0
  } finally {
    await payload.destroy()
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(error instanceof ConfigurationError ? `Configuration error: ${error.message}` : error)
    process.exit(1)
  })
