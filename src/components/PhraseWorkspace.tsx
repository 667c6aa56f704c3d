'use client'
import { useDocumentInfo, useFormFields, useLocale } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { REGION_LABELS, type Region } from '../domain/locales'
import { textSegments } from '../domain/phraseDiff'
import { HighlightedText, type Mark } from './HighlightedText'
import { callApi, describeFailure, useMessages } from './messages'
import { PhrasePreview } from './PhrasePreview'
import { useDeclaredVariables } from './useDeclaredVariables'

type Script = 'zh-Hant' | 'zh-Hans'
type Flag = { index: number; char: string; chosen: string; candidates: string[]; kind?: 'wording' }
type Finding = { term: string; severity: 'block' | 'warn'; index: number; length: number; suggestion: string | null; classLabel: string }
type LiveConversion = {
  to: Script
  converted: { text: string }
  ambiguities: Flag[]
  findings: { source: Finding[]; converted: Finding[] }
  variables: { used: string[]; undeclared: string[]; unused: string[]; unbalanced: boolean }
}
type StoredScript = { text: string | null; machineConverted: boolean; ambiguities: Flag[] }
type StoredRegion = StoredScript & { proposedFrom: Script }
type Workspace = { scripts: Record<Script, StoredScript>; regions: Partial<Record<Region, StoredRegion>>; findings: (Finding & { locale: string; field: string })[] }

const SCRIPT_NAMES: Record<Script, string> = { 'zh-Hant': '繁體中文 zh-Hant', 'zh-Hans': '简体中文 zh-Hans' }
const other = (script: Script): Script => (script === 'zh-Hant' ? 'zh-Hans' : 'zh-Hant')

const flagMarks = (flags: Flag[]): Mark[] => flags.map((f) => ({ index: f.index, length: f.chosen.length, kind: 'flag', title: f.candidates.join(' / ') }))
/** What a region's text changed from the script it was proposed from (jsdiff's character diff, as the history shows it). */
function changedMarks(from: string, to: string): Mark[] {
  const marks: Mark[] = []
  let index = 0
  for (const segment of textSegments(from, to)) {
    if (segment.op === 'delete') continue
    if (segment.op === 'insert') marks.push({ index, length: segment.text.length, kind: 'diff' })
    index += segment.text.length
  }
  return marks
}

/** A flag's choices, one click each (disabled until the text they belong to is saved). */
const FlagChoices: React.FC<{ flags: Flag[]; enabled: boolean; onChoose: (flag: Flag, choice: string) => void }> = ({ flags, enabled, onChoose }) => {
  const { t } = useMessages()
  return (
    <ul className="phrase-workspace__flags">
      {flags.map((flag) => (
        <li key={flag.index} data-testid="ambiguity">
          {t(flag.kind === 'wording' ? 'wordingTitle' : 'ambiguityTitle', { char: flag.char })}{' '}
          {flag.candidates.map((candidate) => (
            <button
              key={candidate}
              type="button"
              className={candidate === flag.chosen ? 'phrase-workspace__choice is-chosen' : 'phrase-workspace__choice'}
              disabled={!enabled}
              onClick={() => onChoose(flag, candidate)}
            >
              {candidate}
            </button>
          ))}
        </li>
      ))}
    </ul>
  )
}

const findingMarks = (findings: Finding[]): Mark[] =>
  findings.map((f) => ({ index: f.index, length: f.length, kind: f.severity === 'block' ? 'block' : 'warn', title: f.suggestion ?? f.classLabel }))

/**
 * The editor's bilingual workspace on a phrase: the script being written beside the other one,
 * converted live as they type; under them, each served region's text as agents will receive it,
 * what it changed from its script highlighted; the converter's flags with a one-click choice; forbidden terms
 * underlined with their suggestion; the variables checked; and the agent's view of it.
 * Everything here is advice: the server enforces the same rules on save and in review.
 */
