import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

import { changeFeedOf } from '../src/changes/announce'
import { ANYTHING, type Change, ChangeFeed } from '../src/changes/feed'
import { hearOtherProcesses } from '../src/changes/otherProcesses'
import { type DeliveryStore, startDeliveryStore } from '../src/delivery/store'
import { currentForbiddenTerms } from '../src/lint/currentMatcher'
import { type PgPool, PostgresNotifications } from '../src/postgresNotifications'
import { startServer } from '../src/server/start'
import { anotherProcessUrl, freshDatabaseUrl, startPayload, testSettings } from './helpers/databases'
import { eventually } from './helpers/wait'

describe('the change feed', () => {
  it('tells each follower of the changes to its collections, and everyone of ANYTHING', () => {
    const failures: unknown[] = []
    const feed = new ChangeFeed((error) => failures.push(error))
    const heard: Record<string, Change[]> = { glossary: [], both: [], failing: [] }
    feed.follow(['forbidden-terms'], () => {
      throw new Error('a broken cache')
    })
    feed.follow(['glossary'], (change) => heard.glossary!.push(change))
    const unfollow = feed.follow(['glossary', 'delivery-revisions'], (change) => heard.both!.push(change))
    feed.publish([{ collection: 'glossary' }, { collection: 'delivery-revisions' }, { collection: 'forbidden-terms' }])
    expect(heard.glossary).toEqual([{ collection: 'glossary' }])
    expect(heard.both).toEqual([{ collection: 'glossary' }, { collection: 'delivery-revisions' }])
    expect(failures).toEqual([new Error('a broken cache')])
    unfollow()
    feed.publish([{ collection: ANYTHING }])
    expect(heard.glossary).toEqual([{ collection: 'glossary' }, { collection: ANYTHING }])
    expect(heard.both).toHaveLength(2)
    expect(failures).toHaveLength(2)
  })
})

/**
 * Two Payload instances on one database, each with a feed of its own (their database addresses are
 * spelled differently), stand for two server processes: `here` runs the server's caches and hears
 * the other by LISTEN (PostgreSQL) or by the data version check (SQLite).
 */
describe.each(['sqlite', 'postgres'] as const)('changes reach the caches (%s)', (kind) => {
  let here: Payload
  let other: Payload
  let store: DeliveryStore
  let stopHearing: () => Promise<void>
  let notifications: PostgresNotifications | undefined
  const heard: Change[] = []
  const heardOf = (collection: string) => heard.filter((change) => change.collection === collection)
  const forbid = (payload: Payload, term: string, req?: Awaited<ReturnType<typeof createLocalReq>>) =>
    payload.create({ collection: 'forbidden-terms', locale: 'zh-Hant', data: { term, class: 'indifference', severity: 'block', suggestion: '我來協助您' }, req })

  beforeAll(async () => {
    const name = `change_feed_${kind}`
    const settings = testSettings(await freshDatabaseUrl(kind, name), name)
    here = await startPayload(settings, `${name}_here`)
    other = await startPayload({ ...settings, databaseUrl: anotherProcessUrl(settings.databaseUrl) }, `${name}_other`)
    expect(changeFeedOf(other)).not.toBe(changeFeedOf(here))
    if (kind === 'postgres') notifications = await PostgresNotifications.start((here.db as unknown as { pool: PgPool }).pool, () => {})
    stopHearing = await hearOtherProcesses(here, notifications)
    store = await startDeliveryStore(here)
    changeFeedOf(here).follow(['glossary', 'forbidden-terms', 'delivery-revisions'], (change) => heard.push(change))
  })
  afterAll(async () => {
    await store?.stop()
    await stopHearing?.()
    await notifications?.stop()
    await other?.destroy()
    await here?.destroy()
  })

  it('announces a write when its transaction commits, and never a write that rolled back', async () => {
    const req = await createLocalReq({}, here)
    await initTransaction(req)
    await forbid(here, '愛理不理', req)
    expect(heardOf('forbidden-terms')).toEqual([])
    await commitTransaction(req)
    expect(heardOf('forbidden-terms')).toEqual([{ collection: 'forbidden-terms' }])

    const rolledBack = await createLocalReq({}, here)
    await initTransaction(rolledBack)
    await forbid(here, '不歸我管', rolledBack)
    await killTransaction(rolledBack)
    expect(heardOf('forbidden-terms')).toHaveLength(1)
  })

  it('rebuilds the forbidden-term matcher on its first use after a change in this process', async () => {
    expect((await currentForbiddenTerms(here)).lint('這件事你自己看著辦', 'zh-Hant')).toEqual([])
    await forbid(here, '自己看著辦')
    // No wait: the change was announced when it committed.
    expect((await currentForbiddenTerms(here)).lint('這件事你自己看著辦', 'zh-Hant')).toEqual([expect.objectContaining({ term: '自己看著辦', index: 4 })])
  })

  it('hears what another process commits: the matcher and the delivery snapshot follow it', async () => {
    const before = store.snapshot.revision
    await forbid(other, '你聽不懂嗎')
    await other.create({ collection: 'categories', locale: 'zh-Hant', data: { slug: 'farewell', name: '道別' } })
    // Well within the safety net's 10 s on PostgreSQL: the notification carried it.
    await eventually(async () => expect((await currentForbiddenTerms(here)).lint('你聽不懂嗎', 'zh-Hant')).toHaveLength(1), { withinMs: 3000 })
    await eventually(() => expect([...store.snapshot.categories.keys()]).toContain('farewell'), { withinMs: 3000 })
    expect(store.snapshot.revision).toBeGreaterThan(before)
  })

  if (kind === 'postgres') {
    it('sends other processes nothing of a transaction that rolled back, and the rest in commit order', async () => {
      heard.length = 0
      const rolledBack = await createLocalReq({}, other)
      await initTransaction(rolledBack)
      await other.create({ collection: 'glossary', data: { term: '回滾詞' }, req: rolledBack })
      await killTransaction(rolledBack)
      await forbid(other, '關我什麼事')
      await eventually(() => expect(heardOf('forbidden-terms').length).toBeGreaterThan(0), { withinMs: 3000 })
      expect(heardOf('glossary')).toEqual([])
    })
  }
})

describe('a process that starts the server more than once', () => {
  it('gets a new Payload instance, on its own database, each time', async () => {
    const databases = await Promise.all(['first', 'second'].map(async (which) => testSettings(await freshDatabaseUrl('sqlite', `restart_${which}`), `restart_${which}`)))
    const first = await startServer(databases[0]!, { admin: false })
    await first.payload.create({ collection: 'categories', locale: 'zh-Hant', data: { slug: 'only-first', name: '第一' } })
    await first.close()
    const second = await startServer(databases[1]!, { admin: false })
    try {
      expect(second.payload).not.toBe(first.payload)
      expect((await second.payload.find({ collection: 'categories' })).docs.map((c) => c.slug)).toEqual([])
      expect((await fetch(`${second.url}/readyz`)).status).toBe(200)
    } finally {
      await second.close()
    }
  })
})
