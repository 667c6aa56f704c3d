import * as OpenCC from 'opencc-js'

import { CALL_CENTRE_OVERRIDES, CONVERSION_TARGETS, type ConversionTarget, PhraseConverter, scriptOf } from '../src/conversion'
import { OPENCC_PAIRS } from '../src/conversion/targets'
import { readStandardLibrary } from '../seed/library'

const TARGET_BYTES = 1 << 20

/** About 1 MB of the seeded library in one script, a phrase per line. */
function corpus(script: 'zh-Hant' | 'zh-Hans'): string {
  const lines = readStandardLibrary().phrases.map((p) => p.text[script])
  const parts: string[] = []
  let bytes = 0
  while (bytes < TARGET_BYTES) {
    for (const line of lines) {
      parts.push(line)
      bytes += Buffer.byteLength(line) + 1
    }
  }
  return parts.join('\n')
}

function medianMs(runs: number, work: () => void): number {
  const times: number[] = []
  work() // warm-up
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint()
    work()
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]
}

export type ConversionFigure = {
  target: ConversionTarget
  megabytes: number
  openccMBps: number
  moduleMBps: number
  overhead: number
  ambiguities: number
}

/** Throughput per target of opencc-js alone and of PhraseConverter (glossary, placeholders, flags). */
export function benchConversion(runs = 7): ConversionFigure[] {
  const glossary = [...CALL_CENTRE_OVERRIDES, ...readStandardLibrary().glossary]
  const converter = new PhraseConverter(glossary)
  const texts = { 'zh-Hans': corpus('zh-Hans'), 'zh-Hant': corpus('zh-Hant') }
  return CONVERSION_TARGETS.map((target) => {
    // Traditional targets convert Simplified text and vice versa.
    const text = texts[scriptOf(target) === 'zh-Hant' ? 'zh-Hans' : 'zh-Hant']
    const megabytes = Buffer.byteLength(text) / 1e6
    const opencc = OpenCC.Converter(OPENCC_PAIRS[target])
    const openccMs = medianMs(runs, () => opencc(text))
    let ambiguities = 0
    const moduleMs = medianMs(runs, () => {
      ambiguities = converter.convert(text, target).ambiguities.length
    })
    return {
      target,
      megabytes,
      openccMBps: megabytes / (openccMs / 1000),
      moduleMBps: megabytes / (moduleMs / 1000),
      overhead: moduleMs / openccMs,
      ambiguities,
    }
  })
}
