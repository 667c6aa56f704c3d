import { readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'

import { benchAuditOverhead } from './auditOverhead'
import { benchChanges, changesTable } from './changes'
import { benchEvents, eventsTable } from './events'
import { benchConversion } from './conversion'
import { benchGlossaryChange } from './glossaryChange'
import { benchDelivery, deliveryMarkdown, deliveryTable, deliveryVerdict, parseSizes } from './delivery'
import { benchLint, lintTable } from './lint'
import { benchSearch, searchTable } from './search'
import { benchSuggest, benchSuggestAccuracy, suggestTables } from './suggest'
import { benchSnapshotBuild } from './snapshotBuild'

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

/** `BENCH_SECTIONS=lint,audit npm run bench` runs only those sections (the others keep their figures). */
const only = process.env.BENCH_SECTIONS?.split(',').map((name) => name.trim())
const wanted = (section: string) => !only || only.includes(section)

let doc: string
try {
  doc = readFileSync(DOC, 'utf8')
} catch {
  doc = '# Benchmarks\n\nWritten by `npm run bench` (figures from the machine named in each section).\n'
}

if (wanted('conversion')) {
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
}

if (wanted('glossary')) {
console.log('\nA glossary change: the new converter')
const change = benchGlossaryChange()
const glossaryTable = [
  '| step | median ms |',
  '|---|---|',
  `| building the five OpenCC converters (each glossary change, before issue 16) | ${change.openccBuildMs.toFixed(1)} |`,
  `| a new PhraseConverter with the changed glossary, converting one phrase to every target (now) | ${change.converterBuildMs.toFixed(2)} |`,
].join('\n')
console.log(glossaryTable)
doc = replaceSection(
  doc,
  'glossary',
  `## A glossary change (issue 16)

${machine}. Median of 7. Every server process builds a new converter when the glossary changes
(within a second of the change), on its event loop. Until issue 16 each new \`PhraseConverter\`
built its five OpenCC converters again, though they do not depend on the glossary; now they are
built once per process and a glossary change builds its patterns only. Found by the fuzz suite,
where each glossary write took 1.6–2 s.

${glossaryTable}`,
)
}

if (wanted('snapshot')) {
console.log('\nBuilding the delivery snapshot: converting at build time (before issue 17) and stored regional texts (now)')
const builds = benchSnapshotBuild([1_000, 10_000, 100_000])
const snapshotTable = [
  '| phrases | converting zh-TW, zh-HK, zh-CN while building (ms, before) | stored regional texts (ms, now) | before ÷ now |',
  '|---|---|---|---|',
  ...builds.map((b) => `| ${b.phrases.toLocaleString('en')} | ${b.convertingMs.toFixed(0)} | ${b.storedMs.toFixed(0)} | ${b.ratio.toFixed(0)}× |`),
].join('\n')
console.log(snapshotTable)
doc = replaceSection(
  doc,
  'snapshot',
  `## Building the delivery snapshot (issue 17)

${machine}. Every server process builds the snapshot \`/v1\` serves at start and after a change
of categories, holidays or scenarios. Until issue 17 it converted each phrase's title and text
into zh-TW, zh-HK and zh-CN while building; now it serves the regions' stored texts. Side by side
in one run, from the same synthetic phrases (\`bench/snapshotBuild.ts\`, the texts of the standard
library), after the database read, which both pay. Median of 3 (one run at 100,000).

${snapshotTable}`,
)
}

if (wanted('audit')) {
console.log('\nAudit write overhead per workflow transition')
const audits = []
for (const kind of ['sqlite', 'postgres'] as const) {
  try {
    audits.push(await benchAuditOverhead(kind))
  } catch (error) {
    console.log(`${kind}: skipped (${(error as Error).message.split('\n')[0]})`)
  }
}
const auditTable = [
  '| database | transitions | state write alone (ms) | with audit entry (ms) | audit entry (ms) | ratio |',
  '|---|---|---|---|---|---|',
  ...audits.map(
    (a) =>
      `| ${a.database} | ${a.transitions} | ${a.withoutAuditMs.toFixed(2)} | ${a.withAuditMs.toFixed(2)} | ${a.auditMs.toFixed(2)} | ${a.overhead.toFixed(2)}× |`,
  ),
].join('\n')
console.log(auditTable)
doc = replaceSection(
  doc,
  'audit',
  `## Audit write overhead per transition (issue 4)

${machine}. One phrase moved between draft and in review ${audits[0]?.transitions ?? 0} times through
the Local API, alternating the bare state write (a new draft version) with \`writeTransition\`, which
adds the HMAC-chained audit entry: reading the chain tip, sealing, inserting, and on PostgreSQL the
advisory lock and the shared transaction. Medians per transition.

${auditTable}`,
)
}

if (wanted('delivery')) {
console.log('\nDelivery API throughput')
try {
  const sizes = process.env.BENCH_DELIVERY_SIZES ? parseSizes(process.env.BENCH_DELIVERY_SIZES) : [1000, 10000, 100000]
  const delivery = await benchDelivery({ sizes, durationSeconds: 10, connections: 32 })
  console.log(deliveryTable(delivery))
  console.log(deliveryVerdict(delivery))
  doc = replaceSection(doc, 'delivery', deliveryMarkdown(delivery, machine))
} catch (error) {
  console.log(`delivery: skipped (${(error as Error).message})`)
}
}
if (wanted('changes')) {
console.log('\nFrom a publish to the snapshot that serves it')
const latencies = []
for (const kind of ['sqlite', 'postgres'] as const) {
  try {
    latencies.push(...(await benchChanges(kind)))
  } catch (error) {
    console.log(`${kind}: skipped (${(error as Error).message.split('\n')[0]})`)
  }
}
const latencyTable = changesTable(latencies)
console.log(latencyTable)
doc = replaceSection(
  doc,
  'changes',
  `## From a publish to the snapshot that serves it (issue 18)

${machine}. A change agents can see (a new category, so a new delivery revision) made through the
Local API, by the process that serves \`/v1\` or by another process on the same database (a second
Payload instance with a change feed of its own). Timed from the call that writes it to the moment
the serving process's snapshot has the revision: through the change feed (an announcement at
commit in the writing process; \`NOTIFY\` on PostgreSQL and the data-version check every 250 ms on
SQLite for other processes) and, side by side in the same run, through the 250 ms poll of the
newest revision that the feed replaced. The write itself is in both.

${latencyTable}`,
)
}

if (wanted('events')) {
console.log('\nFrom a publish to the agent desktops (GET /v1/events)')
const pushes = []
for (const kind of ['sqlite', 'postgres'] as const) {
  try {
    pushes.push(...(await benchEvents(kind)))
  } catch (error) {
    console.log(`${kind}: skipped (${(error as Error).message.split('\n')[0]})`)
  }
}
const pushTable = eventsTable(pushes)
console.log(pushTable)
doc = replaceSection(
  doc,
  'events',
  `## From a publish to the agent desktops (issue 19)

${machine}. A running server (no admin) with ${pushes[0]?.desktops ?? 0} EventSource clients (the
\`eventsource\` package) on \`GET /v1/events\`, all in the bench's process. A change agents can see
(a new category, so a \`reference\` event) is written through the Local API by the server's own
process or by another process on the same database (a second Payload instance with a feed of its
own), at random moments. Timed from the commit (the write call returned) to the event's arrival
at each desktop; the figures pool every desktop's delay.

${pushTable}`,
)
}

if (wanted('search')) {
console.log('\nSearch (GET /v1/search) against the substring scan of /v1/phrases?q=')
const searches = searchTable(benchSearch([1_000, 10_000, 100_000]))
console.log(searches)
doc = replaceSection(
  doc,
  'search',
  `## Search (issue 19)

${machine}. \`GET /v1/search\` in the bench's process without HTTP (\`bench/search.ts\`): the first page of
ten, resolved for the day and highlighted, for 500 queries drawn from the phrases themselves: 2–6
characters of a text in either script, a quarter of them with a character dropped from the middle
(words in between), some a product name. The synthetic phrases are the standard library's texts,
each with a product name of its own, so the common pairs (您的, 请您) are in most phrases. Side by
side, the \`q\` of \`/v1/phrases\` (a substring of the asked locale's title or text, every phrase
resolved), the only way to find a phrase by its words before. Each query is timed once after a
round of all of them. *After one publish* is the index of the next snapshot (one phrase changed),
which the server builds as soon as the snapshot moves. The goal is a p99 of at most 5 ms at 100,000.

${searches}`,
)
}

if (wanted('suggest')) {
console.log('\nSuggestions (POST /v1/suggest): accuracy on the labelled utterances, and latency')
const suggestions = suggestTables(benchSuggestAccuracy(), benchSuggest([1_000, 10_000, 100_000]))
console.log(suggestions)
doc = replaceSection(
  doc,
  'suggest',
  `## Suggestions (issue 19)

${machine}. \`POST /v1/suggest\` in the bench's process without HTTP (\`bench/suggest.ts\`).

**Accuracy.** The labelled utterances (\`test/fixtures/suggest-utterances.json\`) are what customers
say, in Taiwan, Hong Kong and mainland wording, colloquial and with typos (投素, 主館, 聼不清), each
with the one to four phrases a team lead would accept as the agent's next line. They were written
by someone who had not seen the triggers. The triggers were written from the situations the
phrases answer, in two passes (the second by another author, who had not seen the utterances, to
widen the wording), then tuned looking only at the failures of the first half (every other
utterance); the second half was never looked at, so its figure is what to expect of words nobody
tuned for. Top-3: one of the first three suggestions is one the lead
accepts. The goal is 85% top-3. \`test/delivery-sqlite.test.ts\` asks the same through HTTP against
the seeded library and fails below a floor.

**Latency.** Synthetic libraries (the standard library's texts, each phrase with the triggers of
the standard phrase it copies plus one of its own), the labelled utterances as questions, five
suggestions each, resolved and highlighted; each timed once after a round of all of them.

${suggestions}`,
)
}

if (wanted('lint')) {
console.log('\nForbidden-term lint')
const lint = benchLint()
const lintRows = lintTable(lint.rows)
console.log(lintRows)
doc = replaceSection(
  doc,
  'lint',
  `## Forbidden-term lint (issue 6)

${machine}. Linting ${lint.textBytes} bytes (${lint.textChars} characters, UTF-8) of seeded phrase text in both scripts with
three seeded terms in it, median of repeated runs, against the seeded list and against 10,000
synthetic terms (3–8 characters drawn from the library's own characters). Build is the matcher's
compile time (once per change of the list, in each process).

${lintRows}`,
)
}
writeFileSync(DOC, doc)
console.log('Written to docs/benchmarks.md')
// Database pools and timers of the Payload instances the sections started would keep the process alive.
process.exit(0)
