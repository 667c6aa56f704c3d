import { describe, expect, it } from '@jest/globals'

import { PHRASE_PAGE, pageOf, readPage } from '../src/delivery/paging'
import { listedPhrases, readQuery } from '../src/delivery/request'
import { PhraseSearch, readSearchQuery, searchPhrases } from '../src/delivery/search'
import { buildSnapshot, patchSnapshot, type PublishedPhrase, type Snapshot } from '../src/delivery/snapshot'
import { REGIONS } from '../src/domain/locales'
import { foldForSearch, highlightsIn, termsOf } from '../src/search/terms'
import { refusal } from './helpers/deliveryRefusal'
import { publishedPhrase } from './helpers/publishedPhrase'

const TIME_ZONE = 'Asia/Taipei'

const phrase = publishedPhrase

const LIBRARY: PublishedPhrase[] = [
  phrase('hold.please_wait', { title: ['請稍等', '请稍等'], text: ['請您稍等，不要掛斷電話。', '请您稍等，不要挂断电话。'] }),
  phrase('hold.consult', { title: ['需要查詢', '需要查询'], text: ['{{customer_title}}，請您稍等，我幫您查詢一下。', '{{customer_title}}，请您稍等，我帮您查询一下。'] }),
  phrase('hold.short', { title: ['短暫等候', '短暂等候'], text: ['請稍等。', '请稍等。'] }),
  phrase('hold.thanks', { title: ['感謝等候', '感谢等候'], text: ['感謝您的耐心等候。', '感谢您的耐心等候。'], notes: ['回線後先道謝，不說讓您久等了', '回线后先道谢，不说让您久等了'] }),
  phrase('inquiry.video', { title: ['影片教學', '视频教学'], text: ['您可以觀看我們的教學影片。', '您可以观看我们的教学视频。'] }),
  phrase('complaint.angry', { title: ['安撫情緒', '安抚情绪'], text: ['非常理解您的心情，我馬上為您處理。', '非常理解您的心情，我马上为您处理。'], tags: ['投訴', '生氣'] }),
  phrase('closing.standard', { title: ['標準結束語', '标准结束语'], text: ['感謝您的來電，再見！', '感谢您的来电，再见！'], category: 'closing' }),
  phrase(
    'closing.standard.spring_festival',
    { title: ['春節結束語', '春节结束语'], text: ['感謝您的來電，祝您新春快樂！', '感谢您的来电，祝您新春快乐！'], category: 'closing' },
    { variantOf: 'closing.standard', holiday: 'spring_festival', channels: ['phone'] },
  ),
]

const CATEGORIES = ['hold', 'inquiry', 'complaint', 'closing'].map((slug, order) => ({ slug, name: { 'zh-Hant': slug }, order }))
const HOLIDAYS = [{ code: 'spring_festival', name: { 'zh-Hant': '春節' }, dates: [{ year: 2027, start: '2027-02-05', end: '2027-02-10' }], regions: [] }]

const snapshotOf = (phrases: PublishedPhrase[], revision = 1): Snapshot =>
  buildSnapshot({ revision, phrases, categories: CATEGORIES, holidays: HOLIDAYS, scenarios: [], defaultTraditional: 'zh-TW', regions: REGIONS })

function search(snapshot: Snapshot, query: Record<string, string>, engine = new PhraseSearch()) {
  return searchPhrases(snapshot, engine.indexFor(snapshot), readSearchQuery({ at: '2027-03-15', ...query }, snapshot, TIME_ZONE))
}
const keysFound = (snapshot: Snapshot, query: Record<string, string>) => search(snapshot, query).items.map((item) => item.key)

