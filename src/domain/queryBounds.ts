/** The most a REST list returns per request. */
export const MAX_LIMIT = 500
/** The deepest relationship population a request may ask for (REST, GraphQL and the Local API's callers). */
export const MAX_DEPTH = 3
/** The deepest a `where` may nest (`and`/`or` and brackets), in the address or in a JSON or GraphQL query. */
export const MAX_WHERE_NESTING = 8
