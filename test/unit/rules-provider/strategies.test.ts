import { describe, expect, it } from 'vitest'
import { breakout, meanReversion, readSymbol, trendFollowing, type StrategySignal } from '../../../src/main/adapters/rules-provider'
import { breakoutSymbol, closesOf, dipSymbol, paths, quietSymbol, symbolSnapshot, trendingSymbol } from './snapshot-fixtures'

function entered(signal: StrategySignal): Extract<StrategySignal, { kind: 'enter' }> {
  if (signal.kind !== 'enter') throw new Error(`expected an entry, got ${signal.kind}: ${signal.reason}`)
  return signal
}

describe('trend following', () => {
  it('goes long in a rising market with the stop below and the target above the price', () => {
    const reading = readSymbol(trendingSymbol('up'))
    const signal = entered(trendFollowing(reading, null))
    expect(signal.direction).toBe('long')
    expect(signal.stopLoss).toBeCloseTo(reading.price! - 2 * reading.entry.atr14!, 6)
    expect(signal.takeProfit).toBeCloseTo(reading.price! + 3 * reading.entry.atr14!, 6)
    expect(signal.reason).toContain('EMA20')
  })

  it('goes short in a falling market with the stop above and the target below the price', () => {
    const reading = readSymbol(trendingSymbol('down'))
    const signal = entered(trendFollowing(reading, null))
    expect(signal.direction).toBe('short')
    expect(signal.stopLoss).toBeGreaterThan(reading.price!)
    expect(signal.takeProfit!).toBeLessThan(reading.price!)
  })

  it('skips a 15m up-trend that the 1h trend contradicts', () => {
    const symbol = trendingSymbol('up', { closes: { '15m': closesOf(trendingSymbol('up'), '15m'), '1h': paths.trend(60, 60_000, -0.3) } })
    expect(trendFollowing(readSymbol(symbol), null)).toMatchObject({ kind: 'none', reason: expect.stringContaining('against the 1h trend') })
  })

  it('closes a held long once the trend has flipped, and keeps it while the trend holds', () => {
    expect(trendFollowing(readSymbol(trendingSymbol('down')), 'long').kind).toBe('exit')
    expect(trendFollowing(readSymbol(trendingSymbol('up')), 'long').kind).toBe('none')
    expect(trendFollowing(readSymbol(trendingSymbol('up')), 'short').kind).toBe('exit')
  })

  it('holds when the EMAs of a flat market are level', () => {
    const flat = symbolSnapshot({ closes: { '15m': paths.flat(60, 100), '1h': paths.flat(60, 100) } })
    expect(trendFollowing(readSymbol(flat), null).kind).toBe('none')
  })

  it('holds when the history is too short for EMA 50', () => {
    const short = symbolSnapshot({ closes: { '15m': paths.trend(40, 100, 1), '1h': paths.trend(40, 100, 1) } })
    expect(trendFollowing(readSymbol(short), null)).toMatchObject({ kind: 'none', reason: expect.stringContaining('too short') })
  })
})

describe('mean reversion', () => {
  it('buys an oversold dip below the lower band, targeting the middle band', () => {
    const reading = readSymbol(dipSymbol())
    expect(reading.entry.rsi14!).toBeLessThan(30)
    expect(reading.price!).toBeLessThan(reading.entry.bollinger!.lower)
    const signal = entered(meanReversion(reading, null))
    expect(signal.direction).toBe('long')
    expect(signal.takeProfit).toBe(reading.entry.bollinger!.middle)
    expect(signal.stopLoss).toBeLessThan(reading.price!)
  })

  it('sells an overbought spike above the upper band when the 1h trend is down', () => {
    const spike = symbolSnapshot({ closes: { '15m': paths.endingWith(paths.wave(60, 50_000, 0.3), 4, 0.8), '1h': paths.trend(60, 52_000, -0.05) } })
    const signal = entered(meanReversion(readSymbol(spike), null))
    expect(signal.direction).toBe('short')
    expect(signal.stopLoss).toBeGreaterThan(spike.last)
  })

  it('does not buy a dip while the 1h trend is falling', () => {
    const falling = dipSymbol({ closes: { '15m': closesOf(dipSymbol(), '15m'), '1h': paths.trend(60, 52_000, -0.2) } })
    expect(meanReversion(readSymbol(falling), null).kind).toBe('none')
  })

  it('holds in a quiet market and exits a long once the price is back at the middle band', () => {
    expect(meanReversion(readSymbol(quietSymbol()), null).kind).toBe('none')
    const dip = dipSymbol()
    expect(meanReversion(readSymbol(dip), 'long').kind).toBe('none')
    const recovered = dipSymbol({ last: readSymbol(dip).entry.bollinger!.middle + 1 })
    expect(meanReversion(readSymbol(recovered), 'long').kind).toBe('exit')
  })
})

describe('breakout', () => {
  it('buys the live price above the 20-bar high with a stop 2 ATR below', () => {
    const reading = readSymbol(breakoutSymbol())
    expect(reading.price!).toBeGreaterThan(reading.entry.donchian20!.high)
    const signal = entered(breakout(reading, null))
    expect(signal.direction).toBe('long')
    expect(signal.stopLoss).toBeCloseTo(reading.price! - 2 * reading.entry.atr14!, 6)
  })

  it('sells a break below the 20-bar low when the 1h trend is down', () => {
    expect(entered(breakout(readSymbol(breakoutSymbol(-0.6)), null)).direction).toBe('short')
  })

  it('skips a break below the low while the 1h trend is up', () => {
    const againstTrend = breakoutSymbol(-0.6, { closes: { '15m': closesOf(breakoutSymbol(), '15m'), '1h': closesOf(breakoutSymbol(), '1h') } })
    expect(breakout(readSymbol(againstTrend), null)).toMatchObject({ kind: 'none', reason: expect.stringContaining('against the 1h trend') })
  })

  it('holds inside the channel, and closes a long that falls back through the channel middle', () => {
    expect(breakout(readSymbol(quietSymbol()), null).kind).toBe('none')
    expect(breakout(readSymbol(breakoutSymbol()), 'long').kind).toBe('none')
    expect(breakout(readSymbol(breakoutSymbol(-0.6)), 'long').kind).toBe('exit')
  })
})

describe('every strategy', () => {
  it('holds without a usable history or price', () => {
    const bare = symbolSnapshot()
    for (const strategy of [trendFollowing, meanReversion, breakout]) {
      expect(strategy(readSymbol(bare), null).kind).toBe('none')
      expect(strategy(readSymbol(bare), 'long').kind).toBe('none')
    }
  })
})
