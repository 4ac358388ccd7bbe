import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createClient } from '../../../src/shared/contract/client'
import { fail, type Envelope } from '../../../src/shared/contract/envelope'
import type { DecisionFilter, DecisionSummary } from '../../../src/shared/domain/agents/decision'
import { setClient } from '../../../src/renderer/src/api/client'
import { FEED_PAGE_SIZE, SEARCH_DEBOUNCE_MS } from '../../../src/renderer/src/stores/feed-state'
import {
  applyHashFilters,
  decisionRecorded,
  loadOlderDecisions,
  resetFeedStore,
  searchFeed,
  setFeedFilters,
  toggleDecisionExpanded,
  useFeedStore,
} from '../../../src/renderer/src/stores/feed-store'
import { deferred, ok, scriptedTransport, summary, type Handler } from './feed-arena-fixtures'

function useKernel(handlers: Record<string, Handler>): ReturnType<typeof scriptedTransport> {
  const transport = scriptedTransport(handlers)
  setClient(createClient(transport))
  return transport
}

const searches = (transport: ReturnType<typeof scriptedTransport>): DecisionFilter[] =>
  transport.calls.filter((c) => c.channel === 'feed.search').map((c) => c.input as DecisionFilter)

/**
 * A kernel holding these records that answers feed.search like the real one: filtered, newest first
 * (ties: the later inserted first), paged by `before` or by the (`before`, `beforeId`) cursor.
 */
function searchOver(records: DecisionSummary[]): Handler {
  const order = (r: DecisionSummary): number => records.indexOf(r)
  const olderThanCursor = (r: DecisionSummary, q: DecisionFilter): boolean => {
    if (q.before === undefined) return true
    if (q.beforeId === undefined) return r.startedAt < q.before
    const cursor = records.find((c) => c.id === q.beforeId)
    return r.startedAt < q.before || (r.startedAt === q.before && cursor !== undefined && order(r) < order(cursor))
  }
  return (input) => {
    const q = input as DecisionFilter
    const hits = records
      .filter((r) => (q.role === undefined || r.role === q.role) && olderThanCursor(r, q))
      .filter((r) => q.text === undefined || r.conclusion.includes(q.text))
      .sort((a, b) => b.startedAt - a.startedAt || order(b) - order(a))
    return ok(hits.slice(0, q.limit))
  }
}

