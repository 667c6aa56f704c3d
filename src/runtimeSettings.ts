import type { Payload } from 'payload'

/** The settings hooks and endpoints need at run time, carried on the Payload config. */
export type RuntimeSettings = { auditKey: string; timezone: string }

export function runtimeSettings(payload: Payload): RuntimeSettings {
  return (payload.config.custom as { phrasebook: RuntimeSettings }).phrasebook
}
