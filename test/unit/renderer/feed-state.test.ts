import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DecisionFilterSchema } from '../../../src/shared/domain/agents/decision'
import {
  EMPTY_FILTERS,
  FEED_PAGE_SIZE,
  feedHref,
  filtersFromHash,
  filtersToQuery,
  hasActiveFilters,
  matchesQuery,
  oldestStartedAt,
  searchText,
  upsertSummaries,
} from '../../../src/renderer/src/stores/feed-state'
import { summary } from './feed-arena-fixtures'

const NOW = 1_700_000_000_000

describe('feed filters to the feed.search query', () => {
  it('asks for everything, one page, when nothing is chosen', () => {
    expect(filtersToQuery(EMPTY_FILTERS, NOW)).toEqual({ limit: FEED_PAGE_SIZE })
  })

  it('passes each chosen filter and turns the time range into a start time', () => {
    const query = filtersToQuery({ pilotId: 'rules', role: 'trader', symbol: ' BTC/USDT:USDT ', outcome: 'vetoed', range: 'hour', text: '  breakout   long ' }, NOW)
    expect(query).toEqual({ limit: FEED_PAGE_SIZE, pilotId: 'rules', role: 'trader', symbol: 'BTC/USDT:USDT', outcome: 'vetoed', from: NOW - 3_600_000, text: 'breakout long' })
    expect(filtersToQuery({ ...EMPTY_FILTERS, range: 'day' }, NOW).from).toBe(NOW - 86_400_000)
  })

  it('adds `before` only for an older page', () => {
    expect(filtersToQuery(EMPTY_FILTERS, NOW, 5_000).before).toBe(5_000)
    expect('before' in filtersToQuery(EMPTY_FILTERS, NOW)).toBe(false)
  })

  it('always produces a query the contract accepts, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 100 }), (text, symbol) => {
        const query = filtersToQuery({ ...EMPTY_FILTERS, text, symbol }, NOW)
        expect(DecisionFilterSchema.safeParse(query).success).toBe(true)
      }),
    )
  })

  it('cuts the search text at the contract limit and leaves blank text out', () => {
    expect(searchText('x'.repeat(500))).toHaveLength(200)
    expect(searchText(' \n\t ')).toBe('')
    expect('text' in filtersToQuery({ ...EMPTY_FILTERS, text: '   ' }, NOW)).toBe(false)
  })

  it('knows when a filter narrows the list', () => {
    expect(hasActiveFilters(EMPTY_FILTERS)).toBe(false)
    expect(hasActiveFilters({ ...EMPTY_FILTERS, text: '  ' })).toBe(false)
    expect(hasActiveFilters({ ...EMPTY_FILTERS, text: 'rsi' })).toBe(true)
    expect(hasActiveFilters({ ...EMPTY_FILTERS, range: 'hour' })).toBe(true)
    expect(hasActiveFilters({ ...EMPTY_FILTERS, role: 'bull_analyst' })).toBe(true)
  })
})

describe('live decisions against the query in force', () => {
  const base = summary('d1', { pilotId: 'rules', role: 'trader', outcome: 'parsed', symbols: ['BTC/USDT:USDT'], startedAt: 10_000, conclusion: 'Open long BTC on breakout' })

  it('matches when every condition holds', () => {
    expect(matchesQuery(base, { limit: 50 })).toBe(true)
    expect(matchesQuery(base, { limit: 50, pilotId: 'rules', role: 'trader', outcome: 'parsed', symbol: 'btc/usdt:usdt', from: 10_000, text: 'breakout btc' })).toBe(true)
  })

  it('refuses on any condition that fails', () => {
    expect(matchesQuery(base, { limit: 50, pilotId: 'other' })).toBe(false)
    expect(matchesQuery(base, { limit: 50, role: 'risk_officer' })).toBe(false)
    expect(matchesQuery(base, { limit: 50, outcome: 'failed' })).toBe(false)
    expect(matchesQuery(base, { limit: 50, symbol: 'ETH/USDT:USDT' })).toBe(false)
    expect(matchesQuery(base, { limit: 50, from: 10_001 })).toBe(false)
    expect(matchesQuery(base, { limit: 50, to: 9_999 })).toBe(false)
    expect(matchesQuery(base, { limit: 50, text: 'breakout short' })).toBe(false)
  })
})

describe('upserting summaries', () => {
  it('inserts newest first and replaces a known id in place', () => {
    let list = upsertSummaries([], [summary('a', { startedAt: 1 }), summary('c', { startedAt: 3 }), summary('b', { startedAt: 2 })])
    expect(list.map((s) => s.id)).toEqual(['c', 'b', 'a'])
    const moved = summary('b', { startedAt: 2, intents: [] , conclusion: 'updated' })
    list = upsertSummaries(list, [moved])
    expect(list.map((s) => s.id)).toEqual(['c', 'b', 'a'])
    expect(list[1]).toBe(moved)
  })

  it('returns the same array when nothing changed, so selectors see no change', () => {
    const a = summary('a')
    const list = upsertSummaries([], [a])
    expect(upsertSummaries(list, [])).toBe(list)
    expect(upsertSummaries(list, [a])).toBe(list)
  })

  it('keeps one entry per id, newest first, the last version winning, for any sequence', () => {
    const item = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e'), startedAt: fc.integer({ min: 0, max: 20 }), version: fc.nat() })
    fc.assert(
      fc.property(fc.array(fc.array(item, { maxLength: 6 }), { maxLength: 6 }), (batches) => {
        let list = upsertSummaries([], [])
        const last = new Map<string, string>()
        for (const batch of batches) {
          list = upsertSummaries(
            list,
            batch.map((b) => summary(b.id, { startedAt: b.startedAt, conclusion: String(b.version) })),
          )
          for (const b of batch) last.set(b.id, String(b.version))
        }
        expect(new Set(list.map((s) => s.id)).size).toBe(list.length)
        expect(list.length).toBe(last.size)
        for (const s of list) expect(s.conclusion).toBe(last.get(s.id))
        for (let i = 1; i < list.length; i++) expect(list[i - 1]!.startedAt).toBeGreaterThanOrEqual(list[i]!.startedAt)
      }),
    )
  })

  it('pages from the oldest time shown', () => {
    expect(oldestStartedAt([])).toBeUndefined()
    expect(oldestStartedAt([summary('a', { startedAt: 7 }), summary('b', { startedAt: 3 }), summary('c', { startedAt: 5 })])).toBe(3)
  })
})

describe('filters carried in the hash', () => {
  it('round-trips the filters a link may carry', () => {
    const href = feedHref({ pilotId: 'deepseek-desk', role: 'risk_officer', symbol: 'ETH/USDT:USDT' })
    expect(href.startsWith('#/feed?')).toBe(true)
    expect(filtersFromHash(href)).toEqual({ pilotId: 'deepseek-desk', role: 'risk_officer', symbol: 'ETH/USDT:USDT' })
    expect(feedHref({})).toBe('#/feed')
    expect(filtersFromHash('#/feed')).toEqual({})
  })

  it('drops values the contract would refuse', () => {
    expect(filtersFromHash('#/feed?pilot=Not%20A%20Pilot&role=janitor&outcome=great')).toEqual({})
    expect(filtersFromHash('#/feed?outcome=no_action')).toEqual({ outcome: 'no_action' })
  })
})
