'use client'
import React from 'react'

import type { AdminMessages } from '../i18n/adminTranslations'
import { useMessages } from './messages'

/** A phrase's review state as a coloured badge, in the user's language. */
export const WorkflowStateBadge: React.FC<{ state: string | null | undefined }> = ({ state }) => {
  const { t } = useMessages()
  if (!state) return null
  return (
    <span className={`workflow-badge workflow-badge--${state}`} data-state={state}>
      {t(`state_${state}` as keyof AdminMessages)}
    </span>
  )
}

/** The list view's cell for `workflowState`. */
export const WorkflowStateCell: React.FC<{ cellData?: string }> = ({ cellData }) => <WorkflowStateBadge state={cellData} />

/** Stands where Payload's Publish button would: phrases are published only through review. */
export const NoPublishButton: React.FC = () => null
