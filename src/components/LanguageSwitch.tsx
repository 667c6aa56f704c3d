'use client'
import { useTranslation } from '@payloadcms/ui'
import type { AcceptedLanguages } from '@payloadcms/translations'
import React from 'react'

const LANGUAGES: { code: AcceptedLanguages; label: string }[] = [
  { code: 'zh-TW', label: '繁體中文' },
  { code: 'zh', label: '简体中文' },
  { code: 'en', label: 'English' },
]

/** The admin's language, one click away in the header (Payload keeps the choice per person). */
export const LanguageSwitch: React.FC = () => {
  const { i18n, switchLanguage } = useTranslation()
  return (
    <div className="language-switch" data-testid="language-switch">
      {LANGUAGES.map(({ code, label }) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={i18n.language === code}
          className={i18n.language === code ? 'language-switch__option is-current' : 'language-switch__option'}
          onClick={async () => {
            await switchLanguage?.(code)
            window.location.reload()
          }}
        >
          {label}
        </button>
      ))}
    </div>
  )
}
