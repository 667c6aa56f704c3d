import type { FieldAccess } from 'payload'

/** For fields only the server (overrideAccess) may write, such as the workflow state. */
export const serverOnlyField: FieldAccess = () => false
