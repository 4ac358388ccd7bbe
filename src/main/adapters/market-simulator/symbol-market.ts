import { TIMEFRAME_MS, type Candle, type FundingRate, type MarkPrice, type OrderBook, type Ticker, type Timeframe, type Trade } from '../../../shared/domain/market'
import { BOOK_LEVELS, buildBook, touchAround, type Touch } from './book-builder'
import { createCandleBuilder, type CandleUpdate } from '../../../shared/market/candle-builder'
import { TimeframeSchema } from '../../../shared/domain/market'
import { createCandleHistory } from './candle-history'
import { createFundingModel, nextFundingTime } from './funding-model'
import { roundToStep, ticksToPrice } from '../../../shared/market/precision'
import { createPriceProcess } from './price-process'
import { createRng, hashSeed, hashString } from './prng'
import { createRollingVolume } from './rolling-volume'
import type { SimSymbolSpec } from './sim-symbols'
import { drawTrades } from './trade-flow'

const MAX_RECENT_TRADES = 5_000
const MAX_LIVE_CANDLES = 10_000
const MAX_HISTORY_CANDLES = 5_000

export interface SymbolMarketOptions {
  venue: string
  spec: SimSymbolSpec
  seed: number
  startTime: number
  tickMs: number
}

/** One simulated perpetual: its price path, quotes, trades, candles and funding, stepped on the simulator's grid. */
export interface SymbolMarket {
  readonly spec: SimSymbolSpec
  /** One grid tick ending at `to`; `marketShock` is the step's market-wide normal draw. */
  step(index: number, from: number, to: number, marketShock: number): void
  /** Jumps over `steps` idle ticks with one coarse move and no trades, so a long idle gap costs nothing. */
  skip(index: number, from: number, to: number, steps: number, marketShock: number): void
  drainTrades(): Trade[]
  drainCandles(): CandleUpdate[]
  currentCandle(timeframe: Timeframe): Candle | null
  book(depth: number): OrderBook
  ticker(): Ticker
  mark(): MarkPrice
  funding(): FundingRate
  candles(timeframe: Timeframe, since: number | null, limit: number): Candle[]
  trades(since: number | null, limit: number): Trade[]
}

