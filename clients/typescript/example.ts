// The README's example: PHRASEBOOK_URL=http://localhost:3000 PHRASEBOOK_API_KEY=… node --import tsx clients/typescript/example.ts
import { EventSource } from 'eventsource'

import { createPhrasebookClient } from './src'

const phrasebook = createPhrasebookClient({ baseUrl: process.env.PHRASEBOOK_URL!, credentials: { apiKey: process.env.PHRASEBOOK_API_KEY! }, language: 'zh-TW' })

// The Taiwan library in memory, then only what changes (ETags make unchanged reads free).
const library = phrasebook.library({ locale: 'zh-TW' })
await library.sync()
console.log(`${library.phrases.size} phrases at revision ${library.revision}`)

const stop = phrasebook.subscribe((change) => void library.sync().then(() => console.log(`${change.kind} ${change.key}`)), { EventSource })

const [hold] = (await phrasebook.search('请稍等', { locale: 'zh-TW', limit: 1 })).items
console.log(`search: ${hold?.key} ${hold?.text}`)

const [reply] = (await phrasebook.suggest({ utterance: '我要投素你們，叫主管出來', locale: 'zh-TW', limit: 1 })).items
console.log(`suggest: ${reply?.key} (${reply?.reasons.map((reason) => reason.kind).join(', ')})`)
await phrasebook.reportUsage({ key: reply!.key, locale: 'zh-TW', channel: 'phone', outcome: 'sent' })

if (!process.env.PHRASEBOOK_KEEP_LISTENING) stop()
