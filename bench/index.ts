import { readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'

import { benchConversion } from './conversion'

/**
 * `npm run bench`: prints the figures and writes them into docs/benchmarks.md between the
 * markers of each section (other sections are left as they are).
 */
const DOC = new URL('../docs/benchmarks.md', import.meta.url)

function replaceSection(doc: string, name: string, body: string): string {
  const begin = `<!-- bench:${name}:begin -->`
  const end = `<!-- bench:${name}:end -->`
  const block = `${begin}\n${body.trim()}\n${end}`
  const at = doc.indexOf(begin)
  if (at < 0) return `${doc.trimEnd()}\n\n${block}\n`
  return doc.slice(0, at) + block + doc.slice(doc.indexOf(end) + end.length)
}

const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`
console.log(`Conversion throughput (${machine})`)
const figures = benchConversion()
const rows = figures.map(
  (f) =>
    `| ${f.target} | ${f.megabytes.toFixed(2)} | ${f.openccMBps.toFixed(1)} | ${f.moduleMBps.toFixed(1)} | ${f.overhead.toFixed(2)}× | ${f.ambiguities} |`,
)
const table = [
  '| target | MB converted | opencc-js alone (MB/s) | PhraseConverter (MB/s) | overhead | flags |',
  '|---|---|---|---|---|---|',
  ...rows,
].join('\n')
console.log(table)
const worst = Math.max(...figures.map((f) => f.overhead))
console.log(`Worst overhead ${worst.toFixed(2)}× (goal: at most 1.5×)`)

let doc: string
try {
  doc = readFileSync(DOC, 'utf8')
} catch {
  doc = '# Benchmarks\n\nWritten by `npm run bench` (figures from the machine named in each section).\n'
}
doc = replaceSection(
  doc,
  'conversion',
  `## Conversion (issue 3)

${machine}. About 1 MB of the seeded library (Simplified text for the Traditional targets and the
other way round), median of 7 runs after a warm-up. *PhraseConverter* is our module with the
built-in call-centre overrides and the seeded glossary: shielding of \`{{placeholders}}\` and
protected terms, overrides, and ambiguity flags, against calling opencc-js directly on the same text.

${table}

Worst overhead: ${worst.toFixed(2)}× (goal: at most 1.5×).`,
)
writeFileSync(DOC, doc)
console.log('Written to docs/benchmarks.md')
