import { readdirSync, readlinkSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import { freshDatabaseUrl, startPayload, testSettings } from './helpers/databases'

/** The descriptors this process holds open on the database file and its WAL and shared-memory files. */
function descriptorsOn(file: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`).startsWith(file)
    } catch {
      return false
    }
  }).length
}

/**
 * SQLite transactions (src/sqliteConnections.ts): they take turns on one connection of their
 * own, so a process's open descriptors do not grow with the number of writes (libSQL opened a
 * connection per transaction, and `npm start` ran out of the usual 1,024 descriptors while seeding).
 */
describe('SQLite transactions on one connection', () => {
  let payload: Payload
  let file: string
  let category: number

  beforeAll(async () => {
    const url = await freshDatabaseUrl('sqlite', 'sqlite_connections')
    file = path.resolve(url.slice('file:'.length))
    payload = await startPayload(testSettings(url, 'sqlite-connections'))
    category = (await payload.create({ collection: 'categories', locale: 'zh-Hant', data: { slug: 'hold', name: '等待' } })).id as number
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  const createPhrase = (n: number) =>
    payload.create({ collection: 'phrases', locale: 'zh-Hant', draft: true, data: { key: `hold.wait_${n}`, category, title: '請稍候', text: `請您稍候 ${n} 分鐘。` } })

  it('keeps the same few descriptors open over hundreds of transactions', async () => {
    await createPhrase(0)
    const before = descriptorsOn(file)
    for (let n = 1; n <= 150; n++) await createPhrase(n)
    // The main connection and the transactions' connection: the file, its WAL and its shm each.
    expect(before).toBeLessThanOrEqual(6)
    expect(descriptorsOn(file)).toBe(before)
  })

  it('runs concurrent writes one after another, each whole', async () => {
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, n) => createPhrase(200 + n)))
    expect(results.filter((result) => result.status === 'rejected')).toEqual([])
    const { totalDocs } = await payload.count({ collection: 'phrases', where: { key: { in: Array.from({ length: 20 }, (_, n) => `hold.wait_${200 + n}`) } } })
    expect(totalDocs).toBe(20)
  })

  it('goes on after a write that failed', async () => {
    // A second phrase with the same key is refused (unique key).
    await expect(createPhrase(1)).rejects.toThrow()
    const again = await payload.count({ collection: 'phrases', where: { key: { equals: 'hold.wait_1' } } })
    expect(again.totalDocs).toBe(1)
    expect((await createPhrase(999)).key).toBe('hold.wait_999')
  })
})
