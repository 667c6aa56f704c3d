import { rolesAllowed } from './rolesAllowed'

/** Everyone who writes phrases: editors, reviewers, admins. */
export const canEditPhrases = rolesAllowed('admin', 'editor', 'reviewer')
