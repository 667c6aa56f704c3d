import { describe, expect, it } from '@jest/globals'

import { type AuditEvent, GENESIS_HASH, sealEntry, verifyChain } from '../src/audit/chain'

const KEY = 'test-audit-key'
const event = (n: number): AuditEvent => ({
  action: 'edit',
  actorKind: 'user',
  actorId: '7',
  actorLabel: 'editor@example.com',
  actorRoles: ['editor'],
  targetCollection: 'phrases',
  documentKey: `opening.p${n}`,
  before: { text: { 'zh-Hant': '舊' } },
  after: { text: { 'zh-Hant': '新', 'zh-Hans': '新' } },
})

function chain(length: number) {
  const entries: ReturnType<typeof sealEntry>[] = []
  for (let i = 0; i < length; i++) entries.push(sealEntry(KEY, event(i), entries.at(-1) ?? null))
  return entries
}

describe('audit hash chain', () => {
  it('links each entry to the previous one, starting from the genesis hash', () => {
    const entries = chain(3)
    expect(entries[0].previousHash).toBe(GENESIS_HASH)
    expect(entries[1].previousHash).toBe(entries[0].hash)
    expect(entries.map((e) => e.sequence)).toEqual([1, 2, 3])
    expect(verifyChain(KEY, entries)).toEqual({ ok: true, entries: 3 })
  })

  it('verifies regardless of JSON key order and empty-value spelling (as databases return them)', () => {
    const [entry] = chain(1)
    const fromDatabase = { ...entry, after: { text: { 'zh-Hans': '新', 'zh-Hant': '新' } }, comment: null, approver: '' }
    expect(verifyChain(KEY, [fromDatabase]).ok).toBe(true)
  })

  it('names the first edited, deleted or reordered entry', () => {
    const edited = chain(4)
    edited[2] = { ...edited[2], actorLabel: 'someone-else@example.com' }
    expect(verifyChain(KEY, edited)).toMatchObject({ ok: false, firstBadEntry: { sequence: 3 } })

    const deleted = chain(4)
    deleted.splice(1, 1)
    expect(verifyChain(KEY, deleted)).toMatchObject({ ok: false, firstBadEntry: { sequence: 3 } })

    const reordered = chain(4)
    ;[reordered[1], reordered[2]] = [reordered[2], reordered[1]]
    expect(verifyChain(KEY, reordered)).toMatchObject({ ok: false, firstBadEntry: { sequence: 3 } })
  })

  it('rejects a chain recomputed without the key', () => {
    const entries = chain(2)
    const forged = chain(2).map((e) => ({ ...e }))
    forged[1] = sealEntry('guessed-key', { ...event(1), actorLabel: 'forger' }, forged[0])
    expect(verifyChain(KEY, entries).ok).toBe(true)
    expect(verifyChain(KEY, forged)).toMatchObject({ ok: false, firstBadEntry: { sequence: 2 } })
  })
})
