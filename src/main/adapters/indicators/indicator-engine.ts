import { ATR, BollingerBands, DonchianChannels, EMA, MACD, RSI } from 'trading-signals'
import type { IndicatorEngine } from '../../ports/indicators'
import type { IndicatorSet } from '../../../shared/domain/agents/snapshot'
import type { Candle } from '../../../shared/domain/market'
import { allFiniteOrNull, finiteOrNull } from './finite'
import { usableHistory } from './usable-history'

/*
 * The standard parameters every trader expects behind these names. They are
 * fixed because the IndicatorSet's field names (rsi14, ema20, …) promise them.
 */
const RSI_PERIOD = 14
const EMA_FAST = 20
const EMA_SLOW = 50
const MACD_FAST = 12
const MACD_SLOW = 26
const MACD_SIGNAL = 9
const ATR_PERIOD = 14
const BOLLINGER_PERIOD = 20
const BOLLINGER_DEVIATIONS = 2
const DONCHIAN_PERIOD = 20

function rsi(closes: readonly number[]): number | null {
  const indicator = new RSI(RSI_PERIOD)
  for (const close of closes) indicator.add(close)
  if (!indicator.isStable) return null
  // The library answers 100 when nothing ever moved (no gains, no losses); a
  // market that has not moved at all is neither overbought nor oversold.
  if (closes.every((close) => close === closes[0])) return 50
  return finiteOrNull(indicator.getResult())
}

function ema(closes: readonly number[], period: number): number | null {
  const indicator = new EMA(period)
  for (const close of closes) indicator.add(close)
  return indicator.isStable ? finiteOrNull(indicator.getResult()) : null
}

function macd(closes: readonly number[]): IndicatorSet['macd'] {
  const indicator = new MACD(new EMA(MACD_FAST), new EMA(MACD_SLOW), new EMA(MACD_SIGNAL))
  for (const close of closes) indicator.add(close)
  // The library reports a MACD as soon as the slow average is full, while its
  // signal line is still a one-value seed; wait until the signal is stable too.
  const result = indicator.getResult()
  if (!result || !indicator.signal.isStable) return null
  return allFiniteOrNull({ macd: result.macd, signal: result.signal, histogram: result.histogram })
}

function atr(candles: readonly Candle[]): number | null {
  const indicator = new ATR(ATR_PERIOD)
  for (const { high, low, close } of candles) indicator.add({ high, low, close })
  return indicator.isStable ? finiteOrNull(indicator.getResult()) : null
}

function bollinger(closes: readonly number[]): IndicatorSet['bollinger'] {
  const indicator = new BollingerBands(BOLLINGER_PERIOD, BOLLINGER_DEVIATIONS)
  for (const close of closes) indicator.add(close)
  const result = indicator.getResult()
  return result ? allFiniteOrNull({ upper: result.upper, middle: result.middle, lower: result.lower }) : null
}

function donchian(candles: readonly Candle[]): IndicatorSet['donchian20'] {
  const indicator = new DonchianChannels(DONCHIAN_PERIOD)
  for (const { high, low } of candles) indicator.add({ high, low })
  const result = indicator.getResult()
  return result ? allFiniteOrNull({ high: result.upper, low: result.lower }) : null
}

/**
 * Indicators of one timeframe from its closed candles, oldest first. Each is
 * null until its history is long enough (RSI 15 candles, EMA 20/50, MACD 34,
 * ATR 14, Bollinger and Donchian 20) and whenever a value would not be finite.
 * The Donchian channel spans the last 20 closed candles, so a live price
 * above its high is a breakout of the previous bars.
 */
export function createIndicatorEngine(): IndicatorEngine {
  return {
    compute(candles: readonly Candle[]): IndicatorSet {
      const history = usableHistory(candles)
      const closes = history.map((candle) => candle.close)
      return {
        rsi14: rsi(closes),
        ema20: ema(closes, EMA_FAST),
        ema50: ema(closes, EMA_SLOW),
        macd: macd(closes),
        atr14: atr(history),
        bollinger: bollinger(closes),
        donchian20: donchian(history),
      }
    },
  }
}
