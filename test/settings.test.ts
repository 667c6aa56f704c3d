import { existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from '@jest/globals'

import { ConfigurationError, DEFAULT_DATABASE_URL, resolveSettings } from '../src/settings'
import { TEST_TMP } from './helpers/databases'

const dataDir = path.join(TEST_TMP, 'settings-data')

describe('settings', () => {
  it('defaults to the SQLite file, port 3000, seeding on and Asia/Taipei', () => {
    rmSync(dataDir, { recursive: true, force: true })
    const settings = resolveSettings({ PHRASEBOOK_DATA_DIR: dataDir })
    expect(settings.databaseUrl).toBe(DEFAULT_DATABASE_URL)
    expect(settings.databaseKind).toBe('sqlite')
    expect(settings.port).toBe(3000)
    expect(settings.seed).toBe(true)
    expect(settings.timezone).toBe('Asia/Taipei')
    expect(settings.adminIsDefault).toBe(true)
  })

  it('generates the secrets once into the data directory outside production and keeps them', () => {
    rmSync(dataDir, { recursive: true, force: true })
    const first = resolveSettings({ PHRASEBOOK_DATA_DIR: dataDir })
    expect(first.payloadSecret).toMatch(/^[0-9a-f]{64}$/)
    expect(first.auditKey).toMatch(/^[0-9a-f]{64}$/)
    expect(first.auditKey).not.toBe(first.payloadSecret)
    expect(readFileSync(path.join(dataDir, '.payload-secret'), 'utf8').trim()).toBe(first.payloadSecret)
    const second = resolveSettings({ PHRASEBOOK_DATA_DIR: dataDir })
    expect(second.payloadSecret).toBe(first.payloadSecret)
    expect(second.auditKey).toBe(first.auditKey)
  })

  it('refuses to run in production without PAYLOAD_SECRET and writes no secret file', () => {
    rmSync(dataDir, { recursive: true, force: true })
    expect(() => resolveSettings({ NODE_ENV: 'production', PHRASEBOOK_DATA_DIR: dataDir })).toThrow(ConfigurationError)
    expect(() => resolveSettings({ NODE_ENV: 'production', PHRASEBOOK_DATA_DIR: dataDir })).toThrow(/PAYLOAD_SECRET/)
    expect(existsSync(path.join(dataDir, '.payload-secret'))).toBe(false)
    expect(() =>
      resolveSettings({ NODE_ENV: 'production', PAYLOAD_SECRET: 's', PHRASEBOOK_DATA_DIR: dataDir }),
    ).toThrow(/PHRASEBOOK_AUDIT_KEY/)
  })

  it('chooses the adapter from DATABASE_URL and rejects anything else', () => {
    const env = { PHRASEBOOK_DATA_DIR: dataDir }
    expect(resolveSettings({ ...env, DATABASE_URL: 'postgres://u:p@h/db' }).databaseKind).toBe('postgres')
    expect(resolveSettings({ ...env, DATABASE_URL: 'postgresql://u:p@h/db' }).databaseKind).toBe('postgres')
    expect(resolveSettings({ ...env, DATABASE_URL: 'mongodb://h/db' }).databaseKind).toBe('mongodb')
    expect(() => resolveSettings({ ...env, DATABASE_URL: 'mysql://h/db' })).toThrow(/DATABASE_URL/)
  })

  it('rejects a bad port, an unknown time zone, and reads PHRASEBOOK_SEED=false', () => {
    const env = { PHRASEBOOK_DATA_DIR: dataDir }
    expect(() => resolveSettings({ ...env, PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => resolveSettings({ ...env, PHRASEBOOK_TIMEZONE: 'Mars/Olympus' })).toThrow(/PHRASEBOOK_TIMEZONE/)
    expect(resolveSettings({ ...env, PHRASEBOOK_SEED: 'false' }).seed).toBe(false)
  })

  it('pushes the schema outside production unless PHRASEBOOK_SCHEMA_PUSH=false', () => {
    const env = { PHRASEBOOK_DATA_DIR: dataDir }
    expect(resolveSettings(env).schemaPush).toBe(true)
    expect(resolveSettings({ ...env, PHRASEBOOK_SCHEMA_PUSH: 'false' }).schemaPush).toBe(false)
  })

  it('reads the region zh-Hant stands for: Taiwan unless PHRASEBOOK_DEFAULT_TRADITIONAL says Hong Kong', () => {
    const env = { PHRASEBOOK_DATA_DIR: dataDir }
    expect(resolveSettings(env).defaultTraditional).toBe('zh-TW')
    expect(resolveSettings({ ...env, PHRASEBOOK_DEFAULT_TRADITIONAL: ' zh-HK ' }).defaultTraditional).toBe('zh-HK')
    for (const value of ['zh-CN', 'zh-Hant', 'HK']) {
      expect(() => resolveSettings({ ...env, PHRASEBOOK_DEFAULT_TRADITIONAL: value })).toThrow(`PHRASEBOOK_DEFAULT_TRADITIONAL is the region zh-Hant stands for: zh-TW or zh-HK (got "${value}")`)
    }
  })

  it('reads the regions the deployment serves (PHRASEBOOK_REGIONS, all three unless set) and keeps zh-Hant on a served one', () => {
    const env = { PHRASEBOOK_DATA_DIR: dataDir }
    expect(resolveSettings(env).regions).toEqual(['zh-TW', 'zh-HK', 'zh-CN'])
    expect(resolveSettings({ ...env, PHRASEBOOK_REGIONS: ' zh-CN, zh-TW ' })).toMatchObject({ regions: ['zh-TW', 'zh-CN'], defaultTraditional: 'zh-TW' })
    // Hong Kong and the mainland only: zh-Hant stands for Hong Kong.
    expect(resolveSettings({ ...env, PHRASEBOOK_REGIONS: 'zh-HK,zh-CN' })).toMatchObject({ regions: ['zh-HK', 'zh-CN'], defaultTraditional: 'zh-HK' })
    expect(() => resolveSettings({ ...env, PHRASEBOOK_REGIONS: 'zh-TW,zh-SG' })).toThrow('PHRASEBOOK_REGIONS lists regions among zh-TW, zh-HK, zh-CN (got "zh-SG")')
    expect(() => resolveSettings({ ...env, PHRASEBOOK_REGIONS: 'zh-CN', PHRASEBOOK_DEFAULT_TRADITIONAL: 'zh-TW' })).toThrow(
      'PHRASEBOOK_DEFAULT_TRADITIONAL is zh-TW, which PHRASEBOOK_REGIONS (zh-CN) does not serve',
    )
  })

  it('reads the abuse limits and CORS origins, refusing nonsense', () => {
    const env = { PHRASEBOOK_DATA_DIR: dataDir }
    expect(resolveSettings(env)).toMatchObject({ deliveryRateLimit: 60_000, loginRateLimit: 20, corsOrigins: [] })
    expect(resolveSettings({ ...env, PHRASEBOOK_RATE_LIMIT: '0', PHRASEBOOK_CORS_ORIGINS: 'https://a.example.com, http://localhost:5173' })).toMatchObject({
      deliveryRateLimit: 0,
      corsOrigins: ['https://a.example.com', 'http://localhost:5173'],
    })
    expect(() => resolveSettings({ ...env, PHRASEBOOK_RATE_LIMIT: 'lots' })).toThrow(/PHRASEBOOK_RATE_LIMIT/)
    expect(() => resolveSettings({ ...env, PHRASEBOOK_LOGIN_RATE_LIMIT: '-1' })).toThrow(/PHRASEBOOK_LOGIN_RATE_LIMIT/)
    expect(() => resolveSettings({ ...env, PHRASEBOOK_CORS_ORIGINS: '*' })).toThrow(/PHRASEBOOK_CORS_ORIGINS/)
  })
})
