'use client'
import React from 'react'

import { useMessages } from './messages'

/** Links to the phrasebook's own screens under the collection links. */
export const NavLinks: React.FC = () => {
  const { t } = useMessages()
  return (
    <div className="phrasebook-nav">
      <a className="nav__link" href="/admin/review" id="nav-review-queue">
        {t('reviewQueue')}
      </a>
      <a className="nav__link" href="/admin/import" id="nav-import">
        {t('importPhrases')}
      </a>
    </div>
  )
}
