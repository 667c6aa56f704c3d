import type { Access } from 'payload'

import { isApiClient, isPerson } from './roles'

/** People read everything; API clients (agent tools) read reference data too. */
export const isPersonOrApiClient: Access = ({ req }) => isPerson(req.user) || isApiClient(req.user)
