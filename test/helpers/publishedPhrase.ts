import type { PublishedPhrase } from '../../src/delivery/snapshot'

type Fields = { title: [string, string]; text: [string, string]; notes?: [string, string]; tags?: string[]; triggers?: string[]; category?: string }

/**
 * A published phrase as the delivery store reads it, for tests of the snapshot's readers (search,
 * suggestions): each field `[Traditional, Simplified]`, Taiwan and Hong Kong saying the first,
 * the mainland the second.
 */
export function publishedPhrase(key: string, fields: Fields, extra: Partial<PublishedPhrase> = {}): PublishedPhrase {
  const localized = ([tw, cn]: [string, string]) => ({ 'zh-Hant': tw, 'zh-Hans': cn, 'zh-TW': tw, 'zh-HK': tw, 'zh-CN': cn })
  return {
    id: key,
    key,
    category: fields.category ?? key.split('.')[0]!,
    sourceScript: 'zh-Hant',
    title: localized(fields.title),
    text: localized(fields.text),
    agentNotes: fields.notes ? localized(fields.notes) : {},
    tags: fields.tags ?? [],
    triggers: fields.triggers ?? [],
    channels: ['phone', 'chat'],
    variables: [],
    variantOf: null,
    holiday: null,
    validFrom: null,
    validUntil: null,
    order: 0,
    updatedAt: '2026-12-01T00:00:00.000Z',
    ...extra,
  }
}
