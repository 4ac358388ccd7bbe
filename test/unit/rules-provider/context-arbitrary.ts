import fc from 'fast-check'
import type { RoleContext } from '../../../src/main/ports/model-client'
import { RulesStrategySchema } from '../../../src/shared/domain/agents/pilot'
import type { AccountView, SymbolSnapshot } from '../../../src/shared/domain/agents/snapshot'
import {
  FIXTURE_TIME,
  accountView,
  breakoutSymbol,
  dipSymbol,
  marketSnapshot,
  newsItem,
  paths,
  position,
  roleContext,
  symbolSnapshot,
  trendingSymbol,
  type SymbolFixture,
} from './snapshot-fixtures'

/*
 * fast-check arbitraries of whole role contexts: varied markets (trends,
 * waves, dips, random walks, short or missing histories), odd instruments,
 * thin or missing books, accounts with and without positions and with
 * tight, loose or degenerate limits, hostile news and garbage upstream.
 */

const price = fc.double({ min: 0.0001, max: 200_000, noNaN: true })

/** A close path of 0 to 60 candles in one of the shapes markets take. */
const closePath = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 60 }), price, fc.double({ min: -0.8, max: 0.8, noNaN: true })).map(([n, from, step]) => paths.trend(n, from, step)),
  fc.tuple(fc.integer({ min: 0, max: 60 }), price, fc.double({ min: 0, max: 5, noNaN: true })).map(([n, at, amplitude]) => paths.wave(n, at, amplitude)),
  fc.tuple(fc.integer({ min: 5, max: 60 }), price, fc.double({ min: -2, max: 2, noNaN: true })).map(([n, at, step]) => paths.endingWith(paths.wave(n, at, 0.3), 4, step)),
  fc.tuple(fc.integer({ min: 0, max: 60 }), price).map(([n, at]) => paths.flat(n, at)),
  fc.tuple(price, fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { maxLength: 60 })).map(([from, steps]) => {
    let at = from
    return steps.map((step) => (at = Math.max(1e-6, at * (1 + step / 100))))
  }),
)

const symbolName = fc.oneof(
  fc.constantFrom('BTC/USDT:USDT', 'ETH/USDT:USDT', 'SOL/USDT', 'DOGE/USDT:USDT', 'PEPE/USDT:USDT'),
  fc.string({ minLength: 3, maxLength: 64 }),
)

const instrument = fc.record({
  symbol: symbolName,
  venue: fc.constantFrom('sim', 'okx', 'binance'),
  spreadBps: fc.option(fc.double({ min: 0, max: 200, noNaN: true })),
  bookSize: fc.record({ bid: fc.double({ min: 0.001, max: 1000, noNaN: true }), ask: fc.double({ min: 0.001, max: 1000, noNaN: true }) }),
  bookLevels: fc.integer({ min: 0, max: 10 }),
  change24hPct: fc.option(fc.double({ min: -60, max: 60, noNaN: true })),
  funding: fc.option(fc.record({ rate: fc.double({ min: -0.01, max: 0.01, noNaN: true }), nextFundingTime: fc.option(fc.integer()) })),
  contractSize: fc.constantFrom(0.0001, 0.001, 0.01, 1, 10, 100),
  amountStep: fc.constantFrom(0.0001, 0.01, 0.1, 1, 5),
  priceStep: fc.constantFrom(0.00001, 0.01, 0.1, 1),
  minAmount: fc.constantFrom(0, 0.01, 1, 10),
}) satisfies fc.Arbitrary<SymbolFixture>

/** Any market shape, on its own random timeframes: mostly no signal, sometimes an odd one. */
const randomSymbol = fc
  .record({ instrument, entry: closePath, filter: closePath, higher: closePath, lastFactor: fc.double({ min: 0.9, max: 1.1, noNaN: true }) })
  .map(({ instrument, entry, filter, higher, lastFactor }) =>
    symbolSnapshot({ ...instrument, closes: { '15m': entry, '1h': filter, '4h': higher, '1m': entry.slice(-30) }, last: (entry.at(-1) ?? filter.at(-1) ?? 100) * lastFactor }),
  )

/** Instruments a 50,000 market is really listed with, so a signal usually becomes an order. */
const tradableInstrument = instrument.chain((base) =>
  fc.record({ contractSize: fc.constantFrom(0.0001, 0.001, 0.01), amountStep: fc.constantFrom(0.0001, 0.01, 1) }).map((sizes) => ({ ...base, ...sizes, minAmount: sizes.amountStep })),
)

type Scenario = 'up' | 'down' | 'dip' | 'breakout-up' | 'breakout-down'

function scenarioSnapshot(scenario: Scenario, instrument: SymbolFixture): SymbolSnapshot {
  switch (scenario) {
    case 'up':
    case 'down':
      return trendingSymbol(scenario, instrument)
    case 'dip':
      return dipSymbol(instrument)
    case 'breakout-up':
      return breakoutSymbol(0.6, instrument)
    case 'breakout-down':
      return breakoutSymbol(-0.6, instrument)
  }
}

