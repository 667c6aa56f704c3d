import * as OpenCC from 'opencc-js'

import { CALL_CENTRE_OVERRIDES, CONVERSION_TARGETS, PhraseConverter } from '../src/conversion'
import { OPENCC_PAIRS } from '../src/conversion/targets'
import { readStandardLibrary } from '../seed/library'

export type GlossaryChangeFigure = { openccBuildMs: number; converterBuildMs: number }

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

function timed(work: () => void): number {
  const started = process.hrtime.bigint()
  work()
  return Number(process.hrtime.bigint() - started) / 1e6
}

/**
 * What a glossary change costs each server process: a new PhraseConverter with the new rules,
 * ready to convert one phrase to every target. Side by side, building the five OpenCC converters,
 * which every new PhraseConverter did until issue 16 (now built once per process).
 */
export function benchGlossaryChange(runs = 7): GlossaryChangeFigure {
  const glossary = [...CALL_CENTRE_OVERRIDES, ...readStandardLibrary().glossary]
  const phrase = '请您稍等，我帮您查询一下面条的价格。'
  const ready = (converter: PhraseConverter) => {
    for (const target of CONVERSION_TARGETS) converter.convert(phrase, target)
  }
  ready(new PhraseConverter(glossary)) // the process's first converter builds OpenCC once
  const openccBuild: number[] = []
  const converterBuild: number[] = []
  for (let run = 0; run < runs; run++) {
    openccBuild.push(timed(() => CONVERSION_TARGETS.forEach((target) => OpenCC.Converter(OPENCC_PAIRS[target])(''))))
    converterBuild.push(timed(() => ready(new PhraseConverter([...glossary, { term: `新詞${run}`, protect: true }]))))
  }
  return { openccBuildMs: median(openccBuild), converterBuildMs: median(converterBuild) }
}
