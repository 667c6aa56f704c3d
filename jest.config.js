/** Jest 30 with @swc/jest, native ESM (NODE_OPTIONS=--experimental-vm-modules, see package.json). */
export default {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'es6' } },
    ],
  },
  // The admin build and the seeded database templates, once, before any test (test/setup).
  globalSetup: '<rootDir>/test/setup/globalSetup.js',
  // Servers, databases and seeding: seconds, not milliseconds.
  testTimeout: 180_000,
  // Payload's PostgreSQL pool outlives payload.destroy() by a few idle clients; don't hang on it.
  forceExit: true,
  // Two test files at a time (`--maxWorkers=2`, see package.json; each file has its own
  // databases), each in a worker that is replaced once it holds more than this after a file:
  // every file starts servers and Payload instances, and one long-lived process ran out of heap.
  workerIdleMemoryLimit: '1536MB',
}
