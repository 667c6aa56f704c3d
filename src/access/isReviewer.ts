import { rolesAllowed } from './rolesAllowed'

/** Reviewers (and admins). */
export const isReviewer = rolesAllowed('admin', 'reviewer')