/** The shipped scenarios on random instruments: markets where each strategy has something to do. */
const scenarioSymbol = fc
  .tuple(fc.constantFrom<Scenario>('up', 'down', 'dip', 'breakout-up', 'breakout-down'), tradableInstrument)
  .map(([scenario, instrument]) => scenarioSnapshot(scenario, instrument))

export const symbolSnapshotArbitrary: fc.Arbitrary<SymbolSnapshot> = fc.oneof({ weight: 1, arbitrary: randomSymbol }, { weight: 2, arbitrary: scenarioSymbol })

/** Mostly plausible amounts, sometimes zero or negative: a blown account must not break an answer. */
const money = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: 1_000, max: 10_000_000, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: -1_000, max: 1_000, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 100_000) },
)

const limits = fc.record({
  maxOrderNotional: money,
  maxPositionNotional: money,
  maxLeverage: fc.double({ min: 0, max: 125, noNaN: true }),
  slippageTolerancePct: fc.double({ min: 0, max: 5, noNaN: true }),
  priceBandPct: fc.double({ min: 0, max: 10, noNaN: true }),
  defaultTtlSeconds: fc.integer({ min: -10, max: 200_000 }),
})

type HeldSpec = [symbol: string, side: 'long' | 'short', contracts: number]

function accountFor(symbols: readonly SymbolSnapshot[]): fc.Arbitrary<AccountView> {
  const held: fc.Arbitrary<HeldSpec[]> = symbols.length
    ? fc.array(
        fc.tuple(fc.constantFrom(...symbols.map((s) => s.symbol)), fc.constantFrom('long' as const, 'short' as const), fc.double({ min: -5, max: 1_000, noNaN: true })),
        { maxLength: 2 },
      )
    : fc.constant<HeldSpec[]>([])
  return fc
    .record({ equity: money, available: money, limits, held })
    .map(({ equity, available, limits, held }) => accountView({ equity, available, limits, positions: held.map(([symbol, side, contracts]) => position(symbol, side, contracts, 100)) }))
}

const news = fc.array(
  fc.record({ title: fc.string({ maxLength: 300 }), feedId: fc.constantFrom('wire', 'blog', 'x'), publishedAt: fc.option(fc.integer({ min: 0, max: FIXTURE_TIME })) }),
  { maxLength: 15 },
)

const upstream = fc.oneof(
  fc.constant({}),
  fc.record({ trader: fc.anything(), news_collector: fc.anything() }, { requiredKeys: [] }),
)

export const roleContextArbitrary: fc.Arbitrary<Omit<RoleContext, 'role'>> = fc
  .uniqueArray(symbolSnapshotArbitrary, { maxLength: 6, selector: (s) => s.symbol })
  .chain((symbols) =>
    fc.record({
      account: accountFor(symbols),
      strategy: fc.constantFrom(...RulesStrategySchema.options),
      news,
      upstream,
    }).map(({ account, strategy, news, upstream }) => {
      const context = roleContext({
        snapshot: marketSnapshot(symbols),
        account,
        strategy,
        news: news.map((n, i) => newsItem(n.title, { id: `n${i}`, feedId: n.feedId, publishedAt: n.publishedAt })),
        upstream: upstream as RoleContext['upstream'],
      })
      const { role: _role, ...rest } = context
      return rest
    }),
  )

const SCENARIOS_OF: Record<RoleContext['strategy'], readonly Scenario[]> = {
  trend_following: ['up', 'down'],
  mean_reversion: ['dip'],
  breakout: ['breakout-up', 'breakout-down'],
}

/**
 * Contexts where the strategy has a setup on flat, healthy accounts: every
 * symbol is a scenario of the pilot's own strategy, so most cycles trade.
 */
export const tradingContextArbitrary: fc.Arbitrary<Omit<RoleContext, 'role'>> = fc.constantFrom(...RulesStrategySchema.options).chain((strategy) =>
  fc
    .record({
      scenarios: fc.uniqueArray(fc.tuple(fc.constantFrom(...SCENARIOS_OF[strategy]), tradableInstrument), { minLength: 1, maxLength: 4, selector: ([, i]) => i.symbol }),
      equity: fc.double({ min: 10_000, max: 10_000_000, noNaN: true }),
      maxOrderNotional: fc.double({ min: 50, max: 50_000, noNaN: true }),
      maxPositionNotional: fc.double({ min: 50, max: 200_000, noNaN: true }),
    })
    .map(({ scenarios, equity, maxOrderNotional, maxPositionNotional }) => {
      const symbols = scenarios.map(([scenario, instrument]) => scenarioSnapshot(scenario, instrument))
      const account = accountView({ equity, available: equity, limits: { maxOrderNotional, maxPositionNotional } })
      const { role: _role, ...rest } = roleContext({ snapshot: marketSnapshot(symbols), account, strategy })
      return rest
    }),
)
