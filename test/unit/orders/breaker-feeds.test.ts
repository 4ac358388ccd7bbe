import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/main/adapters/logging/memory-logger'
import { openDatabase } from '../../../src/main/adapters/sqlite/open-database'
import { createSqliteRiskState } from '../../../src/main/adapters/sqlite/sqlite-risk-state'
import { createEventBus } from '../../../src/main/core/bus/event-bus'
import type { KernelEvents } from '../../../src/main/core/bus/kernel-events'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import { createBreakerBoard } from '../../../src/main/core/risk-service/breaker-board'
import { BREAKER_FEED_MS, feedApiCall, startBreakerFeeds } from '../../../src/main/core/risk-service/breaker-feeds'
import type { OrderBook } from '../../../src/shared/domain/market'
import { DEFAULT_RISK_CONFIG } from '../../../src/shared/domain/risk'

const ACCOUNT = { kind: 'account', accountId: 'acc' } as const
const OTHER = { kind: 'account', accountId: 'other' } as const
const DESK = { kind: 'desk' } as const
const SYMBOL = 'BTC/USDT:USDT'
// Volatility 3 %/min halts and 70 % of it (2.1 %) reduces; a 30 s disconnection halts.
const { disconnectMs } = DEFAULT_RISK_CONFIG.breakers

function rig() {
  const clock = createTestClock(1_000_000)
  const bus = createEventBus<KernelEvents>(() => {})
  const board = createBreakerBoard({ repository: createSqliteRiskState(openDatabase(':memory:')), clock, logger: createMemoryLogger('debug'), bus, config: () => DEFAULT_RISK_CONFIG })
  const markListeners: Array<(venue: string, symbol: string, price: number, at: number) => void> = []
  let book: OrderBook | null = null
  let bookAt: number | null = null
  const quotes = {
    onMark(listener: (venue: string, symbol: string, price: number, at: number) => void) {
      markListeners.push(listener)
      return () => {}
    },
    watched: () => [{ venue: 'okx', symbol: SYMBOL, book, bookAt }],
  }
  const stop = startBreakerFeeds({
    breakers: board,
    clock,
    bus,
    quotes,
    accounts: () => [
      { id: 'acc', venue: 'okx' },
      { id: 'other', venue: 'sim' },
    ],
  })
  const beat = (): void => clock.advance(BREAKER_FEED_MS)
  return {
    clock,
    bus,
    board,
    stop,
    beat,
    mark: (price: number) => markListeners.forEach((l) => l('okx', SYMBOL, price, clock.now())),
    setBook(bid: number, ask: number) {
      book = { venue: 'okx', symbol: SYMBOL, bids: [[bid, 1]], asks: [[ask, 1]], sequence: null, timestamp: 0 }
      bookAt = clock.now()
    },
    feedStatus: (status: 'live' | 'reconnecting' | 'stale' | 'closed', detail: string | null = null, stream: 'book' | 'trades' = 'book') =>
      bus.publish('market.feedStatusChanged', { venue: 'okx', symbol: SYMBOL, stream, timeframe: null, status, detail, at: clock.now() }),
  }
}

describe('the breaker feeds', () => {
  it('a volatility spike reduces, then halts, the account on that venue and the desk; it never lifts by itself', () => {
    const r = rig()
    r.mark(100)
    r.beat()
    r.mark(102.5) // 2.5 %: past 70 % of the limit
    r.beat()
    expect(r.board.status(ACCOUNT).state).toBe('reducing')
    expect(r.board.status(DESK).state).toBe('reducing')
    expect(r.board.status(OTHER).state).toBe('active')
    r.mark(103.5) // 3.5 %: past the limit
    r.beat()
    expect(r.board.status(ACCOUNT).state).toBe('halted')
    expect(r.board.status(DESK).state).toBe('halted')
    // Calm for minutes: the halt stays until a person lifts it.
    r.clock.advance(180_000)
    expect(r.board.status(ACCOUNT).state).toBe('halted')
    r.stop()
  })

  it('a reducing volatility trip lifts once the move leaves the minute window', () => {
    const r = rig()
    r.mark(100)
    r.mark(102.5) // high and low within one beat are both kept
    r.beat()
    expect(r.board.status(ACCOUNT).state).toBe('reducing')
    r.clock.advance(61_000)
    expect(r.board.status(ACCOUNT).state).toBe('active')
    r.stop()
  })

  it('a crossed book reduces at once and lifts when the book is sound again', () => {
    const r = rig()
    r.setBook(101, 100)
    r.beat()
    expect(r.board.status(ACCOUNT)).toMatchObject({ state: 'reducing', reasons: [expect.stringContaining(`${SYMBOL} crossed`)] })
    expect(r.board.status(DESK).state).toBe('reducing')
    r.setBook(100, 101)
    r.beat()
    expect(r.board.status(ACCOUNT).state).toBe('active')
    expect(r.board.status(DESK).state).toBe('active')
    r.stop()
  })

  it('a book that stops arriving turns stale (reducing), and halts if it stays so past the disconnection limit', () => {
    const r = rig()
    r.setBook(100, 101)
    r.clock.advance(6_000)
    expect(r.board.status(ACCOUNT).state).toBe('reducing')
    r.clock.advance(disconnectMs)
    expect(r.board.status(ACCOUNT).state).toBe('halted')
    r.stop()
  })

  it('a disconnection longer than the limit halts; reconnecting does not lift the halt', () => {
    const r = rig()
    r.feedStatus('reconnecting')
    r.clock.advance(disconnectMs * 0.75)
    expect(r.board.status(ACCOUNT).state).toBe('reducing')
    r.clock.advance(disconnectMs * 0.3)
    expect(r.board.status(ACCOUNT).state).toBe('halted')
    expect(r.board.status(DESK).state).toBe('halted')
    expect(r.board.status(OTHER).state).toBe('active')
    r.feedStatus('live')
    r.clock.advance(5_000)
    expect(r.board.status(ACCOUNT).state).toBe('halted')
    r.stop()
  })

  it('a quiet trade stream that goes stale is no outage: markets can be quiet for minutes', () => {
    const r = rig()
    r.feedStatus('stale', null, 'trades')
    r.clock.advance(disconnectMs * 2)
    expect(r.board.status(ACCOUNT).state).toBe('active')
    expect(r.board.status(DESK).state).toBe('active')
    r.stop()
  })

  it('a short outage reduces then lifts; a stream released by its watchers is no outage', () => {
    const r = rig()
    r.feedStatus('stale')
    r.clock.advance(disconnectMs * 0.75)
    expect(r.board.status(ACCOUNT).state).toBe('reducing')
    r.feedStatus('live')
    r.beat()
    expect(r.board.status(ACCOUNT).state).toBe('active')
    r.feedStatus('closed', 'no watchers left')
    r.clock.advance(disconnectMs * 2)
    expect(r.board.status(ACCOUNT).state).toBe('active')
    r.stop()
  })

  it('venue call results count for the account and the desk', () => {
    const r = rig()
    for (let i = 0; i < 10; i++) feedApiCall(r.board, 'acc', i >= 5, r.clock.now())
    expect(r.board.status(ACCOUNT).state).toBe('halted')
    expect(r.board.status(DESK).state).toBe('halted')
    r.stop()
  })
})
