import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { PROJECT_ROOT } from '../server/start'
import { resolveSettings, type Settings } from '../settings'
import { inputsDigest } from './inputsDigest'

const BUILD_INPUTS = ['src', 'collections', 'migrations', 'next.config.mjs', 'tsconfig.json', 'package-lock.json']
const STAMP = path.join(PROJECT_ROOT, '.next', 'phrasebook-build-hash')

export function adminBuildIsCurrent(): boolean {
  return existsSync(STAMP) && readFileSync(STAMP, 'utf8') === inputsDigest(PROJECT_ROOT, BUILD_INPUTS)
}

/** Runs `next build` for the admin UI (about 30 s) unless the current sources were already built. */
export function buildAdmin(settings: Settings, { force = false } = {}): void {
  if (!force && adminBuildIsCurrent()) return
  // Developers changing server code in parallel keep the admin they built (a stale admin still
  // serves the API); a build shared by several processes at once would be corrupted.
  if (!force && process.env.PHRASEBOOK_KEEP_ADMIN_BUILD === '1' && existsSync(STAMP)) return
  console.log('Building the admin UI (next build); this takes about half a minute on first start…')
  const started = Date.now()
  const env = {
    ...process.env,
    // Both steps import the Payload config, which needs the secrets even though it connects nowhere.
    PAYLOAD_SECRET: settings.payloadSecret,
    PHRASEBOOK_AUDIT_KEY: settings.auditKey,
    PAYLOAD_CONFIG_PATH: 'src/payload.config.ts',
    NEXT_TELEMETRY_DISABLED: '1',
  }
  // The admin resolves Payload's own components (dashboard cards, …) through the import map.
  for (const [tool, args] of [
    ['payload', ['generate:importmap']],
    ['next', ['build']],
  ] as const) {
    const result = spawnSync(path.join(PROJECT_ROOT, 'node_modules/.bin', tool), args, { cwd: PROJECT_ROOT, stdio: 'inherit', env })
    if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (exit code ${result.status})`)
  }
  writeFileSync(STAMP, inputsDigest(PROJECT_ROOT, BUILD_INPUTS))
  console.log(`Admin UI built in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildAdmin(resolveSettings(), { force: process.argv.includes('--force') })
}