describe('what search compares', () => {
  it('folds Traditional to Simplified, full width to half and upper case to lower, position for position', () => {
    expect(foldForSearch('請稍等')).toBe('请稍等')
    expect(foldForSearch('ＶＩＰ會員')).toBe('vip会员')
    // ㈱ widens under NFKC: it is kept, so what follows keeps its place.
    const text = '㈱請稍等'
    expect(foldForSearch(text)).toHaveLength(text.length)
    expect(foldForSearch(text).slice(1)).toBe('请稍等')
  })

  it('folds Taiwan and Hong Kong variant forms, and keeps word-level conversion beside odd characters', () => {
    expect(foldForSearch('衞生')).toBe('卫生')
    expect(foldForSearch('著急')).toBe('着急')
    // … widens under NFKC; 瞭解 is still 了解 (converted as a word, not character by character).
    expect(foldForSearch('我瞭解您的意思……')).toBe('我了解您的意思……')
    // ﬁ widens and e + ◌́ composes: the positions after them still hold.
    const odd = 'ﬁ請稍等e\u0301'
    expect(highlightsIn(odd, termsOf('稍等'))).toEqual([[2, 4]])
    // 嗰 becomes a character outside the BMP: kept, and the rest folded.
    expect(foldForSearch('嗰個請稍等')).toHaveLength('嗰個請稍等'.length)
    expect(foldForSearch('嗰個請稍等').slice(1)).toBe('个请稍等')
  })

  it('reads Chinese as pairs of neighbouring characters and other words whole', () => {
    expect(termsOf(foldForSearch('請您稍等'))).toEqual(['请您', '您稍', '稍等'])
    expect(termsOf(foldForSearch('VIP會員，24小時'))).toEqual(['vip', '会员', '24', '小时'])
    expect(termsOf('等')).toEqual(['等'])
  })

  it('marks the query\'s words in the text it returns, in either script', () => {
    expect(highlightsIn('請您稍等，不要掛斷電話。', termsOf('稍等电话'))).toEqual([[2, 4], [9, 11]])
    // Overlapping pairs make one range.
    expect(highlightsIn('感謝您的耐心等候。', termsOf('耐心等候'))).toEqual([[4, 8]])
  })
})

