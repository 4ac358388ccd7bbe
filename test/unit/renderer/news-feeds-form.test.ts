import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NewsFeedSchema, type NewsFeed } from '../../../src/shared/domain/agents/news'
import { feedIdFromUrl, feedsFromRows, guessFeedKind, MAX_NEWS_FEEDS, rowsFromFeeds, sameAsFeeds, type FeedRow } from '../../../src/renderer/src/stores/news-feeds-form'

const coindesk: NewsFeed = { id: 'coindesk', kind: 'rss', url: 'https://www.coindesk.com/arc/outboundfeeds/rss/', enabled: false }
/** Addresses good and bad, cheaper to generate than fc.webUrl(). */
const urlish = fc.oneof(
  fc
    .tuple(fc.constantFrom('http', 'https', 'ftp', 'javascript'), fc.stringMatching(/^[a-z0-9-]{1,12}$/), fc.constantFrom('.com', '.co.uk', '.example', ''), fc.stringMatching(/^[a-z/.]{0,12}$/))
    .map(([scheme, host, tld, path]) => `${scheme}://${host}${tld}/${path}`),
  fc.string({ maxLength: 30 }),
)
const row = (key: number, patch: Partial<FeedRow> = {}): FeedRow => ({ key, id: `feed-${key}`, kind: 'rss', url: `https://news${key}.example/rss`, enabled: true, ...patch })

describe('the news feed list editor', () => {
  it('turns rows back into the saved list unchanged', () => {
    const feeds: NewsFeed[] = [coindesk, { id: 'local', kind: 'json', url: 'http://127.0.0.1:8080/news.json', enabled: true }]
    const rows = rowsFromFeeds(feeds)
    expect(feedsFromRows(rows)).toEqual({ feeds, problems: {}, count: 0, tooMany: false })
    expect(sameAsFeeds(rows, feeds)).toBe(true)
  })

  it('trims ids and addresses', () => {
    expect(feedsFromRows([row(1, { id: ' wire ', url: ' https://wire.example/feed ' })]).feeds).toEqual([{ id: 'wire', kind: 'rss', url: 'https://wire.example/feed', enabled: true }])
  })

  it('flags each bad field of each row, and saves nothing then', () => {
    const built = feedsFromRows([row(1, { id: 'Bad Id' }), row(2, { url: 'ftp://files.example/feed' }), row(3, { url: 'not a url' }), row(4, { id: 'feed-1' }), row(5, { id: 'feed-1', url: 'javascript:alert(1)' })])
    expect(built.feeds).toBeNull()
    expect(built.count).toBe(4)
    expect(built.problems).toEqual({
      1: { id: 'idRule' },
      2: { url: 'url' },
      3: { url: 'url' },
      5: { id: 'idTaken', url: 'url' },
    })
  })

  it('refuses two feeds with one id, naming the second', () => {
    expect(feedsFromRows([row(1, { id: 'wire' }), row(2, { id: 'wire' })]).problems).toEqual({ 2: { id: 'idTaken' } })
  })

  it('refuses more feeds than the kernel keeps', () => {
    const rows = Array.from({ length: MAX_NEWS_FEEDS + 1 }, (_, i) => row(i + 1))
    const built = feedsFromRows(rows)
    expect(built).toMatchObject({ feeds: null, count: 0, tooMany: true })
    expect(feedsFromRows(rows.slice(1)).feeds).toHaveLength(MAX_NEWS_FEEDS)
  })

  it('sees a toggle, an edit, a removal or a new order as unsaved', () => {
    const feeds: NewsFeed[] = [coindesk, { ...coindesk, id: 'decrypt', url: 'https://decrypt.co/feed' }]
    const rows = rowsFromFeeds(feeds)
    expect(sameAsFeeds(rows.map((r, i) => (i === 0 ? { ...r, enabled: true } : r)), feeds)).toBe(false)
    expect(sameAsFeeds(rows.map((r, i) => (i === 1 ? { ...r, kind: 'json' as const } : r)), feeds)).toBe(false)
    expect(sameAsFeeds(rows.slice(1), feeds)).toBe(false)
    expect(sameAsFeeds([...rows].reverse(), feeds)).toBe(false)
    expect(sameAsFeeds([...rows, row(9, { id: 'Bad Id' })], feeds)).toBe(false)
  })

  it('only ever saves feeds the contract accepts', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.oneof(fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,39}$/), fc.string({ maxLength: 45 })), url: urlish, kind: fc.constantFrom('rss' as const, 'json' as const), enabled: fc.boolean() }), { maxLength: 8 }), (drafts) => {
        const built = feedsFromRows(drafts.map((d, i) => ({ key: i + 1, ...d })))
        if (built.feeds) for (const feed of built.feeds) expect(NewsFeedSchema.safeParse(feed).success).toBe(true)
        else expect(built.count).toBeGreaterThan(0)
      }),
    )
  })
})

describe('adding a feed by its address', () => {
  it("names it after the site, unique among the listed ids", () => {
    expect(feedIdFromUrl('https://www.coindesk.com/arc/outboundfeeds/rss/', [])).toBe('coindesk')
    expect(feedIdFromUrl('https://feeds.bbci.co.uk/news/rss.xml', [])).toBe('bbci')
    expect(feedIdFromUrl('https://cointelegraph.com/rss', ['cointelegraph', 'cointelegraph-2'])).toBe('cointelegraph-3')
    expect(feedIdFromUrl('http://127.0.0.1:43123/feed.xml', [])).toBe('127-0-0-1')
    expect(feedIdFromUrl('http://localhost:8080/rss', [])).toBe('localhost')
    expect(feedIdFromUrl('nonsense', [])).toBe('feed')
  })

  it('always gives an id the contract accepts and the list does not have yet', () => {
    fc.assert(
      fc.property(urlish, fc.array(fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,39}$/), { maxLength: 5 }), (url, taken) => {
        const id = feedIdFromUrl(url, taken)
        expect(NewsFeedSchema.shape.id.safeParse(id).success).toBe(true)
        expect(taken).not.toContain(id)
      }),
    )
  })

  it('guesses JSON from the path and RSS otherwise', () => {
    expect(guessFeedKind('https://api.example.com/v1/news.json?limit=20')).toBe('json')
    expect(guessFeedKind('https://example.com/feed/json/latest')).toBe('json')
    expect(guessFeedKind('https://json.example.com/rss')).toBe('rss')
    expect(guessFeedKind('not a url')).toBe('rss')
  })
})
