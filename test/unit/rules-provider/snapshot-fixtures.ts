import { createHash } from 'node:crypto'
import { createIndicatorEngine } from '../../../src/main/adapters/indicators'
import type { RoleContext } from '../../../src/main/ports/model-client'
import type { NewsItem } from '../../../src/shared/domain/agents/news'
import type { RulesStrategy } from '../../../src/shared/domain/agents/pilot'
import type { RoleId } from '../../../src/shared/domain/agents/roles'
import type { AccountView, IndicatorSet, MarketSnapshot, SymbolSnapshot } from '../../../src/shared/domain/agents/snapshot'
import { TIMEFRAME_MS, TimeframeSchema, type BookLevel, type Candle, type Timeframe } from '../../../src/shared/domain/market'

/*
 * Builders of agent inputs for tests: market snapshots from price paths
 * (candles and indicators computed by the real indicator engine), account
 * views and role contexts. Every builder takes overrides and fills the rest
 * with plain, valid defaults, so a test states only what it is about.
 */

export const FIXTURE_TIME = Date.UTC(2025, 0, 6, 12, 0, 0)
export const BTC = 'BTC/USDT:USDT'
export const ETH = 'ETH/USDT:USDT'

const engine = createIndicatorEngine()

// ---- Price paths (closes, oldest first) ----

export const paths = {
  flat: (count: number, price: number): number[] => Array.from({ length: count }, () => price),
  /** A straight line moving stepPct percent of the start price per candle (negative falls). */
  trend: (count: number, from: number, stepPct: number): number[] => Array.from({ length: count }, (_, i) => from * (1 + (stepPct / 100) * i)),
  /** A sideways wave: amplitudePct around price, one cycle every period candles. */
  wave: (count: number, price: number, amplitudePct: number, period = 12): number[] =>
    Array.from({ length: count }, (_, i) => price * (1 + (amplitudePct / 100) * Math.sin((2 * Math.PI * i) / period))),
  /** The path with its last `count` closes each moved by stepPct percent more: a late dip, pop or reversal. */
  endingWith: (path: readonly number[], count: number, stepPct: number): number[] => {
    const out = [...path]
    for (let i = out.length - count; i < out.length; i++) out[i] = out[i - 1]! * (1 + stepPct / 100)
    return out
  },
}

// ---- Candles ----

/**
 * Closed candles from closes, oldest first, the last one closing right at
 * the start of the candle forming at `now`. Each opens at the previous close
 * and wicks wickPct percent beyond its body.
 */
export function candlesFromCloses(closes: readonly number[], timeframe: Timeframe, now = FIXTURE_TIME, wickPct = 0.05): Candle[] {
  const span = TIMEFRAME_MS[timeframe]
  const forming = Math.floor(now / span) * span
  return closes.map((close, i) => {
    const open = i === 0 ? close : closes[i - 1]!
    const wick = (Math.max(open, close) * wickPct) / 100
    return { timestamp: forming - (closes.length - i) * span, open, high: Math.max(open, close) + wick, low: Math.min(open, close) - wick, close, volume: 10 + (i % 7) }
  })
}

// ---- Symbols ----

export interface SymbolFixture {
  venue?: string
  symbol?: string
  /** Closes per timeframe, oldest first; a timeframe without a path has no candles and null indicators. */
  closes?: Partial<Record<Timeframe, readonly number[]>>
  /** The live price; defaults to the last 15m close (else any path's last close, else 100). */
  last?: number
  /** Bid/ask spread around the last price, in basis points; null leaves the touch unknown. */
  spreadBps?: number | null
  mark?: number | null
  /** Size on each book level, per side, to tilt the book. */
  bookSize?: { bid: number; ask: number }
  bookLevels?: number
  change24hPct?: number | null
  funding?: SymbolSnapshot['funding']
  contractSize?: number
  amountStep?: number
  priceStep?: number
  minAmount?: number
  /** Replace computed indicators of some timeframes (to pin exact values in a test). */
  indicators?: Partial<Record<Timeframe, Partial<IndicatorSet>>>
  now?: number
}

function defaultLast(closes: Partial<Record<Timeframe, readonly number[]>>): number {
  const entry = closes['15m'] ?? Object.values(closes).find((path) => path && path.length > 0)
  return entry?.[entry.length - 1] ?? 100
}

function book(bid: number | null, ask: number | null, step: number, levels: number, size: { bid: number; ask: number }): SymbolSnapshot['book'] {
  const side = (from: number | null, direction: 1 | -1, amount: number): BookLevel[] =>
    from === null ? [] : Array.from({ length: levels }, (_, i): BookLevel => [from + direction * i * step, amount])
  return { bids: side(bid, -1, size.bid), asks: side(ask, 1, size.ask) }
}

