import type { Access } from 'payload'

/** No one through any API; only server code (overrideAccess) writes, e.g. the audit log. */
export const nobody: Access = () => false