export function createSymbolMarket({ venue, spec, seed, startTime, tickMs }: SymbolMarketOptions): SymbolMarket {
  const symbolSeed = hashSeed(seed, hashString(spec.symbol))
  const rng = createRng(symbolSeed)
  const process = createPriceProcess(spec, tickMs, rng)
  const typicalMove = Math.sqrt(process.params.longRunVar)
  const funding = createFundingModel(spec.startPrice, rng)
  const aggregator = createCandleBuilder(TimeframeSchema.options, { maxCandles: MAX_LIVE_CANDLES, volumeStep: spec.stepSize })
  const history = createCandleHistory(spec, seed, startTime, MAX_HISTORY_CANDLES)
  const volume24h = createRollingVolume()
  // The ticker's 24 h volume starts from the backfilled hours instead of at zero.
  for (const candle of history.range('1h', startTime - 24 * 3_600_000, startTime)) volume24h.add(candle.timestamp, candle.volume)

  let logMid = Math.log(spec.startPrice)
  let touch: Touch = touchAround(spec.startPrice, spec.tickSize, 1)
  let stepIndex = 0
  let time = startTime
  let last: number | null = null
  let tradeSeq = 0
  let pendingTrades: Trade[] = []
  const recent: Trade[] = []
  let cachedBook: { index: number; book: ReturnType<typeof buildBook> } | null = null

  // The book is drawn from its own stream keyed by step, so building it only when
  // someone listens does not change the price path or the trades.
  const fullBook = (): ReturnType<typeof buildBook> => {
    if (cachedBook?.index !== stepIndex) cachedBook = { index: stepIndex, book: buildBook(touch, spec, createRng(hashSeed(symbolSeed, stepIndex, 0xb00c))) }
    return cachedBook.book
  }

  const record = (trade: Trade): void => {
    pendingTrades.push(trade)
    recent.push(trade)
    if (recent.length > MAX_RECENT_TRADES * 1.5) recent.splice(0, recent.length - MAX_RECENT_TRADES)
    aggregator.add(trade.timestamp, trade.price, trade.price, trade.price, trade.price, trade.amount)
    volume24h.add(trade.timestamp, trade.amount)
    last = trade.price
  }

  return {
    spec,
    step(index, from, to, marketShock) {
      const beta = spec.marketBeta
      const logReturn = process.next(beta * marketShock + Math.sqrt(1 - beta * beta) * rng.normal())
      logMid += logReturn
      const mid = Math.exp(logMid)
      const volRatio = Math.sqrt(process.variance / process.params.longRunVar)
      touch = touchAround(mid, spec.tickSize, 1 + rng.poisson(0.25 * volRatio))
      for (const draft of drawTrades(rng, spec, touch, from, to, volRatio, logReturn / typicalMove)) {
        record({ venue, symbol: spec.symbol, id: String(++tradeSeq), ...draft })
      }
      funding.step(mid, to - from)
      stepIndex = index
      time = to
    },
    skip(index, from, to, steps, marketShock) {
      const variance = process.params.longRunVar * steps
      logMid += -0.5 * variance + Math.sqrt(variance) * (spec.marketBeta * marketShock + Math.sqrt(1 - spec.marketBeta ** 2) * rng.normal())
      const mid = Math.exp(logMid)
      touch = touchAround(mid, spec.tickSize, 1)
      funding.step(mid, to - from)
      stepIndex = index
      time = to
    },
    drainTrades() {
      const out = pendingTrades
      pendingTrades = []
      return out
    },
    drainCandles: () => aggregator.drain(),
    currentCandle: (timeframe) => aggregator.current(timeframe),
    book(depth) {
      const { bids, asks } = fullBook()
      const n = Math.min(depth, BOOK_LEVELS)
      return { venue, symbol: spec.symbol, bids: bids.slice(0, n), asks: asks.slice(0, n), sequence: stepIndex, timestamp: time }
    },
    ticker() {
      const { bids, asks } = fullBook()
      return {
        venue,
        symbol: spec.symbol,
        bid: ticksToPrice(touch.bidTicks, spec.tickSize),
        ask: ticksToPrice(touch.askTicks, spec.tickSize),
        bidSize: bids[0]?.[1] ?? null,
        askSize: asks[0]?.[1] ?? null,
        last,
        baseVolume: roundToStep(volume24h.total(time) * spec.contractSize, spec.stepSize * spec.contractSize),
        timestamp: time,
      }
    },
    mark() {
      const state = funding.state(spec.tickSize)
      return { venue, symbol: spec.symbol, markPrice: state.markPrice, indexPrice: state.indexPrice, timestamp: time }
    },
    funding() {
      return { venue, symbol: spec.symbol, rate: funding.state(spec.tickSize).rate, nextFundingTime: nextFundingTime(time), timestamp: time }
    },
    candles(timeframe, since, limit) {
      // History covers the buckets before the one the simulator started in; live candles the rest.
      const ms = TIMEFRAME_MS[timeframe]
      const historyEnd = history.end(timeframe)
      const live = aggregator.series(timeframe)
      if (since === null) {
        const tail = live.slice(-limit).map((c) => ({ ...c }))
        const missing = limit - tail.length
        return missing > 0 ? [...history.range(timeframe, historyEnd - missing * ms, historyEnd), ...tail] : tail
      }
      // Like a venue, answer a `since` older than the history with the oldest candles there are.
      const start = Math.max(Math.ceil(since / ms) * ms, historyEnd - MAX_HISTORY_CANDLES * ms)
      const past = history.range(timeframe, start, Math.min(historyEnd, start + limit * ms))
      const later = live.filter((c) => c.timestamp >= since).slice(0, limit - past.length)
      return [...past, ...later.map((c) => ({ ...c }))]
    },
    trades(since, limit) {
      const matching = since === null ? recent.slice(-limit) : recent.filter((t) => t.timestamp >= since).slice(0, limit)
      return matching.map((t) => ({ ...t }))
    },
  }
}

