import type { Payload } from 'payload'

import type { Region, TraditionalRegion } from './domain/locales'

/** The settings hooks and endpoints need at run time, carried on the Payload config. */
export type RuntimeSettings = { auditKey: string; timezone: string; defaultTraditional: TraditionalRegion; regions: Region[] }

export function runtimeSettings(payload: Payload): RuntimeSettings {
  return (payload.config.custom as { phrasebook: RuntimeSettings }).phrasebook
}
