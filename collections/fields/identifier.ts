import type { TextField } from 'payload'

/**
 * A stable, unique, indexed identifier that agent tools and seeds refer to (slug, code, key).
 * `problem` returns what is wrong with a value, or null when it is fine.
 */
export function identifierField(
  name: string,
  problem: (value: unknown) => string | null,
  description?: string,
): TextField {
  return {
    name,
    type: 'text',
    required: true,
    unique: true,
    index: true,
    admin: description ? { description } : undefined,
    validate: (value: unknown) => problem(value) ?? true,
  }
}

/** A `problem` for identifiers that must match a pattern. */
export const mustMatch =
  (pattern: RegExp, message: string) =>
  (value: unknown): string | null =>
    typeof value === 'string' && pattern.test(value) ? null : message
