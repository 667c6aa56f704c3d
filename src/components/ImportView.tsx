import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { LanguageSwitch } from './LanguageSwitch'

import { ImportForm } from './ImportForm'

/** `/admin/import`: spreadsheets of phrases in, as drafts for review. */
export function ImportView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={req.payload}
      permissions={initPageResult.permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={initPageResult.visibleEntities}
    >
      <Gutter>
        <LanguageSwitch />
        <ImportForm />
      </Gutter>
    </DefaultTemplate>
  )
}
