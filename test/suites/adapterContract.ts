import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import { type DatabaseKind, freshDatabaseUrl, startPayload, testSettings } from '../helpers/databases'

/**
 * What every database adapter must do for the phrasebook: the same assertions on SQLite,
 * PostgreSQL and MongoDB.
 */
export function describeAdapterContract(kind: DatabaseKind): void {
  describe(`adapter contract: ${kind}`, () => {
    let payload: Payload
    let categoryId: number | string

    beforeAll(async () => {
      const name = `contract_${kind}`
      payload = await startPayload(testSettings(await freshDatabaseUrl(kind, name), name))
      const category = await payload.create({
        collection: 'categories',
        locale: 'zh-Hant',
        data: { slug: 'opening', name: '開場問候', order: 10 },
      })
      categoryId = category.id
    })
    afterAll(async () => {
      await payload?.destroy()
    })

    async function createDraft(key: string) {
      const doc = await payload.create({
        collection: 'phrases',
        locale: 'zh-Hant',
        draft: true,
        data: {
          _status: 'draft',
          key,
          category: categoryId as number,
          title: '日常開場',
          text: '您好，{{company}}，很高興為您服務！',
          variables: [{ name: 'company', description: '公司名稱', fallback: { zhHant: '本公司', zhHans: '本公司' } }],
        },
      })
      await payload.update({
        collection: 'phrases',
        id: doc.id,
        locale: 'zh-Hans',
        draft: true,
        data: { title: '日常开场', text: '您好，{{company}}，很高兴为您服务！' },
      })
      return doc
    }

    it('creates a phrase and reads it back in both scripts, with no cross-script fallback', async () => {
      const doc = await createDraft('opening.contract_read')
      const both = await payload.findByID({ collection: 'phrases', id: doc.id, locale: 'all', draft: true })
      expect(both.text).toEqual({
        'zh-Hant': '您好，{{company}}，很高興為您服務！',
        'zh-Hans': '您好，{{company}}，很高兴为您服务！',
        // Each region's text, proposed from the scripts in the same save.
        'zh-TW': '您好，{{company}}，很高興為您服務！',
        'zh-HK': '您好，{{company}}，很高興為您服務！',
        'zh-CN': '您好，{{company}}，很高兴为您服务！',
      })
      expect(both.variables?.[0]).toMatchObject({ name: 'company', fallback: { zhHant: '本公司', zhHans: '本公司' } })
      const english = await payload.findByID({ collection: 'phrases', id: doc.id, locale: 'en', draft: true })
      expect(english.text ?? null).toBeNull()
      expect(english.workflowState).toBe('draft')
    })

    it('finds a phrase by key', async () => {
      await createDraft('opening.contract_find')
      const { docs } = await payload.find({ collection: 'phrases', where: { key: { equals: 'opening.contract_find' } }, draft: true })
      expect(docs).toHaveLength(1)
      expect(docs[0].title).toBe('日常開場')
    })

    it('keeps every version and serves the published one while a newer draft waits', async () => {
      const doc = await createDraft('opening.contract_versions')
      await payload.update({ collection: 'phrases', id: doc.id, locale: 'zh-Hant', data: { _status: 'published' } })
      await payload.update({
        collection: 'phrases',
        id: doc.id,
        locale: 'zh-Hant',
        draft: true,
        data: { text: '您好，{{company}}，請問有什麼可以幫您？' },
      })
      const published = await payload.findByID({ collection: 'phrases', id: doc.id, locale: 'zh-Hant' })
      expect(published.text).toBe('您好，{{company}}，很高興為您服務！')
      const draft = await payload.findByID({ collection: 'phrases', id: doc.id, locale: 'zh-Hant', draft: true })
      expect(draft.text).toBe('您好，{{company}}，請問有什麼可以幫您？')

      const versions = await payload.findVersions({
        collection: 'phrases',
        where: { parent: { equals: doc.id } },
        sort: 'createdAt',
        locale: 'zh-Hant',
        pagination: false,
      })
      expect(versions.docs.length).toBeGreaterThanOrEqual(4)
      expect(versions.docs.map((v) => v.version._status)).toContain('published')
      expect(versions.docs.at(-1)!.version.text).toBe('您好，{{company}}，請問有什麼可以幫您？')
    })

    it('rejects a duplicate key and a malformed key, writing nothing', async () => {
      await createDraft('opening.contract_unique')
      const before = (await payload.count({ collection: 'phrases' })).totalDocs
      await expect(createDraft('opening.contract_unique')).rejects.toThrow()
      // Messages follow the admin language (field labels are translated): judge by the field's path.
      const malformed = await createDraft('Opening Standard').then(() => null, (e: { data?: { errors?: { path: string }[] } }) => e)
      expect(malformed?.data?.errors?.map((e) => e.path)).toEqual(['key'])
      expect((await payload.count({ collection: 'phrases' })).totalDocs).toBe(before)
    })

    it('rejects text that uses an undeclared variable', async () => {
      const doc = await createDraft('opening.contract_variables')
      const error = await payload
        .update({ collection: 'phrases', id: doc.id, locale: 'zh-Hant', draft: true, data: { text: '您好，{{customer_title}}' } })
        .then(() => null, (e: { data?: { errors?: { path: string; message: string }[] } }) => e)
      expect(error?.data?.errors).toEqual([{ path: 'text', message: '使用了未宣告的變數：{{customer_title}}；請在「變數」中宣告', label: expect.anything() }])
      const unchanged = await payload.findByID({ collection: 'phrases', id: doc.id, locale: 'zh-Hant', draft: true })
      expect(unchanged.text).toBe('您好，{{company}}，很高興為您服務！')
    })
  })
}
