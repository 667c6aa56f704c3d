import type { CollectionConfig } from 'payload'

import { isPerson } from './roles'

/**
 * Versions hold drafts, rejected texts, authors' e-mails and reviewers' comments, so only people
 * read them, and only those who may read the collection. Payload's default (`readVersions` is
 * `read`) let agent tools, who read published phrases, read every draft too.
 */
export function versionsForPeopleOnly(collection: CollectionConfig): CollectionConfig {
  const read = collection.access?.readVersions ?? collection.access?.read
  return {
    ...collection,
    access: { ...collection.access, readVersions: (args) => (isPerson(args.req.user) ? (read ? read(args) : true) : false) },
  }
}
