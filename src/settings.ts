import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { isTraditionalRegion, type Region, REGIONS, type TraditionalRegion } from './domain/locales'

/** Everything the product reads from its environment, resolved once (see README "Configuration"). */
export type Settings = {
  databaseUrl: string
  databaseKind: 'sqlite' | 'postgres' | 'mongodb'
  port: number
  production: boolean
  /** Where generated secrets (and the default SQLite file) live. */
  dataDir: string
  payloadSecret: string
  auditKey: string
  adminEmail: string
  adminPassword: string
  /** True when the admin credentials are the printed development defaults. */
  adminIsDefault: boolean
  seed: boolean
  /**
   * Outside production, whether Payload pushes the schema at start (PHRASEBOOK_SCHEMA_PUSH, default
   * true). False for a copy of a database whose schema is already the current one (the test
   * templates): comparing a schema costs about a second of CPU. Production migrates and never pushes.
   */
  schemaPush: boolean
  timezone: string
  /** The region `zh-Hant` stands for in `/v1` (PHRASEBOOK_DEFAULT_TRADITIONAL, default zh-TW); `zh-Hans` is the mainland's. */
  defaultTraditional: TraditionalRegion
  /** The regions this deployment serves (PHRASEBOOK_REGIONS, default all three): proposed, reviewed and delivered. */
  regions: Region[]
  /** How often the scheduler publishes what is due and expires what is past; 0 turns it off. */
  schedulerIntervalMs: number
  /** `/v1` requests per minute per API client or person (shared by the processes on one PostgreSQL database); 0 turns the limit off. */
  deliveryRateLimit: number
  /** Failed sign-ins per 15 minutes per IP address (shared likewise); 0 turns the limit off. */
  loginRateLimit: number
  /** Browser origins of agent tools allowed to call `/v1` (CORS); empty: none. */
  corsOrigins: string[]
  /** The most memory cached `/v1` answers may take in each process (PHRASEBOOK_RESPONSE_CACHE_MB, default 64); 0 caches nothing. */
  responseCacheBytes: number
}

export const DEFAULT_DATABASE_URL = 'file:./data/phrasebook.db'
export const DEV_ADMIN_EMAIL = 'admin@phrasebook.local'
export const DEV_ADMIN_PASSWORD = 'phrasebook-admin'

export class ConfigurationError extends Error {}

export function databaseKindOf(url: string): Settings['databaseKind'] {
  if (url.startsWith('file:')) return 'sqlite'
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres'
  if (/^mongodb(\+srv)?:\/\//.test(url)) return 'mongodb'
  throw new ConfigurationError(
    `DATABASE_URL must start with file:, postgres:// or mongodb:// (got "${url}")`,
  )
}

/** The folder of the SQLite file, or ./data for server databases. */
function dataDirFor(databaseUrl: string, env: Environment): string {
  if (env.PHRASEBOOK_DATA_DIR) return path.resolve(env.PHRASEBOOK_DATA_DIR)
  if (databaseUrl.startsWith('file:')) return path.dirname(path.resolve(databaseUrl.slice('file:'.length)))
  return path.resolve('data')
}

/**
 * A secret from the environment, else (outside production) one generated once into the data
 * directory so restarts keep sessions and the audit chain keeps verifying.
 */
function secretFrom(
  env: Environment,
  variable: string,
  fileName: string,
  dataDir: string,
  production: boolean,
): string {
  const given = env[variable]?.trim()
  if (given) return given
  if (production) {
    throw new ConfigurationError(`${variable} is required when NODE_ENV=production`)
  }
  const file = path.join(dataDir, fileName)
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, secret + '\n', { mode: 0o600 })
  return secret
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback
  return !['false', '0', 'no', 'off'].includes(value.toLowerCase())
}

export type Environment = Record<string, string | undefined>

