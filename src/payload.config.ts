import { createPayloadConfig } from './createPayloadConfig'
import { resolveSettings } from './settings'

/** The configuration Next (admin) and the Payload CLI load; the server builds its own from the same function. */
export default createPayloadConfig(resolveSettings())