describe('GET /v1/search over a snapshot', () => {
  const snapshot = snapshotOf(LIBRARY)

  it('finds the same phrases whichever script the query is in, with words in between', () => {
    const found = ['請稍等', '请稍等', '请您稍等', '請您稍等'].map((q) => keysFound(snapshot, { q, locale: 'zh-TW' }).sort())
    for (const keys of found) expect(keys).toEqual(['hold.consult', 'hold.please_wait', 'hold.short'])
  })

  it('ranks a match in the title above one in the text, and says where the words are', () => {
    const { items } = search(snapshot, { q: '請稍等', locale: 'zh-TW' })
    expect(items.map((item) => item.key)).toEqual(['hold.please_wait', 'hold.short', 'hold.consult'])
    expect(items[0]!.score).toBeGreaterThan(items[2]!.score)
    expect(items[0]!.highlights).toEqual({ title: [[0, 3]], text: [[2, 4]] })
    // The answer is the phrase as /v1/phrases serves it, in the locale asked for.
    expect(items[0]).toMatchObject({ locale: 'zh-TW', text: '請您稍等，不要掛斷電話。', variant: 'default', revision: 1 })
  })

  it('finds a phrase by any region\'s wording and answers in the asked region\'s', () => {
    const { items } = search(snapshot, { q: '视频', locale: 'zh-TW' })
    expect(items.map((item) => [item.key, item.text])).toEqual([['inquiry.video', '您可以觀看我們的教學影片。']])
  })

  it('searches tags and agent notes, not variable names', () => {
    expect(keysFound(snapshot, { q: '生气' })).toEqual(['complaint.angry'])
    expect(keysFound(snapshot, { q: '道謝' })).toEqual(['hold.thanks'])
    expect(keysFound(snapshot, { q: 'customer_title' })).toEqual([])
  })

  it('finds by one character', () => {
    expect(keysFound(snapshot, { q: '稍' }).sort()).toEqual(['hold.consult', 'hold.please_wait', 'hold.short'])
    // Each of several lone characters counts as one of the query's words: the phrase with both first.
    const both = keysFound(snapshot, { q: '稍 電' })
    expect(both[0]).toBe('hold.please_wait')
    expect(both.sort()).toEqual(['closing.standard', 'hold.consult', 'hold.please_wait', 'hold.short'])
  })

  it('gives only what agents are served: the holiday variant on its days, the base on others', () => {
    expect(keysFound(snapshot, { q: '新春快樂' })).toEqual([])
    const festive = search(snapshot, { q: '新春快樂', at: '2027-02-06' }).items
    expect(festive.map((item) => [item.key, item.variantKey, item.variant])).toEqual([['closing.standard', 'closing.standard.spring_festival', 'spring_festival']])
    // The base matches 來電 too, but on a holiday agents get the variant: one result, the variant.
    expect(search(snapshot, { q: '來電', at: '2027-02-06' }).items.map((item) => item.variantKey)).toEqual(['closing.standard.spring_festival'])
    // The variant is phone only: a chat agent gets the base that day.
    expect(search(snapshot, { q: '來電', at: '2027-02-06', channel: 'chat' }).items.map((item) => item.variantKey)).toEqual(['closing.standard'])
  })

  it('leaves out a variant whose phrase is not published, as the list of phrases does', () => {
    const orphan = snapshotOf(LIBRARY.filter((p) => p.key !== 'closing.standard'))
    expect(search(orphan, { q: '新春快樂', at: '2027-02-06' }).items).toEqual([])
    expect(orphan.bases.map((p) => p.key)).not.toContain('closing.standard')
  })

  it('pages no deeper than 1,000 results', () => {
    const deep = Buffer.from('1:1001').toString('base64url')
    expect(refusal(() => readSearchQuery({ q: '稍等', cursor: deep }, snapshot, TIME_ZONE))).toMatchObject({ status: 400, code: 'invalid_query', messageKey: 'page_cursor' })
    const lastPage = search(snapshot, { q: '稍', limit: '1', cursor: Buffer.from('1:999').toString('base64url') })
    expect(lastPage.nextCursor).toBeNull()
  })

  it('filters by category', () => {
    expect(keysFound(snapshot, { q: '感謝', category: 'hold' })).toEqual(['hold.thanks'])
    expect(keysFound(snapshot, { q: '感謝', category: 'closing' })).toEqual(['closing.standard'])
  })

  it('pages with a cursor that holds while the library is unchanged', () => {
    const first = search(snapshot, { q: '稍等', limit: '1' })
    expect(first.items).toHaveLength(1)
    expect(first.nextCursor).toEqual(expect.any(String))
    const second = search(snapshot, { q: '稍等', limit: '2', cursor: first.nextCursor! })
    expect(second.items).toHaveLength(2)
    expect(second.items.map((item) => item.key)).not.toContain(first.items[0]!.key)
    expect(second.nextCursor).toBeNull()
    const changed = snapshotOf(LIBRARY, 2)
    expect(refusal(() => search(changed, { q: '稍等', cursor: first.nextCursor! }))).toEqual({ status: 410, code: 'stale_cursor', messageKey: 'page_cursor_stale' })
  })

  it('follows a publish and a withdrawal, reading again only the phrases that changed', () => {
    const engine = new PhraseSearch()
    const before = engine.indexFor(snapshot)
    const added = phrase('hold.mute', { title: ['靜音等候', '静音等候'], text: ['我先幫您查詢，請不要掛斷。', '我先帮您查询，请不要挂断。'] })
    const edited = { ...phrase('hold.please_wait', { title: ['請稍等', '请稍等'], text: ['請您稍候片刻。', '请您稍候片刻。'] }), updatedAt: '2026-12-02T00:00:00.000Z' }
    const after = patchSnapshot(snapshot, 2, [added, edited], ['hold.consult'])
    const index = engine.indexFor(after)
    expect(index).not.toBe(before)
    expect(engine.indexFor(after)).toBe(index)
    expect(search(after, { q: '静音' }, engine).items.map((item) => item.key)).toEqual(['hold.mute'])
    expect(search(after, { q: '查詢' }, engine).items.map((item) => item.key)).toEqual(['hold.mute'])
    // The edited phrase is found by its new words only.
    expect(search(after, { q: '片刻' }, engine).items.map((item) => item.key)).toEqual(['hold.please_wait'])
    expect(search(after, { q: '不要掛斷' }, engine).items.map((item) => item.key)).toEqual(['hold.mute'])
  })

  it('ranks by relevance, then by how often agents use a phrase', () => {
    const twinPhrases = [
      phrase('hold.one', { title: ['稍候', '稍候'], text: ['請您稍候。', '请您稍候。'] }),
      phrase('hold.two', { title: ['稍候', '稍候'], text: ['請您稍候。', '请您稍候。'] }),
      phrase('hold.please_wait_longer', { title: ['請稍候', '请稍候'], text: ['請您再稍候一下。', '请您再稍候一下。'] }),
    ]
    const twins = snapshotOf(twinPhrases)
    const uses = new Map<string, number>()
    const engine = new PhraseSearch({ usesOf: (key) => uses.get(key) ?? 0 })
    const ranked = (snapshot: Snapshot) => {
      const index = engine.indexFor(snapshot)
      return searchPhrases(snapshot, index, readSearchQuery({ q: '稍候' }, snapshot, TIME_ZONE), engine.boostsFor(index)).items
    }
    const before = ranked(twins)
    expect(before.slice(0, 2).map((item) => item.key)).toEqual(['hold.one', 'hold.two'])
    uses.set('hold.two', 50)
    // The order holds for the revision (a cursor keeps its place), and uses count from the next.
    expect(ranked(twins)).toEqual(before)
    const next = snapshotOf(twinPhrases, 2)
    const after = ranked(next)
    expect(after.slice(0, 2).map((item) => item.key)).toEqual(['hold.two', 'hold.one'])
    expect(after[0]!.score).toBeCloseTo(before[1]!.score * (1 + 0.1 * Math.log10(51)), 2)
  })

  it('refuses a query it cannot answer with a 400 invalid_query', () => {
    for (const query of [{}, { q: '  ' }, { q: '稍等', limit: '0' }, { q: '稍等', limit: '51' }, { q: '稍等', limit: 'ten' }, { q: '稍等', cursor: 'not-a-cursor' }]) {
      expect(refusal(() => readSearchQuery(query, snapshot, TIME_ZONE))).toMatchObject({ status: 400, code: 'invalid_query' })
    }
    expect(refusal(() => readSearchQuery({ q: 'x'.repeat(101) }, snapshot, TIME_ZONE))).toMatchObject({ status: 400, code: 'invalid_query' })
  })

  it('answers a query with no words in it with no results', () => {
    expect(search(snapshot, { q: '！？' }).items).toEqual([])
  })
})

