import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { type RunningServer, startServer } from '../../src/server/start'
import { type DatabaseKind, freshDatabaseUrl, testSettings } from '../helpers/databases'

type Answer = { error: { code: string; message: string; unlocksAt?: string }; errors: { message: string }[] }

/** Payload's lockout after 5 failed sign-ins, told as such (not as a wrong password), with when it ends. */
export function describeAccountLock(kind: DatabaseKind): void {
  describe(`a locked account (${kind})`, () => {
    let server: RunningServer
    const signIn = (email: string, password: string, language = 'en') =>
      fetch(`${server.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': language },
        body: JSON.stringify({ email, password }),
      })

    beforeAll(async () => {
      const name = `account_lock_${kind}`
      server = await startServer(testSettings(await freshDatabaseUrl(kind, name), name), { admin: false })
      await server.payload.create({ collection: 'users', data: { email: 'locked@example.com', password: 'right-password', roles: ['editor'] } })
    })
    afterAll(async () => {
      await server?.close()
    })

    it('answers account_locked, in the caller language, with when it unlocks, where a wrong password is unauthorized', async () => {
      for (let i = 0; i < 5; i++) {
        const wrong = await signIn('locked@example.com', 'wrong')
        expect(wrong.status).toBe(401)
        expect(((await wrong.json()) as Answer).error.code).toBe('unauthorized')
      }
      const before = Date.now()
      const locked = await signIn('Locked@Example.com', 'right-password', 'zh-Hans')
      expect(locked.status).toBe(401)
      const body = (await locked.json()) as Answer
      expect(body.error).toMatchObject({ code: 'account_locked', message: expect.stringContaining('已暂时锁定：请于 10 分钟后') })
      // The shape the admin's sign-in form shows, with the same words.
      expect(body.errors[0]!.message).toBe(body.error.message)
      const unlocksAt = Date.parse(body.error.unlocksAt!)
      expect(unlocksAt - before).toBeGreaterThan(9 * 60_000)
      expect(unlocksAt - before).toBeLessThanOrEqual(10 * 60_000)

      const english = (await (await signIn('locked@example.com', 'wrong', 'en-US,en;q=0.9')).json()) as Answer
      expect(english.error.code).toBe('account_locked')
      expect(english.error.message).toMatch(/^This account is locked .* try again in 10 minutes \(at \d\d:\d\d\)/)
      const traditional = (await (await signIn('locked@example.com', 'right-password', 'zh-TW')).json()) as Answer
      expect(traditional.error.message).toContain('已暫時鎖定')
    })

    it('lets the person in once the lock has run out', async () => {
      const [user] = (await server.payload.find({ collection: 'users', where: { email: { equals: 'locked@example.com' } }, showHiddenFields: true })).docs
      await server.payload.update({ collection: 'users', id: user!.id, data: { lockUntil: new Date(Date.now() - 1000).toISOString() } as never, showHiddenFields: true })
      expect((await signIn('locked@example.com', 'right-password')).status).toBe(200)
    })
  })
}
