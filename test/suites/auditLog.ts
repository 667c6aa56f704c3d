import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { recordAudit } from '../../src/audit/log'
import { type RunningServer, startServer } from '../../src/server/start'
import type { Settings } from '../../src/settings'
import { freshDatabaseUrl, runSql, testSettings } from '../helpers/databases'

type Kind = 'sqlite' | 'postgres'

/** Triggers off for this session (PostgreSQL) or dropped (SQLite): what a tamperer with database rights does. */
const bypassGuards = (kind: Kind) =>
  kind === 'postgres'
    ? ['SET session_replication_role = replica']
    : ['audit_log', 'audit_log_texts'].flatMap((table) => [
        `DROP TRIGGER IF EXISTS ${table}_no_update`,
        `DROP TRIGGER IF EXISTS ${table}_no_delete`,
      ])

export function describeAuditLog(kind: Kind): void {
  describe(`the audit log on ${kind}`, () => {
    let server: RunningServer
    let settings: Settings
    const tokens: Record<string, string> = {}

    const api = (path: string, role?: string, init: RequestInit = {}) =>
      fetch(server.url + path, {
        ...init,
        headers: { 'content-type': 'application/json', ...(role ? { authorization: `JWT ${tokens[role]}` } : {}) },
      })

    beforeAll(async () => {
      const name = `audit_${kind}`
      settings = testSettings(await freshDatabaseUrl(kind, name), name)
      server = await startServer(settings, { admin: false })
      for (const role of ['auditor', 'editor']) {
        await server.payload.create({
          collection: 'users',
          data: { email: `${role}@example.com`, password: `${role}-password`, roles: [role as 'auditor'] },
        })
      }
      const logins = { admin: [settings.adminEmail, settings.adminPassword], auditor: ['auditor@example.com', 'auditor-password'], editor: ['editor@example.com', 'editor-password'] }
      for (const [role, [email, password]] of Object.entries(logins)) {
        const response = await api('/api/users/login', undefined, { method: 'POST', body: JSON.stringify({ email, password }) })
        tokens[role] = ((await response.json()) as { token: string }).token
      }
      for (const n of [1, 2, 3]) {
        await recordAudit(server.payload, settings.auditKey, {
          action: 'edit',
          actorKind: 'user',
          actorId: '2',
          actorLabel: 'editor@example.com',
          actorRoles: ['editor'],
          targetCollection: 'phrases',
          documentKey: `opening.p${n}`,
          before: { text: { 'zh-Hant': '舊' } },
          after: { text: { 'zh-Hant': `新${n}` } },
        })
      }
      // Through the real path: an admin's glossary change writes its own entry.
      const glossary = await api('/api/glossary', 'admin', { method: 'POST', body: JSON.stringify({ term: '江南云商', protect: true }) })
      expect(glossary.status).toBe(201)
    })
    afterAll(async () => {
      await server?.close()
    })

    it('verifies the intact chain for auditors; others are turned away', async () => {
      const verify = await api('/api/audit-log/verify', 'auditor')
      expect(verify.status).toBe(200)
      // 3 people created (role changes), 3 edits, 1 glossary change.
      expect(await verify.json()).toEqual({ ok: true, entries: 7 })
      expect((await api('/api/audit-log/verify', 'editor')).status).toBe(403)
      expect((await api('/api/audit-log/verify')).status).toBe(401)
      const list = (await (await api('/api/audit-log?sort=sequence', 'auditor')).json()) as { docs: { action: string; actorLabel: string }[] }
      expect(list.docs.at(-1)).toMatchObject({ action: 'glossary_change', actorLabel: settings.adminEmail })
    })

    it('lets nobody write, change or delete an entry through the API, admins included', async () => {
      const entry = { sequence: 99, at: new Date().toISOString(), action: 'edit', actorKind: 'user', previousHash: 'x', hash: 'y' }
      expect((await api('/api/audit-log', 'admin', { method: 'POST', body: JSON.stringify(entry) })).status).toBe(403)
      expect((await api('/api/audit-log/1', 'admin', { method: 'PATCH', body: JSON.stringify({ comment: 'edited' }) })).status).toBe(403)
      expect((await api('/api/audit-log/1', 'admin', { method: 'DELETE' })).status).toBe(403)
      expect((await api('/api/audit-log/1', 'auditor', { method: 'DELETE' })).status).toBe(403)
      expect(await (await api('/api/audit-log/verify', 'auditor')).json()).toEqual({ ok: true, entries: 7 })
    })

    it('refuses UPDATE and DELETE in the database itself', async () => {
      await expect(runSql(server.payload, settings, ["UPDATE audit_log SET comment = 'x' WHERE sequence = 1"])).rejects.toThrow(/append-only/)
      await expect(runSql(server.payload, settings, ['DELETE FROM audit_log WHERE sequence = 1'])).rejects.toThrow(/append-only/)
    })

    it('exports CSV and JSON with filters', async () => {
      const csv = await api('/api/audit-log/export?format=csv', 'auditor')
      expect(csv.status).toBe(200)
      expect(csv.headers.get('content-type')).toContain('text/csv')
      const lines = (await csv.text()).trim().split('\n')
      expect(lines[0]).toMatch(/^sequence,at,action,/)
      expect(lines).toHaveLength(8)
      const json = (await (await api('/api/audit-log/export?format=json&action=glossary_change', 'auditor')).json()) as { action: string }[]
      expect(json.map((e) => e.action)).toEqual(['glossary_change'])
      const byPhrase = (await (await api('/api/audit-log/export?phrase=opening.p2', 'auditor')).json()) as { documentKey: string }[]
      expect(byPhrase.map((e) => e.documentKey)).toEqual(['opening.p2'])
      const byUser = (await (await api('/api/audit-log/export?user=editor@example.com&from=2000-01-01&to=2999-01-01', 'auditor')).json()) as unknown[]
      expect(byUser).toHaveLength(3)
      const none = await api('/api/audit-log/export?format=json&from=2999-01-01', 'auditor')
      expect(await none.json()).toEqual([])
      expect((await api('/api/audit-log/export?format=xml', 'auditor')).status).toBe(400)
      expect((await api('/api/audit-log/export?from=yesterday', 'auditor')).status).toBe(400)
      expect((await api('/api/audit-log/export?action=hack', 'auditor')).status).toBe(400)
      expect((await api('/api/audit-log/export', 'editor')).status).toBe(403)
    })

    it('records role changes and new API clients, naming who did it', async () => {
      const auditor = (await server.payload.find({ collection: 'users', where: { email: { equals: 'auditor@example.com' } } })).docs[0]
      const promoted = await api(`/api/users/${auditor.id}`, 'admin', { method: 'PATCH', body: JSON.stringify({ roles: ['auditor', 'reviewer'] }) })
      expect(promoted.status).toBe(200)
      const client = await api('/api/api-clients', 'admin', {
        method: 'POST',
        body: JSON.stringify({ name: 'Agent desktop', enableAPIKey: true, apiKey: 'audit-test-key-0123456789abcdef' }),
      })
      expect(client.status).toBe(201)
      const entries = (await (await api(`/api/audit-log/export?user=${settings.adminEmail}`, 'auditor')).json()) as Record<string, unknown>[]
      expect(entries.map((e) => [e.action, e.documentKey, e.before, e.after])).toEqual([
        ['glossary_change', '江南云商', null, expect.objectContaining({ term: '江南云商' })],
        ['role_change', 'auditor@example.com', { roles: ['auditor'] }, { roles: ['auditor', 'reviewer'] }],
        ['api_client_created', 'Agent desktop', null, { name: 'Agent desktop', enabled: true, apiKeyEnabled: true }],
      ])
      expect(JSON.stringify(entries)).not.toContain('audit-test-key')
      const created = (await (await api('/api/audit-log/export?action=role_change', 'auditor')).json()) as Record<string, unknown>[]
      expect(created[0]).toMatchObject({ actorKind: 'system', documentKey: settings.adminEmail, after: { roles: ['admin'] } })
      expect(await (await api('/api/audit-log/verify', 'auditor')).json()).toEqual({ ok: true, entries: 9 })
    })

    it('records a failed sign-in with the e-mail tried, never the password', async () => {
      const failed = await api('/api/users/login', undefined, {
        method: 'POST',
        body: JSON.stringify({ email: 'editor@example.com', password: 'not-the-password' }),
      })
      expect(failed.status).toBe(401)
      const entries = (await (await api('/api/audit-log/export?action=login_failure', 'auditor')).json()) as Record<string, unknown>[]
      expect(entries).toEqual([
        expect.objectContaining({ actorLabel: 'editor@example.com', summary: 'Failed sign-in for editor@example.com: wrong e-mail or password' }),
      ])
      expect(JSON.stringify(entries)).not.toContain('not-the-password')
    })

    it('names the first tampered entry after someone edits or deletes rows in the database', async () => {
      await runSql(server.payload, settings, [...bypassGuards(kind), "UPDATE audit_log SET comment = 'approved by me' WHERE sequence = 5"])
      expect(await (await api('/api/audit-log/verify', 'auditor')).json()).toEqual({
        ok: false,
        entries: 5,
        firstBadEntry: { sequence: 5, reason: 'content does not match its hash' },
      })
      await runSql(server.payload, settings, [
        ...bypassGuards(kind),
        'UPDATE audit_log SET comment = NULL WHERE sequence = 5',
        'DELETE FROM audit_log WHERE sequence = 6',
      ])
      expect(await (await api('/api/audit-log/verify', 'auditor')).json()).toEqual({
        ok: false,
        entries: 6,
        firstBadEntry: { sequence: 7, reason: 'expected entry 6, found 7' },
      })
    })
  })
}
