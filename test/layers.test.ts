import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from '@jest/globals'

/** Every .ts/.tsx file under `folder`, relative to the repository. */
function sources(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.join(folder, file))
}

/** What a file imports (static, dynamic and type-only), relative specifiers resolved against the repository. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)'([^']+)'/gm)].map((match) => match[1]!)
  return specifiers.map((specifier) => (specifier.startsWith('.') ? path.relative('.', path.resolve(path.dirname(file), specifier)) : specifier))
}

/**
 * The layers point one way (README "Code layout"): collections wire the domain into Payload and
 * never reach into the server; the domain rules are plain TypeScript, testable without Payload.
 */
describe('layers', () => {
  it('nothing in collections/ imports from src/server', () => {
    const offending = sources('collections').flatMap((file) => importsOf(file).filter((target) => target.startsWith('src/server')).map((target) => `${file} → ${target}`))
    expect(offending).toEqual([])
  })

  it('the domain rules import neither Payload nor Express, but for the few modules that read the database', () => {
    // These load what the rules work on (the glossary, the forbidden terms, the published library,
    // the revision feed) from the database; the rules themselves are in their neighbours.
    // The change feed's wiring (announcing at commit, hearing other processes) sits beside the feed.
    const readers = new Set([
      'src/conversion/currentConverter.ts',
      'src/lint/currentMatcher.ts',
      'src/delivery/store.ts',
      'src/delivery/revisions.ts',
      'src/changes/announce.ts',
      'src/changes/otherProcesses.ts',
    ])
    const offending = ['src/domain', 'src/conversion', 'src/lint', 'src/delivery', 'src/spreadsheet', 'src/changes']
      .flatMap(sources)
      .filter((file) => !readers.has(file))
      .flatMap((file) => importsOf(file).filter((target) => /^(payload|@payloadcms\/|express)/.test(target)).map((target) => `${file} → ${target}`))
    expect(offending).toEqual([])
  })
})
