import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

function* filesUnder(entry: string): Generator<string> {
  if (!existsSync(entry)) return
  if (statSync(entry).isDirectory()) {
    for (const name of readdirSync(entry).sort()) yield* filesUnder(path.join(entry, name))
  } else {
    yield entry
  }
}

/**
 * A digest of every file under `inputs` (folders or files, relative to `root`): what a build is
 * made from, to tell whether it is current (the admin build, the tests' seeded templates).
 */
export function inputsDigest(root: string, inputs: readonly string[]): string {
  const hash = createHash('sha256')
  for (const input of inputs) {
    for (const file of filesUnder(path.join(root, input))) hash.update(path.relative(root, file)).update(readFileSync(file))
  }
  return hash.digest('hex')
}
