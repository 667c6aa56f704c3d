import { spawnSync } from 'node:child_process'

/** Jest's globalSetup: builds what the tests share before any of them starts (see prepare.ts). */
export default function globalSetup() {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'test/setup/prepare.ts'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: '' },
  })
  if (result.status !== 0) throw new Error(`Preparing the test run failed (exit code ${result.status}); see above.`)
  // Every template is now current; the test files (workers inherit this) may copy them.
  process.env[TEMPLATES_READY] = '1'
}

/** Set by the setup once the templates are current (`npm run test:quick` has no setup, and no templates). */
export const TEMPLATES_READY = 'PHRASEBOOK_TEST_TEMPLATES_READY'