export function resolveSettings(env: Environment = process.env): Settings {
  const databaseUrl = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL
  const databaseKind = databaseKindOf(databaseUrl)
  const production = env.NODE_ENV === 'production'
  const dataDir = dataDirFor(databaseUrl, env)
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigurationError(`PORT must be a port number (got "${env.PORT}")`)
  }
  const timezone = env.PHRASEBOOK_TIMEZONE?.trim() || 'Asia/Taipei'
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone })
  } catch {
    throw new ConfigurationError(`PHRASEBOOK_TIMEZONE is not a known time zone: "${timezone}"`)
  }
  const regions = servedRegions(env.PHRASEBOOK_REGIONS)
  // Unless set, zh-Hant stands for Taiwan, or Hong Kong where Taiwan is not served.
  const defaultTraditional = env.PHRASEBOOK_DEFAULT_TRADITIONAL?.trim() || (!regions.includes('zh-TW') && regions.includes('zh-HK') ? 'zh-HK' : 'zh-TW')
  if (!isTraditionalRegion(defaultTraditional)) {
    throw new ConfigurationError(`PHRASEBOOK_DEFAULT_TRADITIONAL is the region zh-Hant stands for: zh-TW or zh-HK (got "${defaultTraditional}")`)
  }
  if (env.PHRASEBOOK_DEFAULT_TRADITIONAL?.trim() && !regions.includes(defaultTraditional)) {
    throw new ConfigurationError(`PHRASEBOOK_DEFAULT_TRADITIONAL is ${defaultTraditional}, which PHRASEBOOK_REGIONS (${regions.join(',')}) does not serve`)
  }
  const schedulerSeconds = Number(env.PHRASEBOOK_SCHEDULER_INTERVAL ?? 30)
  if (!Number.isFinite(schedulerSeconds) || schedulerSeconds < 0) {
    throw new ConfigurationError(`PHRASEBOOK_SCHEDULER_INTERVAL must be a number of seconds, 0 to turn it off (got "${env.PHRASEBOOK_SCHEDULER_INTERVAL}")`)
  }
  const deliveryRateLimit = count(env, 'PHRASEBOOK_RATE_LIMIT', 60_000)
  const loginRateLimit = count(env, 'PHRASEBOOK_LOGIN_RATE_LIMIT', 20)
  const responseCacheBytes = count(env, 'PHRASEBOOK_RESPONSE_CACHE_MB', 64) * 1024 * 1024
  const corsOrigins = (env.PHRASEBOOK_CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean)
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new ConfigurationError(`PHRASEBOOK_CORS_ORIGINS lists origins such as https://agent.example.com (got "${origin}")`)
  }
  const adminEmail = env.PHRASEBOOK_ADMIN_EMAIL?.trim() || DEV_ADMIN_EMAIL
  const adminPassword = env.PHRASEBOOK_ADMIN_PASSWORD || DEV_ADMIN_PASSWORD
  return {
    databaseUrl,
    databaseKind,
    port,
    production,
    dataDir,
    payloadSecret: secretFrom(env, 'PAYLOAD_SECRET', '.payload-secret', dataDir, production),
    auditKey: secretFrom(env, 'PHRASEBOOK_AUDIT_KEY', '.audit-key', dataDir, production),
    adminEmail,
    adminPassword,
    adminIsDefault: !env.PHRASEBOOK_ADMIN_EMAIL || !env.PHRASEBOOK_ADMIN_PASSWORD,
    seed: flag(env.PHRASEBOOK_SEED, true),
    schemaPush: flag(env.PHRASEBOOK_SCHEMA_PUSH, true),
    timezone,
    defaultTraditional,
    regions,
    schedulerIntervalMs: Math.round(schedulerSeconds * 1000),
    deliveryRateLimit,
    loginRateLimit,
    corsOrigins,
    responseCacheBytes,
  }
}

/** A whole number from the environment (0 allowed), or the default. */
function count(env: Environment, name: string, fallback: number): number {
  const raw = env[name]?.trim()
  if (!raw) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) throw new ConfigurationError(`${name} must be a whole number, 0 to turn it off (got "${raw}")`)
  return value
}

/** PHRASEBOOK_REGIONS: a comma-separated list of regions, in the order of REGIONS; all three unless set. */
function servedRegions(value: string | undefined): Region[] {
  const given = (value ?? '').split(',').map((region) => region.trim()).filter(Boolean)
  if (!given.length) return [...REGIONS]
  const unknown = given.filter((region) => !(REGIONS as readonly string[]).includes(region))
  if (unknown.length) throw new ConfigurationError(`PHRASEBOOK_REGIONS lists regions among ${REGIONS.join(', ')} (got "${unknown.join(', ')}")`)
  return REGIONS.filter((region) => given.includes(region))
}
