import type { OrderIntent } from '../../../src/shared/domain/intent'
import type { BookLevel, Instrument } from '../../../src/shared/domain/market'
import type { BreakerState, RiskConfig } from '../../../src/shared/domain/risk'
import type { RiskContext } from '../../../src/main/core/risk'
import { BTC_SWAP, ETH_SPOT, KNOWN_SYMBOLS, NOW, makeConfig, makeContext, makeIntent } from './fixtures'

/** Seeded generator (mulberry32): the same seed replays the same run, so a failure can be reproduced. */
export function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const NASTY = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0, -1, 1e308, -1e308, Number.MIN_VALUE, 1e-12, Number.MAX_SAFE_INTEGER + 2]

/** Random draws, mostly plausible and sometimes hostile, as a fuzzer should. */
export class Draw {
  /** Calm draws are plausible throughout, so that a fair share of intents is accepted. */
  calm = false
  constructor(readonly next: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1))
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!
  }
  /** A plausible number in [lo, hi] on a grid of `step`, or (one time in eight) a nasty one. */
  num(lo: number, hi: number, step = 0): number {
    if (!this.calm && this.chance(0.125)) return this.pick(NASTY)
    const x = lo + this.next() * (hi - lo)
    return step > 0 ? Math.round(x / step) * step : x
  }
  maybe<T>(p: number, make: () => T): T | null {
    return this.chance(p) ? make() : null
  }
}

export function randomIntent(d: Draw): OrderIntent {
  const type = d.pick(['market', 'limit'] as const)
  return makeIntent({
    id: `intent-${d.int(0, 30)}`.padEnd(8, '0'),
    accountId: d.chance(0.9) ? 'acct-1' : 'acct-9',
    venue: d.chance(0.95) ? 'okx' : 'binance',
    symbol: d.calm ? BTC_SWAP.symbol : d.chance(0.8) ? d.pick([BTC_SWAP.symbol, ETH_SPOT.symbol]) : d.pick([...KNOWN_SYMBOLS, 'BTCUSDT', 'btc-usdt-swap', 'NOPE/USDT']),
    side: d.pick(['buy', 'sell'] as const),
    type,
    amount: d.calm ? d.int(1, 12) : d.num(0, 200, d.chance(0.7) ? 1 : 0),
    price: d.calm ? (type === 'limit' ? d.num(49_500, 50_500, 0.1) : null) : type === 'limit' || d.chance(0.1) ? (d.chance(0.05) ? null : d.num(40_000, 60_000, d.chance(0.7) ? 0.1 : 0)) : null,
    reduceOnly: d.chance(0.2),
    leverage: d.maybe(0.3, () => (d.calm ? d.int(1, 5) : d.num(0, 150, 1))),
    stopLoss: d.calm ? null : d.maybe(0.2, () => d.num(40_000, 60_000)),
    takeProfit: d.calm ? null : d.maybe(0.2, () => d.num(40_000, 60_000)),
    origin: d.pick([{ kind: 'manual' }, { kind: 'kill_switch' }, { kind: 'scanner', scannerId: 's' }, { kind: 'pilot', pilotId: 'p', decisionId: 'd' }] as const),
  })
}

function randomLevels(d: Draw, from: number, direction: 1 | -1): BookLevel[] {
  const levels: BookLevel[] = []
  let price = from
  for (let i = d.calm ? 20 : d.int(0, 25); i > 0; i--) {
    price += direction * (d.calm ? 0.1 * d.int(1, 5) : d.num(0.1, 50, 0.1))
    levels.push([!d.calm && d.chance(0.02) ? d.pick(NASTY) : price, d.calm ? d.int(5, 100) : d.num(0, 100)])
  }
  return levels
}

function randomInstrument(d: Draw): Instrument | null {
  if (d.chance(0.1)) return null
  const base = d.pick([BTC_SWAP, ETH_SPOT])
  if (d.chance(0.8)) return base
  return { ...base, tickSize: d.num(0.01, 1), stepSize: d.num(0.001, 1), minSize: Math.abs(d.num(0, 2)), maxSize: d.maybe(0.5, () => d.num(1, 1000)), minNotional: d.maybe(0.5, () => d.num(0, 100)), maxLeverage: d.maybe(0.5, () => d.num(1, 125)), active: d.chance(0.9) }
}

export function randomContext(d: Draw): RiskContext {
  const mid = d.calm ? d.num(49_990, 50_010, 0.1) : d.num(45_000, 55_000)
  const state = (): BreakerState => (d.calm || d.chance(0.8) ? 'active' : d.pick(['reducing', 'halted'] as const))
  const symbol = (): string => d.pick([BTC_SWAP.symbol, ETH_SPOT.symbol, 'SOL/USDT:USDT'])
  return makeContext({
    now: d.chance(0.99) ? NOW : d.pick(NASTY),
    account: d.calm || d.chance(0.95) ? { id: 'acct-1', venue: 'okx', mode: d.pick(['paper', 'live'] as const), liveEnabled: d.calm || d.chance(0.7) } : null,
    instrument: d.calm ? BTC_SWAP : randomInstrument(d),
    knownSymbols: d.chance(0.9) ? KNOWN_SYMBOLS : [],
    book: d.calm ? { bids: randomLevels(d, mid, -1), asks: randomLevels(d, mid, 1), timestamp: NOW - d.int(0, 4_000) } : d.maybe(0.9, () => ({ bids: randomLevels(d, mid, -1), asks: randomLevels(d, mid, 1), timestamp: NOW - d.int(0, 10_000) })),
    mark: d.calm ? { markPrice: mid, timestamp: NOW - d.int(0, 4_000) } : d.maybe(0.9, () => ({ markPrice: d.num(45_000, 55_000), timestamp: NOW - d.int(0, 10_000) })),
    equity: d.calm ? d.num(500_000, 2_000_000) : d.num(-1_000, 2_000_000),
    positions: Array.from({ length: d.int(0, 3) }, () => ({ symbol: symbol(), side: d.pick(['long', 'short'] as const), contracts: d.num(0, 300), notional: d.num(0, 100_000) })),
    openOrders: Array.from({ length: d.int(0, 3) }, () => ({ symbol: symbol(), side: d.pick(['buy', 'sell'] as const), amount: d.num(0, 50), notional: d.num(0, 20_000) })),
    currentLeverage: d.maybe(0.8, () => d.num(1, 50)),
    recentIntents: Array.from({ length: d.int(0, 3) }, () => ({ ...randomIntent(d), createdAt: NOW - d.int(0, 20_000) })),
    recentOrderTimestamps: Array.from({ length: d.int(0, d.calm ? 3 : 8) }, () => NOW - d.int(0, 3_000)),
    breakers: { desk: state(), account: state(), pilot: d.chance(0.5) ? null : state() },
  })
}

export function randomConfig(d: Draw): RiskConfig {
  if (d.calm || d.chance(0.7)) return makeConfig()
  return makeConfig({
    version: d.int(0, 50),
    allowSymbols: d.chance(0.3) ? [BTC_SWAP.symbol] : [],
    denySymbols: d.chance(0.2) ? [ETH_SPOT.symbol] : [],
    maxOrderNotional: d.int(1, 1e6),
    maxOrderEquityPct: d.int(0, 100),
    maxLeverage: d.int(1, 125),
    priceBandPct: d.int(0, 100),
    slippageTolerancePct: d.int(0, 100),
    maxOrdersPerSecond: d.pick([0.1, 0.5, 1, 5, 100]),
    duplicateWindowMs: d.int(0, 60_000),
  })
}
