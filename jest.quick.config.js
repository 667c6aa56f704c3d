import config from './jest.config.js'

/**
 * `npm run test:quick`, for local work: the pure-logic files and the SQLite files that need no
 * seeded template, no admin build, no PostgreSQL and no browser (about a minute). `npm test`
 * runs these and everything else.
 */
const QUICK = [
  'audit-chain', 'conversion', 'conversion-flow', 'convert-api', 'docs', 'holidays', 'if-match', 'input-rules',
  'layers', 'lint-matcher', 'openapi', 'regional-wording', 'search', 'seed-data', 'suggest', 'settings', 'sqlite-connections', 'workflow-messages',
]

const { globalSetup: _everythingElse, ...quick } = config
export default { ...quick, testMatch: QUICK.map((name) => `<rootDir>/test/${name}.test.ts`) }
