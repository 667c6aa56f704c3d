import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from '@jest/globals'

/** The repository's own files, as someone who cloned it has them. */
const tracked = execFileSync('git', ['ls-files'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => file && existsSync(file) && /\.(md|ts|tsx|mjs|js|json)$/.test(file) && !file.endsWith('package-lock.json'))

/** Docs stand on their own: someone who cloned the repository has nothing beside it. */
describe('the documentation', () => {
  it('never points outside the repository', () => {
    const outside = tracked.filter((file) => /\.\.\/shared\b|\bPRODUCT\.md\b/.test(readFileSync(file, 'utf8')))
    expect(outside).toEqual([])
  })

  it('links only to files that exist', () => {
    const broken: string[] = []
    for (const file of tracked.filter((f) => f.endsWith('.md'))) {
      for (const [, target] of readFileSync(file, 'utf8').matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/i.test(target!)) continue
        if (!existsSync(path.join(path.dirname(file), target!))) broken.push(`${file} → ${target}`)
      }
    }
    expect(broken).toEqual([])
  })

  it('states the contract in the repository', () => {
    const readme = readFileSync('README.md', 'utf8')
    expect(readme).toContain('docs/contract.md')
    expect(readFileSync('docs/contract.md', 'utf8')).toMatch(/## Workflow[\s\S]*## Delivery API/)
  })
})
