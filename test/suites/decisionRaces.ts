import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { verifyAuditLog } from '../../src/audit/log'
import { type RunningServer, startServer } from '../../src/server/start'
import type { Settings } from '../../src/settings'
import { freshDatabaseUrl, secondServerEnv, testSettings } from '../helpers/databases'
import { type ServerProcess, spawnServer } from '../helpers/server'

const REVIEWERS = ['reviewer_a', 'reviewer_b', 'reviewer_c'] as const
const RACES = 20
type Json = Record<string, any>

/**
 * Racing decisions on one phrase in review: approve (one reviewer), reject (another) and approve
 * (a third) sent at once. Exactly one wins; the others are refused, the history and the audit
 * trail hold one decision, and the phrase is in the winner's state. With `twoProcesses`, the same
 * races again with the three requests spread over two server processes on one database.
 */
export function describeDecisionRaces(kind: 'sqlite' | 'postgres', options: { twoProcesses?: boolean } = {}): void {
  describe(`racing workflow decisions on ${kind}`, () => {
    let server: RunningServer
    let second: ServerProcess | undefined
    const tokens: Record<string, string> = {}
    let categoryId: number | string
    let auditKey: string
    let settings: Settings

    const call = (base: string, path: string, who: string, body: unknown = {}) =>
      fetch(base + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `JWT ${tokens[who]}` },
        body: JSON.stringify(body),
      })
    const get = async (path: string) =>
      (await (await fetch(server.url + path, { headers: { authorization: `JWT ${tokens.reviewer_a}` } })).json()) as Json

    beforeAll(async () => {
      const name = `decision_races_${kind}`
      settings = testSettings(await freshDatabaseUrl(kind, name), name)
      auditKey = settings.auditKey
      server = await startServer(settings, { admin: false })
      for (const person of ['editor', ...REVIEWERS]) {
        const roles = person === 'editor' ? ['editor' as const] : ['reviewer' as const]
        await server.payload.create({ collection: 'users', data: { email: `${person}@example.com`, password: `${person}-pw`, roles } })
        const login = await fetch(server.url + '/api/users/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: `${person}@example.com`, password: `${person}-pw` }),
        })
        tokens[person] = ((await login.json()) as Json).token
      }
      categoryId = (await server.payload.create({ collection: 'categories', locale: 'zh-Hant', data: { slug: 'closing', name: '結束語' } })).id
    })
    afterAll(async () => {
      await second?.stop()
      await server?.close()
    })

    /** RACES races, each on a new phrase in review, the requests of each sent to `bases` in turn. */
    async function runRaces(bases: string[], prefix: string): Promise<void> {
      for (let race = 0; race < RACES; race++) {
        const key = `closing.${prefix}_${race}`
        const created = await call(server.url, '/api/phrases?draft=true&locale=zh-Hant', 'editor', {
          key,
          category: categoryId,
          title: '結束語',
          text: `感謝您的來電（${race}），祝您生活愉快！`,
        })
        expect(created.status).toBe(201)
        const id = ((await created.json()) as Json).doc.id
        expect((await call(server.url, `/api/phrases/${id}/submit`, 'editor')).status).toBe(200)

        // Spread over the processes differently in each race, so every kind of decision runs on each.
        const base = (n: number) => bases[(race + n) % bases.length]!
        const contenders = [
          { action: 'approve', who: 'reviewer_a', request: call(base(0), `/api/phrases/${id}/approve`, 'reviewer_a') },
          { action: 'reject', who: 'reviewer_b', request: call(base(1), `/api/phrases/${id}/reject`, 'reviewer_b', { comment: 'Too long.' }) },
          { action: 'approve', who: 'reviewer_c', request: call(base(2), `/api/phrases/${id}/approve`, 'reviewer_c') },
        ]
        const answers = await Promise.all(
          contenders.map(async ({ request, ...contender }) => {
            const response = await request
            return { ...contender, status: response.status, body: (await response.json()) as Json }
          }),
        )
        const winners = answers.filter((a) => a.status === 200)
        expect({ race, statuses: answers.map((a) => a.status) }).toEqual({ race, statuses: expect.arrayContaining([200]) })
        expect({ race, winners: winners.length }).toEqual({ race, winners: 1 })
        for (const loser of answers.filter((a) => a.status !== 200)) {
          expect({ race, status: loser.status, code: loser.body.error?.code }).toEqual({ race, status: 409, code: 'wrong_state' })
        }
        const winner = winners[0]!
        const expectedState = winner.action === 'approve' ? 'published' : 'draft'

        // One decision in the history and in the audit trail, the winner's; the phrase is in its state.
        const { versions } = await get(`/api/phrases/${id}/history`)
        const decisions = (versions as Json[]).filter((v) => v.action === 'approve' || v.action === 'reject')
        expect({ race, decisions: decisions.map((v) => [v.action, v.author]) }).toEqual({ race, decisions: [[winner.action, `${winner.who}@example.com`]] })
        const trail = (await server.payload.find({ collection: 'audit-log', where: { documentKey: { equals: key } }, sort: 'sequence', pagination: false })).docs
        expect({ race, trail: trail.map((e) => [e.action, e.actorLabel]) }).toEqual({
          race,
          trail: [
            ['create', 'editor@example.com'],
            ['submit', 'editor@example.com'],
            [winner.action, `${winner.who}@example.com`],
          ],
        })
        const latest = await get(`/api/phrases/${id}?draft=true&depth=0&locale=zh-Hant`)
        expect({ race, state: latest.workflowState }).toEqual({ race, state: expectedState })
        const live = await server.payload.findByID({ collection: 'phrases', id, depth: 0, overrideAccess: true })
        expect({ race, published: live._status === 'published' }).toEqual({ race, published: winner.action === 'approve' })
      }
      expect(await verifyAuditLog(server.payload, auditKey)).toMatchObject({ ok: true })
    }

    it(`lets exactly one of approve, reject and approve win, ${RACES} races out of ${RACES}`, () => runRaces([server.url], 'race'), 600_000)

    if (options.twoProcesses) {
      it(`lets exactly one win when the three are spread over two server processes, ${RACES} races out of ${RACES}`, async () => {
        second = await spawnServer(secondServerEnv(settings))
        await runRaces([server.url, second.url], 'spread')
      }, 600_000)
    }
  })
}
