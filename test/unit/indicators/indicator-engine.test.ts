import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createIndicatorEngine } from '../../../src/main/adapters/indicators'
import { IndicatorSetSchema, type IndicatorSet } from '../../../src/shared/domain/agents/snapshot'
import type { Candle } from '../../../src/shared/domain/market'

const engine = createIndicatorEngine()
const MINUTE = 60_000

/** Candles from closes: each opens at the previous close and spans ±spread around its body. */
function candlesFrom(closes: readonly number[], spread = 0): Candle[] {
  return closes.map((close, i) => {
    const open = i === 0 ? close : closes[i - 1]!
    return { timestamp: i * MINUTE, open, high: Math.max(open, close) + spread, low: Math.min(open, close) - spread, close, volume: 1 }
  })
}

const range = (count: number, at: (i: number) => number): number[] => Array.from({ length: count }, (_, i) => at(i))
/** A wavy but deterministic series, so no indicator sits at a degenerate value. */
const wavy = (count: number): number[] => range(count, (i) => 100 + 10 * Math.sin(i / 3) + i * 0.2)

function everyNumber(set: IndicatorSet): number[] {
  return [set.rsi14, set.ema20, set.ema50, set.atr14, ...Object.values(set.macd ?? {}), ...Object.values(set.bollinger ?? {}), ...Object.values(set.donchian20 ?? {})].filter(
    (value): value is number => value !== null,
  )
}

describe('indicator engine: known values', () => {
  it('gives RSI 100 on a steady rise and 0 on a steady fall', () => {
    expect(engine.compute(candlesFrom(range(30, (i) => 100 + i))).rsi14).toBe(100)
    expect(engine.compute(candlesFrom(range(30, (i) => 200 - i))).rsi14).toBe(0)
  })

  it('gives a neutral RSI of 50 when the price never moved', () => {
    expect(engine.compute(candlesFrom(range(30, () => 42))).rsi14).toBe(50)
  })

  it('keeps every average and band of a constant series at the constant', () => {
    const set = engine.compute(candlesFrom(range(60, () => 250)))
    expect(set.ema20).toBeCloseTo(250, 10)
    expect(set.ema50).toBeCloseTo(250, 10)
    expect(set.bollinger).toEqual({ upper: 250, middle: 250, lower: 250 })
    expect(set.donchian20).toEqual({ high: 250, low: 250 })
    expect(set.macd!.macd).toBeCloseTo(0, 10)
    expect(set.macd!.histogram).toBeCloseTo(0, 10)
    expect(set.atr14).toBe(0)
  })

  it('matches a hand computation of EMA 20 (seeded with the first close, k = 2/21)', () => {
    const closes = wavy(45)
    const k = 2 / 21
    let expected = closes[0]!
    for (const close of closes.slice(1)) expected = close * k + expected * (1 - k)
    expect(engine.compute(candlesFrom(closes)).ema20).toBeCloseTo(expected, 9)
  })

  it("matches a hand computation of Wilder's RSI 14", () => {
    const closes = wavy(40)
    const changes = closes.slice(1).map((close, i) => close - closes[i]!)
    const gains = changes.map((c) => Math.max(c, 0))
    const losses = changes.map((c) => Math.max(-c, 0))
    let avgGain = gains.slice(0, 14).reduce((a, b) => a + b, 0) / 14
    let avgLoss = losses.slice(0, 14).reduce((a, b) => a + b, 0) / 14
    for (let i = 14; i < changes.length; i++) {
      avgGain = (avgGain * 13 + gains[i]!) / 14
      avgLoss = (avgLoss * 13 + losses[i]!) / 14
    }
    expect(engine.compute(candlesFrom(closes)).rsi14).toBeCloseTo(100 - 100 / (1 + avgGain / avgLoss), 9)
  })

  it('matches a hand computation of Bollinger (20, 2σ population) and Donchian 20', () => {
    const closes = wavy(50)
    const candles = candlesFrom(closes, 0.5)
    const window = closes.slice(-20)
    const mean = window.reduce((a, b) => a + b, 0) / 20
    const sigma = Math.sqrt(window.reduce((a, b) => a + (b - mean) ** 2, 0) / 20)
    const set = engine.compute(candles)
    expect(set.bollinger!.middle).toBeCloseTo(mean, 9)
    expect(set.bollinger!.upper).toBeCloseTo(mean + 2 * sigma, 9)
    expect(set.bollinger!.lower).toBeCloseTo(mean - 2 * sigma, 9)
    const last20 = candles.slice(-20)
    expect(set.donchian20).toEqual({ high: Math.max(...last20.map((c) => c.high)), low: Math.min(...last20.map((c) => c.low)) })
  })

  it("matches a hand computation of Wilder's ATR 14", () => {
    const candles = candlesFrom(wavy(30), 0.7)
    const trueRanges = candles.map((c, i) =>
      i === 0 ? c.high - c.low : Math.max(c.high - c.low, Math.abs(c.high - candles[i - 1]!.close), Math.abs(c.low - candles[i - 1]!.close)),
    )
    let expected = trueRanges.slice(0, 14).reduce((a, b) => a + b, 0) / 14
    for (const tr of trueRanges.slice(14)) expected = (expected * 13 + tr) / 14
    expect(engine.compute(candles).atr14).toBeCloseTo(expected, 9)
  })

  it('gives a positive MACD histogram in an accelerating rise and a negative one in an accelerating fall', () => {
    expect(engine.compute(candlesFrom(range(60, (i) => 100 + i * i * 0.05))).macd!.histogram).toBeGreaterThan(0)
    expect(engine.compute(candlesFrom(range(60, (i) => 1000 - i * i * 0.05))).macd!.histogram).toBeLessThan(0)
  })
})

