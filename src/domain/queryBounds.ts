/** The most a REST list returns per request. */
export const MAX_LIMIT = 500
/** The deepest relationship population a request may ask for (REST, GraphQL and the Local API's callers). */
export const MAX_DEPTH = 3