/** One symbol of a snapshot; candles and indicators for every timeframe, computed from the given paths. */
export function symbolSnapshot(fixture: SymbolFixture = {}): SymbolSnapshot {
  const closes = fixture.closes ?? {}
  const now = fixture.now ?? FIXTURE_TIME
  const last = fixture.last ?? defaultLast(closes)
  const spreadBps = fixture.spreadBps === undefined ? 2 : fixture.spreadBps
  const priceStep = fixture.priceStep ?? 0.01
  const half = spreadBps === null ? null : (last * spreadBps) / 20_000
  const bid = half === null || last - half <= 0 ? null : last - half
  const ask = half === null ? null : last + half
  const candles = {} as Record<Timeframe, Candle[]>
  const indicators = {} as Record<Timeframe, IndicatorSet>
  for (const timeframe of TimeframeSchema.options) {
    candles[timeframe] = candlesFromCloses(closes[timeframe] ?? [], timeframe, now)
    indicators[timeframe] = { ...engine.compute(candles[timeframe]), ...fixture.indicators?.[timeframe] }
  }
  return {
    venue: fixture.venue ?? 'sim',
    symbol: fixture.symbol ?? BTC,
    last,
    bid,
    ask,
    mark: fixture.mark === undefined ? last : fixture.mark,
    change24hPct: fixture.change24hPct === undefined ? 0 : fixture.change24hPct,
    book: book(bid, ask, priceStep, fixture.bookLevels ?? 5, fixture.bookSize ?? { bid: 2, ask: 2 }),
    candles,
    indicators,
    funding: fixture.funding === undefined ? { rate: 0.0001, nextFundingTime: now + 3_600_000 } : fixture.funding,
    contractSize: fixture.contractSize ?? 0.01,
    amountStep: fixture.amountStep ?? 1,
    priceStep,
    minAmount: fixture.minAmount ?? 1,
  }
}

/** The closes a symbol's candles of one timeframe carry, oldest first (to rebuild a variant of it). */
export function closesOf(symbol: SymbolSnapshot, timeframe: Timeframe): number[] {
  return (symbol.candles[timeframe] ?? []).map((candle) => candle.close)
}

/** A frozen snapshot of the given symbols; its hash is the SHA-256 of its content, as a real snapshot's. */
export function marketSnapshot(symbols: readonly SymbolSnapshot[], takenAt = FIXTURE_TIME): MarketSnapshot {
  const hash = createHash('sha256').update(JSON.stringify({ takenAt, symbols })).digest('hex')
  return { hash, takenAt, symbols: [...symbols] }
}

// ---- Accounts, news and contexts ----

export type AccountFixture = Partial<Omit<AccountView, 'limits'>> & { limits?: Partial<AccountView['limits']> }

/** A 100,000 USDT paper account whose limits mirror the default risk config (max order 5,000, 1 % of equity = 1,000). */
export function accountView(overrides: AccountFixture = {}): AccountView {
  const { limits, ...rest } = overrides
  return {
    accountId: 'paper-rules',
    currency: 'USDT',
    equity: 100_000,
    available: 100_000,
    positions: [],
    ...rest,
    limits: { maxOrderNotional: 5_000, maxPositionNotional: 20_000, maxLeverage: 10, slippageTolerancePct: 0.5, priceBandPct: 2, defaultTtlSeconds: 120, ...limits },
  }
}

export function position(symbol: string, side: 'long' | 'short', contracts: number, entryPrice: number): AccountView['positions'][number] {
  return { symbol, side, contracts, entryPrice, unrealizedPnl: 0, leverage: null }
}

export function newsItem(title: string, overrides: Partial<NewsItem> = {}): NewsItem {
  return { id: `news-${createHash('sha256').update(title).digest('hex').slice(0, 12)}`, feedId: 'wire', title, summary: '', url: null, publishedAt: FIXTURE_TIME - 60_000, fetchedAt: FIXTURE_TIME, ...overrides }
}

export interface ContextFixture {
  role?: RoleId
  pilotId?: string
  snapshot?: MarketSnapshot
  account?: AccountView
  strategy?: RulesStrategy
  news?: readonly NewsItem[]
  upstream?: RoleContext['upstream']
}

export function roleContext(fixture: ContextFixture = {}): RoleContext {
  return {
    role: fixture.role ?? 'trader',
    pilotId: fixture.pilotId ?? 'rules-pilot',
    snapshot: fixture.snapshot ?? marketSnapshot([symbolSnapshot()]),
    account: fixture.account ?? accountView(),
    strategy: fixture.strategy ?? 'trend_following',
    news: fixture.news ?? [],
    upstream: fixture.upstream ?? {},
  }
}

// ---- Market scenarios ----

/** 15m, 1h and 4h all moving one way, 15m speeding up at the end: a clean trend with momentum behind it. */
export function trendingSymbol(direction: 'up' | 'down', fixture: SymbolFixture = {}): SymbolSnapshot {
  const step = direction === 'up' ? 0.2 : -0.2
  const entry = paths.endingWith(paths.trend(60, 50_000, step), 10, step * 2)
  return symbolSnapshot({ closes: { '15m': entry, '1h': paths.trend(60, 50_000, step * 2), '4h': paths.trend(60, 50_000, step * 4) }, ...fixture })
}

/** 1h rising, 15m waving sideways, then a sharp four-candle drop: an oversold dip in an up-trend. */
export function dipSymbol(fixture: SymbolFixture = {}): SymbolSnapshot {
  return symbolSnapshot({ closes: { '15m': paths.endingWith(paths.wave(60, 50_000, 0.3), 4, -0.8), '1h': paths.trend(60, 48_000, 0.05) }, ...fixture })
}

/** 15m waving sideways, the live price breakoutPct percent away from the range's mid, 1h trending the same way. */
export function breakoutSymbol(breakoutPct = 0.6, fixture: SymbolFixture = {}): SymbolSnapshot {
  const hourly = breakoutPct >= 0 ? paths.trend(60, 48_000, 0.05) : paths.trend(60, 52_000, -0.05)
  return symbolSnapshot({ closes: { '15m': paths.wave(60, 50_000, 0.3), '1h': hourly }, last: 50_000 * (1 + breakoutPct / 100), ...fixture })
}

/** 1h rising, 15m waving sideways: no trend, no stretch, no breakout. */
export function quietSymbol(fixture: SymbolFixture = {}): SymbolSnapshot {
  return symbolSnapshot({ closes: { '15m': paths.wave(60, 50_000, 0.4), '1h': paths.trend(60, 48_000, 0.05) }, ...fixture })
}
