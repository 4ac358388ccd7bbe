import type { Touch } from './book-builder'
import { roundToStep, ticksToPrice } from '../../../shared/market/precision'
import type { Rng } from './prng'

/** Spread of log trade sizes around the median: a few large takers among many small ones. */
export const TRADE_SIZE_SIGMA = 1

export interface TradeFlowSpec {
  tradesPerSecond: number
  medianTradeContracts: number
  tickSize: number
  stepSize: number
  minSize: number
}

export interface TradeDraft {
  timestamp: number
  side: 'buy' | 'sell'
  price: number
  amount: number
}

export function meanTradeContracts(spec: Pick<TradeFlowSpec, 'medianTradeContracts'>): number {
  return spec.medianTradeContracts * Math.exp((TRADE_SIZE_SIGMA * TRADE_SIZE_SIGMA) / 2)
}

/**
 * Taker trades in the interval (from, to]: Poisson arrivals whose rate rises
 * with volatility (`activity`), buyers more likely when the price just rose
 * (`move` is the step's return in units of its typical size), each at the
 * touch it takes: buys at the ask, sells at the bid.
 */
export function drawTrades(rng: Rng, spec: TradeFlowSpec, touch: Touch, from: number, to: number, activity: number, move: number): TradeDraft[] {
  const count = rng.poisson(((spec.tradesPerSecond * (to - from)) / 1000) * activity)
  if (count === 0) return []
  const buyProbability = 1 / (1 + Math.exp(-1.5 * move))
  const span = Math.max(1, to - from)
  const times: number[] = []
  for (let i = 0; i < count; i++) times.push(Math.min(to, from + 1 + Math.floor(rng.next() * span)))
  times.sort((a, b) => a - b)
  return times.map((timestamp) => {
    const side = rng.next() < buyProbability ? 'buy' : 'sell'
    const size = spec.medianTradeContracts * Math.exp(TRADE_SIZE_SIGMA * rng.normal())
    return {
      timestamp,
      side,
      price: ticksToPrice(side === 'buy' ? touch.askTicks : touch.bidTicks, spec.tickSize),
      amount: Math.max(spec.minSize, roundToStep(size, spec.stepSize)),
    }
  })
}