export const PhraseWorkspace: React.FC = () => {
  const { t, language } = useMessages()
  const labelLanguage = language === 'en' ? 'en' : language === 'zh' ? 'zh' : 'zh-TW'
  const { code: locale } = useLocale()
  const { id, lastUpdateTime } = useDocumentInfo()
  const text = useFormFields(([fields]) => (fields.text?.value as string | undefined) ?? '')
  const variableNames = useDeclaredVariables()
  const [live, setLive] = useState<LiveConversion | null>(null)
  const [stored, setStored] = useState<Workspace | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const source = locale === 'zh-Hant' || locale === 'zh-Hans' ? (locale as Script) : null

  // Converted as the editor types, a moment after they pause.
  useEffect(() => {
    if (!source) return
    const timer = setTimeout(() => {
      callApi<LiveConversion>('/phrases/convert-preview', {
        method: 'POST',
        body: { from: source, text, variables: variableNames ? variableNames.split(',') : [] },
      })
        .then(setLive)
        .catch((error) => setProblem(describeFailure(t, error)))
    }, 250)
    return () => clearTimeout(timer)
    // t changes identity per render; the language does not matter for the request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, text, variableNames])

  const loadStored = useCallback(() => {
    if (!id) return
    callApi<Workspace>(`/phrases/${id}/workspace`)
      .then(setStored)
      .catch((error) => setProblem(describeFailure(t, error)))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])
  useEffect(loadStored, [loadStored, lastUpdateTime])

  if (!source) return null
  const target = other(source)
  const savedTarget = stored?.scripts[target]
  // The stored other script is shown once the form holds what is saved; while typing, the live one.
  const savedSource = stored?.scripts[source]?.text ?? null
  const showingSaved = Boolean(savedTarget?.text) && savedSource === text

  const resolve = async (locale: string, flag: Flag, choice: string) => {
    try {
      await callApi(`/phrases/${id}/resolve-ambiguity`, { method: 'POST', body: { locale, index: flag.index, choice } })
      setProblem(null)
      loadStored()
    } catch (error) {
      setProblem(describeFailure(t, error))
    }
  }
  const confirmConversion = async () => {
    try {
      await callApi(`/phrases/${id}?locale=${target}&draft=true`, { method: 'PATCH', body: { machineConverted: false } })
      loadStored()
    } catch (error) {
      setProblem(describeFailure(t, error))
    }
  }

  const targetText = showingSaved ? savedTarget!.text! : (live?.converted.text ?? '')
  const targetFlags = showingSaved ? savedTarget!.ambiguities : (live?.ambiguities ?? [])
  const targetFindings = showingSaved
    ? (stored?.findings ?? []).filter((f) => f.locale === target && f.field === 'text')
    : (live?.findings.converted ?? [])
  const sourceFindings = live?.findings.source ?? []
  const variables = live?.variables

  return (
    <div className="phrase-workspace" data-testid="phrase-workspace">
      <h3>{t('workspace')}</h3>
      <p className="phrase-workspace__hint">{t('workspaceHint')}</p>
      <div className="phrase-workspace__columns">
        <section data-testid={`script-${source}`}>
          <h4>
            {SCRIPT_NAMES[source]}{' '}
            <span className="phrase-workspace__tag">{stored?.scripts[source]?.machineConverted && savedSource === text ? t('machineConverted') : t('writtenBy')}</span>
          </h4>
          <HighlightedText text={text} marks={findingMarks(sourceFindings)} />
        </section>
        <section data-testid={`script-${target}`}>
          <h4>
            {SCRIPT_NAMES[target]}{' '}
            <span className="phrase-workspace__tag">
              {showingSaved ? (savedTarget!.machineConverted ? t('machineConverted') : t('writtenBy')) : t('generatedLive')}
            </span>
          </h4>
          <HighlightedText text={targetText} marks={[...flagMarks(targetFlags), ...findingMarks(targetFindings)]} />
          <p>{targetFlags.length ? t('flags', { count: targetFlags.length }) : t('noFlags')}</p>
          <FlagChoices flags={targetFlags} enabled={showingSaved} onChoose={(flag, choice) => resolve(target, flag, choice)} />
          {targetFlags.length > 0 && !showingSaved && <p className="phrase-workspace__hint">{t('saveToResolve')}</p>}
          {showingSaved && savedTarget!.machineConverted && (
            <button type="button" className="btn btn--style-secondary btn--size-small" onClick={confirmConversion}>
              {t('confirmConversion')}
            </button>
          )}
        </section>
      </div>
      {stored?.regions && showingSaved && (
        <section className="phrase-workspace__regions" data-testid="regions">
          <h4>{t('regionsTitle')}</h4>
          <p className="phrase-workspace__hint">{t('regionsHint')}</p>
          <div className="phrase-workspace__columns">
            {(Object.entries(stored.regions) as [Region, StoredRegion][]).map(([region, texts]) => (
              <section key={region} data-testid={`region-${region}`}>
                <h4>
                  {REGION_LABELS[region][labelLanguage]} {region}{' '}
                  <span className="phrase-workspace__tag">
                    {texts.machineConverted ? `${t('machineProposed')} · ${t('proposedFrom', { script: texts.proposedFrom })}` : t('writtenBy')}
                  </span>
                </h4>
                <HighlightedText
                  text={texts.text ?? ''}
                  marks={[...changedMarks(stored.scripts[texts.proposedFrom]?.text ?? '', texts.text ?? ''), ...flagMarks(texts.ambiguities)]}
                />
                <FlagChoices flags={texts.ambiguities} enabled onChoose={(flag, choice) => resolve(region, flag, choice)} />
              </section>
            ))}
          </div>
        </section>
      )}
      <section className="phrase-workspace__checks">
        <h4>{t('forbiddenTerms')}</h4>
        {sourceFindings.length + targetFindings.length === 0 ? (
          <p>{t('noFindings')}</p>
        ) : (
          <ul data-testid="findings">
            {[...sourceFindings.map((f) => ({ f, in: text })), ...targetFindings.map((f) => ({ f, in: targetText }))].map(({ f, in: where }, i) => (
              <li key={i} className={`finding finding--${f.severity}`}>
                「{where.slice(f.index, f.index + f.length)}」 {f.severity === 'block' ? t('severityBlock') : t('severityWarn')} · {f.classLabel}
                {f.suggestion ? ` · ${t('suggestion', { suggestion: f.suggestion })}` : ''}
              </li>
            ))}
          </ul>
        )}
        <h4>{t('variables')}</h4>
        {variables && (
          <ul data-testid="variable-check">
            {variables.undeclared.length > 0 && <li className="finding finding--block">{t('variablesUndeclared', { names: variables.undeclared.map((n) => `{{${n}}}`).join(' ') })}</li>}
            {variables.unused.length > 0 && <li className="finding finding--warn">{t('variablesUnused', { names: variables.unused.join(' ') })}</li>}
            {variables.unbalanced && <li className="finding finding--block">{t('variablesUnbalanced', { example: '{{name}}' })}</li>}
            {!variables.undeclared.length && !variables.unbalanced && <li>{t('variablesOk')}{variables.used.length ? `: ${variables.used.join(' ')}` : ''}</li>}
          </ul>
        )}
      </section>
      {problem && <p className="finding finding--block">{problem}</p>}
      <PhrasePreview id={id} lastUpdateTime={lastUpdateTime} />
    </div>
  )
}
