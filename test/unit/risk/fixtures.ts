import type { OrderIntent } from '../../../src/shared/domain/intent'
import type { BookLevel, Instrument } from '../../../src/shared/domain/market'
import { DEFAULT_RISK_CONFIG, RiskVerdictSchema, type RiskConfig, type RiskReasonCode, type RiskVerdict } from '../../../src/shared/domain/risk'
import { evaluateIntent, type RiskBook, type RiskContext } from '../../../src/main/core/risk'

export const NOW = 1_700_000_000_000
export const SYMBOL = 'BTC/USDT:USDT'
export const MARK = 50_000

/** OKX-like BTC perpetual: 0.01 BTC a contract, so one contract near 50,000 is worth about 500. */
export const BTC_SWAP: Instrument = {
  venue: 'okx',
  symbol: SYMBOL,
  venueSymbol: 'BTC-USDT-SWAP',
  type: 'swap',
  base: 'BTC',
  quote: 'USDT',
  settle: 'USDT',
  contractSize: 0.01,
  tickSize: 0.1,
  stepSize: 1,
  minSize: 1,
  maxSize: 10_000,
  minNotional: null,
  maxLeverage: 100,
  active: true,
}

export const ETH_SPOT: Instrument = {
  ...BTC_SWAP,
  symbol: 'ETH/USDT',
  venueSymbol: 'ETH-USDT',
  type: 'spot',
  base: 'ETH',
  settle: null,
  contractSize: 1,
  tickSize: 0.01,
  stepSize: 0.0001,
  minSize: 0.001,
  maxSize: null,
  minNotional: 5,
  maxLeverage: null,
}

export const KNOWN_SYMBOLS = ['BTC/USDT:USDT', 'BTC/USDT', 'ETH/USDT:USDT', 'ETH/USDT', 'SOL/USDT:USDT', 'DOGE/USDT']

/** A 20-level book around 50,000: bids 49,999.9 down, asks 50,000.1 up, tick 0.1 apart. */
export function ladder(levels = 20, size = 10, mid = MARK): RiskBook {
  const bids: BookLevel[] = []
  const asks: BookLevel[] = []
  for (let i = 0; i < levels; i++) {
    bids.push([Math.round((mid - 0.1 * (i + 1)) * 10) / 10, size])
    asks.push([Math.round((mid + 0.1 * (i + 1)) * 10) / 10, size])
  }
  return { bids, asks, timestamp: NOW - 100 }
}

export function makeIntent(overrides: Partial<OrderIntent> = {}): OrderIntent {
  return {
    id: 'intent-0001',
    accountId: 'acct-1',
    venue: 'okx',
    symbol: SYMBOL,
    side: 'buy',
    type: 'limit',
    amount: 1,
    price: 50_000.1,
    timeInForce: 'GTC',
    postOnly: false,
    reduceOnly: false,
    leverage: null,
    ttlMs: 60_000,
    partialFillPolicy: 'cancel_rest',
    stopLoss: null,
    takeProfit: null,
    origin: { kind: 'manual' },
    createdAt: NOW,
    ...overrides,
  }
}

export function makeContext(overrides: Partial<RiskContext> = {}): RiskContext {
  return {
    now: NOW,
    account: { id: 'acct-1', venue: 'okx', mode: 'paper', liveEnabled: false },
    instrument: BTC_SWAP,
    knownSymbols: KNOWN_SYMBOLS,
    book: ladder(),
    mark: { markPrice: MARK, timestamp: NOW - 100 },
    equity: 1_000_000,
    positions: [],
    openOrders: [],
    currentLeverage: 5,
    recentIntents: [],
    recentOrderTimestamps: [],
    breakers: { desk: 'active', account: 'active', pilot: null },
    ...overrides,
  }
}

export function makeConfig(overrides: Partial<RiskConfig> = {}): RiskConfig {
  return { ...DEFAULT_RISK_CONFIG, ...overrides, breakers: { ...DEFAULT_RISK_CONFIG.breakers, ...overrides.breakers } }
}

export function codes(verdict: RiskVerdict): RiskReasonCode[] {
  return verdict.reasons.map((r) => r.code)
}

/** A long position in the fixture market, valued at the mark. */
export function longPosition(contracts: number) {
  return { symbol: SYMBOL, side: 'long' as const, contracts, notional: contracts * BTC_SWAP.contractSize * MARK }
}

/** Evaluates and checks the verdict against the contract's schema, as it must cross the process boundary. */
export function judge(intent: Partial<OrderIntent> = {}, context: Partial<RiskContext> = {}, config: Partial<RiskConfig> = {}): RiskVerdict {
  const verdict = evaluateIntent(makeIntent(intent), makeContext(context), makeConfig(config))
  RiskVerdictSchema.parse(verdict)
  return verdict
}
