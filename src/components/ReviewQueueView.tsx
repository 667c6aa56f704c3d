import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { hasRole } from '../access/roles'
import type { AdminMessages } from '../i18n/adminTranslations'
import { LanguageSwitch } from './LanguageSwitch'
import { WorkflowStateBadge } from './WorkflowStateBadge'

type QueuedPhrase = { id: number | string; key: string; title?: string | null; workflowState: string; pendingAuthors?: unknown; changeAction?: string | null; changedBy?: string | null; changeComment?: string | null; publishAt?: string | null; updatedAt: string }

/**
 * `/admin/review`: a person's work for today. Reviewers see what awaits their review (changes
 * they did not write, so they may approve them); everyone sees their drafts and what was
 * rejected with the reviewer's comment; and what is scheduled.
 */
export async function ReviewQueueView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const t = (key: keyof AdminMessages, values?: Record<string, unknown>) => (req.i18n.t as (k: string, v?: unknown) => string)(`phrasebook:${key}`, values)
  const user = req.user
  const me = String(user?.id ?? '')
  const { docs } = user
    ? await req.payload.find({
        collection: 'phrases',
        draft: true,
        where: { workflowState: { in: ['draft', 'in_review', 'approved'] } },
        sort: '-updatedAt',
        limit: 500,
        depth: 0,
        locale: req.locale ?? 'zh-Hant',
        overrideAccess: false,
        user,
        req,
      })
    : { docs: [] }
  const phrases = docs as unknown as QueuedPhrase[]
  const wroteIt = (p: QueuedPhrase) => Array.isArray(p.pendingAuthors) && p.pendingAuthors.map(String).includes(me)
  const sections: { key: keyof AdminMessages; items: QueuedPhrase[]; note?: (p: QueuedPhrase) => string | null }[] = [
    ...(hasRole(user, 'admin', 'reviewer') ? [{ key: 'queueAwaiting' as const, items: phrases.filter((p) => p.workflowState === 'in_review' && !wroteIt(p)) }] : []),
    { key: 'queueMine', items: phrases.filter((p) => p.workflowState === 'draft' && wroteIt(p) && p.changeAction !== 'reject') },
    {
      key: 'queueRejected',
      items: phrases.filter((p) => p.workflowState === 'draft' && p.changeAction === 'reject' && (wroteIt(p) || hasRole(user, 'admin', 'reviewer'))),
      note: (p) => t('rejectedBy', { who: p.changedBy ?? '—', comment: p.changeComment ?? '' }),
    },
    { key: 'queueScheduled', items: phrases.filter((p) => p.workflowState === 'approved'), note: (p) => (p.publishAt ? t('scheduledFor', { time: new Date(p.publishAt).toLocaleString(req.i18n.language) }) : null) },
  ]
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={req.payload}
      permissions={initPageResult.permissions}
      searchParams={searchParams}
      user={user ?? undefined}
      visibleEntities={initPageResult.visibleEntities}
    >
      <Gutter>
        <LanguageSwitch />
        <h1>{t('reviewQueue')}</h1>
        {sections.map((section) => (
          <section key={section.key} className="review-queue__section" data-testid={section.key}>
            <h2>
              {t(section.key)} ({section.items.length})
            </h2>
            {section.items.length === 0 ? (
              <p className="phrase-workspace__hint">{t('queueEmpty')}</p>
            ) : (
              <ul className="review-queue__list">
                {section.items.map((p) => (
                  <li key={p.id}>
                    <a href={`/admin/collections/phrases/${p.id}`}>
                      <code>{p.key}</code> {p.title}
                    </a>{' '}
                    <WorkflowStateBadge state={p.workflowState} /> <span className="phrase-workspace__hint">{new Date(p.updatedAt).toLocaleString(req.i18n.language)}</span>
                    {section.note?.(p) && <div className="review-queue__note">{section.note(p)}</div>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </Gutter>
    </DefaultTemplate>
  )
}
