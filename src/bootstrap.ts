import type { Payload } from 'payload'

import { ConfigurationError, type Settings } from './settings'

/** On an empty database, creates the first admin from the configured (or printed default) credentials. */
export async function ensureFirstAdmin(payload: Payload, settings: Settings): Promise<void> {
  const { totalDocs } = await payload.count({ collection: 'users' })
  if (totalDocs > 0) return
  if (settings.production && settings.adminIsDefault) {
    // A published default password is no way to open a production phrasebook.
    throw new ConfigurationError(
      'Set PHRASEBOOK_ADMIN_EMAIL and PHRASEBOOK_ADMIN_PASSWORD to create the first admin in production.',
    )
  }
  await payload.create({
    collection: 'users',
    data: { email: settings.adminEmail, password: settings.adminPassword, name: 'Administrator', roles: ['admin'] },
  })
  if (settings.adminIsDefault) {
    payload.logger.warn(
      `Created the first admin with the development defaults: ${settings.adminEmail} / ${settings.adminPassword} ` +
        '(set PHRASEBOOK_ADMIN_EMAIL and PHRASEBOOK_ADMIN_PASSWORD to choose your own).',
    )
  } else {
    payload.logger.info(`Created the first admin ${settings.adminEmail}.`)
  }
}