describe('indicator engine: history too short', () => {
  it('answers all nulls for no candles', () => {
    expect(engine.compute([])).toEqual({ rsi14: null, ema20: null, ema50: null, macd: null, atr14: null, bollinger: null, donchian20: null })
  })

  it.each([
    ['rsi14', 15],
    ['ema20', 20],
    ['ema50', 50],
    ['macd', 34],
    ['atr14', 14],
    ['bollinger', 20],
    ['donchian20', 20],
  ] as const)('gives %s only from %i candles on', (field, needed) => {
    const closes = wavy(needed)
    expect(engine.compute(candlesFrom(closes.slice(0, needed - 1)))[field]).toBeNull()
    expect(engine.compute(candlesFrom(closes))[field]).not.toBeNull()
  })
})

describe('indicator engine: bad input', () => {
  it('never emits a non-finite number, whatever the candles hold', () => {
    const price = fc.oneof(fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e308, -1e308, 0))
    const candle = fc.record({ open: price, high: price, low: price, close: price })
    fc.assert(
      fc.property(fc.array(candle, { maxLength: 70 }), (raw) => {
        const set = engine.compute(raw.map((c, i) => ({ ...c, timestamp: i * MINUTE, volume: 1 })))
        expect(IndicatorSetSchema.safeParse(set).success).toBe(true)
        for (const value of everyNumber(set)) expect(Number.isFinite(value)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('computes only from the candles after the last non-finite one', () => {
    const closes = wavy(60)
    const broken = candlesFrom(closes)
    broken[30] = { ...broken[30]!, close: Number.NaN }
    const set = engine.compute(broken)
    // 29 sound candles remain: enough for RSI, EMA 20 and Bollinger, too few for EMA 50 or MACD.
    expect(set.ema50).toBeNull()
    expect(set.macd).toBeNull()
    expect(set.ema20).toBeCloseTo(engine.compute(broken.slice(31)).ema20!, 12)
    expect(set.rsi14).not.toBeNull()
  })

  it('gives nulls rather than Infinity when the numbers overflow', () => {
    const set = engine.compute(candlesFrom(range(60, (i) => (i % 2 === 0 ? 1e200 : -1e200))))
    expect(set.bollinger).toBeNull()
    for (const value of everyNumber(set)) expect(Number.isFinite(value)).toBe(true)
  })

  it('refuses candles that are not oldest first, naming the offending candle', () => {
    const candles = candlesFrom(wavy(25))
    const reversed = [...candles].reverse()
    expect(() => engine.compute(reversed)).toThrow(/oldest first.*candle 1 has timestamp/)
    const duplicated = [...candles.slice(0, 10), candles[9]!, ...candles.slice(10)]
    expect(() => engine.compute(duplicated)).toThrow(RangeError)
  })
})
