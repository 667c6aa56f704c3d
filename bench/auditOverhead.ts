import { createLocalReq, type Payload } from 'payload'

import { writeTransition } from '../collections/Phrases/transition'
import { saying } from '../collections/writeIntent'
import { freshDatabaseUrl, startPayload, testSettings } from '../test/helpers/databases'

export type AuditOverhead = {
  database: string
  transitions: number
  withoutAuditMs: number
  withAuditMs: number
  auditMs: number
  overhead: number
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

async function time(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint()
  await work()
  return Number(process.hrtime.bigint() - start) / 1e6
}

/**
 * The cost of the audit entry in a workflow transition: the same draft write of the phrase's
 * state with and without its hash-chained audit entry (in one transaction where the database has
 * them), alternating so both see the same database size. Median per transition.
 */
export async function benchAuditOverhead(kind: 'sqlite' | 'postgres', transitions = 200): Promise<AuditOverhead> {
  const name = `bench_audit_${kind}`
  const payload: Payload = await startPayload(testSettings(await freshDatabaseUrl(kind, name), name), name)
  try {
    const user = await payload.create({ collection: 'users', data: { email: 'bench@example.com', password: 'bench-pw', roles: ['editor'] } })
    const category = await payload.create({ collection: 'categories', locale: 'zh-Hant', data: { slug: 'bench', name: '測試' } })
    const phrase = await payload.create({
      collection: 'phrases',
      locale: 'zh-Hant',
      draft: true,
      data: { key: 'bench.transition', category: category.id, title: '測試', text: '您好，請問有什麼可以幫您？' },
      overrideAccess: true,
      context: saying({ kind: 'seed' }),
    })
    const req = await createLocalReq({ user: { ...user, collection: 'users' } }, payload)
    const withAudit: number[] = []
    const withoutAudit: number[] = []
    for (let n = 0; n < transitions; n++) {
      const next = n % 2 ? 'draft' : 'in_review'
      withoutAudit.push(
        await time(() =>
          payload.update({
            collection: 'phrases',
            id: phrase.id,
            draft: true,
            data: { workflowState: next },
            // The same write as writeTransition's own, without its audit entry.
            context: saying({ kind: 'transition', change: { action: 'submit', by: user.email } }),
            overrideAccess: true,
            depth: 0,
            req,
          }),
        ),
      )
      withAudit.push(await time(() => writeTransition(req, { ...phrase, workflowState: next }, { action: 'submit', next })))
    }
    const withAuditMs = median(withAudit)
    const withoutAuditMs = median(withoutAudit)
    return {
      database: kind === 'sqlite' ? 'SQLite (file, WAL)' : 'PostgreSQL 15 (local)',
      transitions,
      withoutAuditMs,
      withAuditMs,
      auditMs: withAuditMs - withoutAuditMs,
      overhead: withAuditMs / withoutAuditMs,
    }
  } finally {
    await payload.destroy()
  }
}
