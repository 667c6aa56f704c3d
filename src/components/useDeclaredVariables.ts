'use client'
import { useFormFields } from '@payloadcms/ui'

/**
 * The names in the form's variables rows, as they are being typed, joined with commas: a string,
 * so the form's changes elsewhere do not re-render its users.
 */
export const useDeclaredVariables = (): string =>
  useFormFields(([fields]) =>
    Object.entries(fields)
      .filter(([path]) => /^variables\.\d+\.name$/.test(path))
      .map(([, field]) => String(field.value ?? ''))
      .join(','),
  )