describe('GET /v1/phrases in pages', () => {
  it('walks a 10,000-phrase library with no phrase missed or repeated, 500 a page by default', () => {
    const phrases = Array.from({ length: 10_000 }, (_, n) =>
      phrase(`bulk.p${String(n).padStart(5, '0')}`, { title: [`第${n}則`, `第${n}则`], text: ['請您稍等。', '请您稍等。'], category: 'hold' }, { order: n % 7 }),
    )
    const snapshot = snapshotOf(phrases)
    const query = readQuery({ locale: 'zh-TW', at: '2027-03-15' }, snapshot, TIME_ZONE)
    const whole = [...listedPhrases(snapshot, query)].map(({ key }) => key)
    expect(new Set(whole).size).toBe(10_000)
    for (const [limit, pages] of [[undefined, 20], ['2000', 5], ['333', 31]] as const) {
      const walked: string[] = []
      let cursor: string | undefined
      let count = 0
      do {
        const page = readPage({ ...(limit && { limit }), ...(cursor && { cursor }) }, PHRASE_PAGE)
        const { items, nextCursor } = pageOf(listedPhrases(snapshot, query), page, snapshot.revision)
        walked.push(...items.map(({ key }) => key))
        cursor = nextCursor ?? undefined
        count++
      } while (cursor)
      expect([limit, count]).toEqual([limit, pages])
      expect(walked).toEqual(whole)
    }
  })
})
