import { parseArgs } from 'node:util'

import { getPayload } from 'payload'

import { type BackupFile, loadBackupFile, NotABackupError } from '../backup/format'
import { restoreBackup, RestoreRefused } from '../backup/restore'
import { createPayloadConfig } from '../createPayloadConfig'
import { ConfigurationError, resolveSettings } from '../settings'

const USAGE = `Usage: npm run restore -- <file> [--allow-unverified-chain]

  Loads a backup made by \`npm run backup\` into the EMPTY database at DATABASE_URL (any adapter).
  --allow-unverified-chain  restore even if the backup's audit chain does not verify with this
                            database's PHRASEBOOK_AUDIT_KEY

Exit status: 0 restored and the audit chain verifies; 2 refused, nothing written (wrong usage,
not a backup, database not empty, audit key differs); 3 restored but the audit chain does not
verify; 1 failed.`

const REFUSED = 2
const CHAIN_FAILS = 3

function describe(backup: BackupFile): string {
  const parts = Object.entries(backup.counts).map(([name, n]) => `${name} ${n}`)
  const versions = Object.entries(backup.versionCounts).map(([name, n]) => `${name} versions ${n}`)
  return [...parts, ...versions].join(', ')
}

/** What people must do after a restore without secrets. */
function afterRestoreNotes(report: { passwords: boolean; apiKeys: boolean }, backup: BackupFile): string[] {
  const notes: string[] = []
  if (!report.passwords && (backup.counts.users ?? 0) > 0) {
    notes.push(
      'People were restored WITHOUT passwords (the backup was made without --with-secrets): nobody can sign in until they set ' +
        'a new one with "Forgot password?" on /admin (POST /api/users/forgot-password; the reset e-mail goes to the server log ' +
        'until an e-mail adapter is configured), or an admin who has a password sets it for them. To keep passwords, back up ' +
        'with --with-secrets.',
    )
  }
  if (!backup.contents.apiKeys && (backup.counts['api-clients'] ?? 0) > 0) {
    notes.push('API clients were restored WITHOUT their keys: an admin generates a new key for each (API clients) and gives it to the agent tool.')
  }
  return notes
}

/** `npm run restore -- <file>`: see docs/backup.md. */
async function main(): Promise<number> {
  let args
  try {
    args = parseArgs({ allowPositionals: true, options: { 'allow-unverified-chain': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } })
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`)
    return REFUSED
  }
  if (args.values.help) {
    console.log(USAGE)
    return 0
  }
  if (args.positionals.length !== 1) {
    console.error(USAGE)
    return REFUSED
  }
  const [file] = args.positionals
  // The file is checked before the database is touched: a wrong file changes nothing.
  let backup: BackupFile
  try {
    backup = await loadBackupFile(file!)
  } catch (error) {
    if (!(error instanceof NotABackupError)) throw error
    console.error(`Refused: ${error.message}`)
    return REFUSED
  }
  const settings = resolveSettings()
  console.log(`Restoring ${file} (made ${backup.createdAt} from ${backup.source.adapter}) into the ${settings.databaseKind} database`)
  console.log(`  ${describe(backup)}`)
  console.log(
    "  The audit chain verifies only with the source's PHRASEBOOK_AUDIT_KEY (the key is not in the backup): this database must run with the same key.",
  )

  // Its own Payload instance: no first admin from the environment and no standard library are
  // written (that is `npm start`), so the database stays empty until the restore itself.
  // Like `npm start`, it pushes the schema outside production and runs the migrations in production.
  const payload = await getPayload({ config: await createPayloadConfig(settings) })
  const started = Date.now()
  try {
    const report = await restoreBackup(payload, backup, {
      log: (line) => console.log(line),
      allowUnverifiedChain: Boolean(args.values['allow-unverified-chain']),
    })
    console.log(`Restored in ${((Date.now() - started) / 1000).toFixed(1)} s (ids ${report.ids}).`)
    if (report.danglingReferences) console.log(`  ${report.danglingReferences} relations pointed outside the backup and were left empty (see the warnings above).`)
    for (const note of afterRestoreNotes(report, backup)) console.log(`  ${note}`)
    const { auditChain } = report
    if (!auditChain.ok) {
      console.error(
        `Audit chain after the restore: DOES NOT VERIFY (entry ${auditChain.firstBadEntry?.sequence}: ${auditChain.firstBadEntry?.reason}). ` +
          'Is PHRASEBOOK_AUDIT_KEY the key of the database the backup came from?',
      )
      return CHAIN_FAILS
    }
    console.log(`Audit chain after the restore: verified, ${auditChain.entries} entries.`)
    return 0
  } catch (error) {
    if (!(error instanceof RestoreRefused)) throw error
    console.error(`Refused: ${error.message} Nothing was written.`)
    return REFUSED
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
