import { describe, expect, it } from 'vitest'
import { createPortfolio, dayStartOf, type Portfolio } from '../../../src/main/core/portfolio'
import { BTC, INSTRUMENTS, fill } from './fixtures'

const HOUR = 3_600_000
const MIDNIGHT = Date.UTC(2025, 0, 16)

function longAtNight(options = {}): Portfolio {
  const p = createPortfolio(options)
  p.openAccount({ accountId: 'a1', venue: 'paper', startingBalances: { USDT: 10_000 }, openedAt: MIDNIGHT - 3 * HOUR })
  p.applyFill('a1', fill({ side: 'buy', price: 60000, amount: 10, timestamp: MIDNIGHT - 2 * HOUR }), INSTRUMENTS[BTC]!)
  p.markToMarket('paper', [{ symbol: BTC, markPrice: 61000 }], MIDNIGHT - HOUR)
  return p
}
const usdtAt = (p: Portfolio, at: number) => p.snapshot(at).accounts[0]!.currencies.find((c) => c.currency === 'USDT')!

describe('portfolio day PnL', () => {
  it('starts each UTC day from the equity at midnight', () => {
    const p = longAtNight()
    expect(usdtAt(p, MIDNIGHT - 1)).toMatchObject({ dayStart: MIDNIGHT - 24 * HOUR, dayOpenEquity: 10_000, dayPnl: 100, totalPnl: 100 })
    p.markToMarket('paper', [{ symbol: BTC, markPrice: 60500 }], MIDNIGHT + HOUR)
    expect(usdtAt(p, MIDNIGHT + 2 * HOUR)).toMatchObject({ dayStart: MIDNIGHT, dayOpenEquity: 10_100, dayPnl: -50, totalPnl: 50 })
    expect(usdtAt(p, MIDNIGHT + 2 * HOUR).dailyDrawdown.amount).toBe(50)
  })

  it('rolls the day on a snapshot alone, so a quiet night still opens a new day', () => {
    const p = longAtNight()
    expect(usdtAt(p, MIDNIGHT + 5)).toMatchObject({ dayStart: MIDNIGHT, dayOpenEquity: 10_100, dayPnl: 0 })
  })

  it('uses a configurable day boundary: midnight UTC+8 is 16:00 UTC', () => {
    expect(dayStartOf(MIDNIGHT + HOUR, -8 * HOUR)).toBe(MIDNIGHT - 8 * HOUR)
    expect(dayStartOf(MIDNIGHT - 7 * HOUR, 16 * HOUR)).toBe(MIDNIGHT - 8 * HOUR)
    const p = longAtNight({ dayBoundaryOffsetMs: -8 * HOUR })
    // Opened at 21:00 UTC, past the 16:00 UTC boundary: the whole session is one day.
    expect(usdtAt(p, MIDNIGHT + HOUR)).toMatchObject({ dayStart: MIDNIGHT - 8 * HOUR, dayOpenEquity: 10_000, dayPnl: 100 })
  })

  it('does not count a deposit or withdrawal as PnL or drawdown', () => {
    const p = longAtNight()
    p.applyAdjustment('a1', { id: 'w1', currency: 'USDT', amount: -5000, kind: 'transfer', at: MIDNIGHT - HOUR + 1 })
    expect(p.applyAdjustment('a1', { id: 'w1', currency: 'USDT', amount: -5000, kind: 'transfer', at: MIDNIGHT - HOUR + 1 })).toBe(false)
    const usdt = usdtAt(p, MIDNIGHT - 1)
    expect(usdt).toMatchObject({ equity: 5100, transfers: -5000, dayPnl: 100, totalPnl: 100 })
    expect(usdt.drawdown.amount).toBe(0)
    expect(usdt.maxDrawdown.amount).toBe(0)
  })

  it('counts a PnL adjustment (an absorbed liquidation deficit) as profit', () => {
    const p = longAtNight()
    p.applyAdjustment('a1', { id: 'liq-1', currency: 'USDT', amount: 12.5, kind: 'pnl', at: MIDNIGHT - HOUR + 1 })
    expect(usdtAt(p, MIDNIGHT - 1)).toMatchObject({ otherPnl: 12.5, balance: 10_012.5, totalPnl: 112.5 })
  })
})