describe('the decision feed store', () => {
  beforeEach(() => resetFeedStore())
  afterEach(() => {
    vi.useRealTimers()
    resetFeedStore()
  })

  it('searches with the filters and keeps the answer newest first', async () => {
    const transport = useKernel({ 'feed.search': searchOver([summary('a', { startedAt: 1 }), summary('b', { startedAt: 2, role: 'risk_officer' })]) })
    setFeedFilters({ role: 'risk_officer' })
    await vi.waitFor(() => expect(useFeedStore.getState().phase).toBe('ready'))
    expect(searches(transport)).toEqual([{ limit: FEED_PAGE_SIZE, role: 'risk_officer' }])
    expect(useFeedStore.getState().items.map((s) => s.id)).toEqual(['b'])
  })

  it('waits for a pause in typing and then asks once, with the last text', async () => {
    vi.useFakeTimers()
    const transport = useKernel({ 'feed.search': searchOver([summary('a', { conclusion: 'breakout long' })]) })
    for (const text of ['b', 'br', 'bre', 'breakout']) {
      setFeedFilters({ text })
      await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS - 50)
    }
    expect(searches(transport)).toEqual([])
    await vi.advanceTimersByTimeAsync(50)
    expect(searches(transport).map((q) => q.text)).toEqual(['breakout'])
    expect(useFeedStore.getState().filters.text).toBe('breakout')
  })

  it('drops the answer to an older search that arrives late', async () => {
    const slow = deferred<Envelope<DecisionSummary[]>>()
    let calls = 0
    useKernel({ 'feed.search': () => (++calls === 1 ? slow.promise : ok([summary('fresh')])) })
    const first = searchFeed()
    await searchFeed()
    slow.resolve(ok([summary('stale')]))
    await first
    expect(useFeedStore.getState().items.map((s) => s.id)).toEqual(['fresh'])
  })

  it('keeps the list and shows the error when a search fails', async () => {
    let fails = false
    useKernel({ 'feed.search': () => (fails ? fail('unavailable', 'kernel busy') : ok([summary('a')])) })
    await searchFeed()
    fails = true
    await searchFeed()
    const state = useFeedStore.getState()
    expect(state.phase).toBe('failed')
    expect(state.error?.message).toBe('kernel busy')
    expect(state.items.map((s) => s.id)).toEqual(['a'])
  })

  it('pages older records with `before` and stops when a page comes back short', async () => {
    const records = Array.from({ length: FEED_PAGE_SIZE + 5 }, (_, i) => summary(`d${String(i).padStart(3, '0')}`, { startedAt: 1_000 + i }))
    const transport = useKernel({ 'feed.search': searchOver(records) })
    await searchFeed()
    expect(useFeedStore.getState()).toMatchObject({ hasOlder: true })
    expect(useFeedStore.getState().items).toHaveLength(FEED_PAGE_SIZE)
    await loadOlderDecisions()
    expect(searches(transport).at(-1)?.before).toBe(1_005)
    const state = useFeedStore.getState()
    expect(state.items).toHaveLength(FEED_PAGE_SIZE + 5)
    expect(state.hasOlder).toBe(false)
    expect(state.items.at(-1)?.startedAt).toBe(1_000)
  })

  it("pages with the kernel's cursor, so decisions sharing a millisecond are neither skipped nor repeated", async () => {
    const records = Array.from({ length: FEED_PAGE_SIZE + 7 }, (_, i) => summary(`t${String(i).padStart(3, '0')}`, { startedAt: 5_000 }))
    const transport = useKernel({ 'feed.search': searchOver(records) })
    await searchFeed()
    await loadOlderDecisions()
    const page = searches(transport).at(-1)!
    expect(page).toMatchObject({ before: 5_000, beforeId: useFeedStore.getState().items[FEED_PAGE_SIZE - 1]!.id })
    expect(new Set(useFeedStore.getState().items.map((s) => s.id)).size).toBe(FEED_PAGE_SIZE + 7)
  })

  it('adds live decisions that match the filters, updates known ones, ignores the rest', async () => {
    useKernel({ 'feed.search': searchOver([summary('a', { startedAt: 1, role: 'trader', pilotId: 'rules' })]) })
    setFeedFilters({ role: 'trader' })
    await vi.waitFor(() => expect(useFeedStore.getState().phase).toBe('ready'))
    decisionRecorded(summary('b', { startedAt: 2, role: 'trader' }))
    decisionRecorded(summary('c', { startedAt: 3, role: 'bull_analyst' }))
    const sent = summary('a', { startedAt: 1, role: 'trader', intents: [{ intentId: 'i1', symbol: 'BTC/USDT:USDT', side: 'buy', amount: 1, status: 'sent', reasons: [], message: null, clientOrderId: 'c1', orderStatus: 'filled', filled: 1 }] })
    decisionRecorded(sent)
    const items = useFeedStore.getState().items
    expect(items.map((s) => s.id)).toEqual(['b', 'a'])
    expect(items[1]!.intents[0]?.orderStatus).toBe('filled')
  })

  it('keeps a decision heard while a search is in flight, when it matches the new filters', async () => {
    const answer = deferred<Envelope<DecisionSummary[]>>()
    useKernel({ 'feed.search': () => answer.promise })
    const search = searchFeed()
    decisionRecorded(summary('late', { startedAt: 9 }))
    answer.resolve(ok([summary('old', { startedAt: 1 })]))
    await search
    expect(useFeedStore.getState().items.map((s) => s.id)).toEqual(['late', 'old'])
  })

  it('ignores live decisions before the first answer, so the search result is not mixed with strays', () => {
    decisionRecorded(summary('early'))
    expect(useFeedStore.getState().items).toEqual([])
  })

  it('takes filters linked from another page and replaces the ones chosen', () => {
    setFeedFilters({ text: 'rsi' })
    expect(applyHashFilters('#/feed')).toBe(false)
    expect(useFeedStore.getState().filters.text).toBe('rsi')
    expect(applyHashFilters('#/feed?pilot=deepseek')).toBe(true)
    expect(useFeedStore.getState().filters).toMatchObject({ pilotId: 'deepseek', text: '' })
  })

  it('opens and closes cards', () => {
    toggleDecisionExpanded('a')
    expect(useFeedStore.getState().expanded).toEqual({ a: true })
    toggleDecisionExpanded('a')
    expect(useFeedStore.getState().expanded).toEqual({})
  })
})
