import { describe, expect, it } from 'vitest'
import { decideTrades, readSymbol } from '../../../src/main/adapters/rules-provider'
import { TraderDecisionSchema } from '../../../src/shared/domain/agents/role-outputs'
import { ETH, accountView, breakoutSymbol, dipSymbol, marketSnapshot, position, quietSymbol, roleContext, trendingSymbol } from './snapshot-fixtures'

const decide = (...args: Parameters<typeof roleContext>) => TraderDecisionSchema.parse(decideTrades(roleContext(...args)))

describe('trader decision of the rules', () => {
  it('buys a rising market with a limit at the ask, stops from ATR, sized within 0.8 % of equity', () => {
    const symbol = trendingSymbol('up')
    const reading = readSymbol(symbol)
    const decision = decide({ snapshot: marketSnapshot([symbol]) })
    expect(decision).toMatchObject({ strategyId: 'rules.trend_following', intent: 'open', ttlSeconds: 120 })
    expect(decision.orders).toHaveLength(1)
    const order = decision.orders[0]!
    expect(order).toMatchObject({ venue: 'sim', symbol: symbol.symbol, side: 'buy', type: 'limit', reduceOnly: false, leverage: null })
    expect(order.price).toBeCloseTo(reading.ask!, 2)
    expect(order.stopLoss!).toBeLessThan(order.price!)
    expect(order.takeProfit!).toBeGreaterThan(order.price!)
    expect(order.size * symbol.contractSize * order.price!).toBeLessThanOrEqual(800)
    expect(decision.confidence).toBeGreaterThan(0.5)
    expect(decision.expectedEdgeBps).toBeGreaterThan(0)
    expect(decision.expectedEdgeBps).toBeLessThanOrEqual(50)
    expect(decision.slippageBps).toBeCloseTo(1, 1)
    expect(decision.rationale).toMatch(/EMA20 [\d.]+ vs EMA50 [\d.]+/)
  })

  it('sells a falling market with the stop above the bid', () => {
    const decision = decide({ snapshot: marketSnapshot([trendingSymbol('down')]) })
    expect(decision.orders[0]).toMatchObject({ side: 'sell', reduceOnly: false })
    expect(decision.orders[0]!.stopLoss!).toBeGreaterThan(decision.orders[0]!.price!)
  })

  it('closes an existing long with a reduce-only market sell of the whole position when the trend flips', () => {
    const decision = decide({ snapshot: marketSnapshot([trendingSymbol('down')]), account: accountView({ positions: [position(trendingSymbol('down').symbol, 'long', 37, 50_000)] }) })
    expect(decision.intent).toBe('close')
    expect(decision.orders).toEqual([
      { venue: 'sim', symbol: trendingSymbol('down').symbol, side: 'sell', type: 'market', price: null, size: 37, leverage: null, stopLoss: null, takeProfit: null, reduceOnly: true },
    ])
  })

  it('never adds to a position already held in the signal direction', () => {
    const up = trendingSymbol('up')
    expect(decide({ snapshot: marketSnapshot([up]), account: accountView({ positions: [position(up.symbol, 'long', 2, 50_000)] }) }).intent).toBe('hold')
  })

  it('holds with no orders when no strategy has a signal', () => {
    for (const strategy of ['trend_following', 'mean_reversion', 'breakout'] as const) {
      const decision = decide({ snapshot: marketSnapshot([quietSymbol()]), strategy })
      expect(decision).toMatchObject({ intent: 'hold', orders: [], expectedEdgeBps: 0, strategyId: `rules.${strategy}` })
    }
  })

  it('buys the oversold dip under mean reversion and the breakout under breakout', () => {
    const dip = decide({ snapshot: marketSnapshot([dipSymbol()]), strategy: 'mean_reversion' })
    expect(dip.orders[0]).toMatchObject({ side: 'buy', reduceOnly: false })
    expect(dip.orders[0]!.takeProfit).toBeCloseTo(readSymbol(dipSymbol()).entry.bollinger!.middle, 2)
    const breakout = decide({ snapshot: marketSnapshot([breakoutSymbol()]), strategy: 'breakout' })
    expect(breakout.orders[0]).toMatchObject({ side: 'buy', reduceOnly: false })
  })

  it('holds, saying why, when the budget is below one contract', () => {
    const decision = decide({ snapshot: marketSnapshot([trendingSymbol('up', { contractSize: 1 })]) })
    expect(decision).toMatchObject({ intent: 'hold', orders: [] })
    expect(decision.rationale).toContain('below the minimum')
  })

  it('respects a small max order notional and the amount step', () => {
    const symbol = trendingSymbol('up', { contractSize: 0.001, amountStep: 0.5, minAmount: 0.5 })
    const decision = decide({ snapshot: marketSnapshot([symbol]), account: accountView({ limits: { maxOrderNotional: 200 } }) })
    const order = decision.orders[0]!
    expect(order.size * 0.001 * order.price!).toBeLessThanOrEqual(200)
    expect(Number.isInteger(order.size / 0.5)).toBe(true)
  })

  it('uses a market order when the touch is unknown, and clamps the time to live into range', () => {
    const decision = decide({ snapshot: marketSnapshot([trendingSymbol('up', { spreadBps: null, bookLevels: 0 })]), account: accountView({ limits: { defaultTtlSeconds: 999_999 } }) })
    expect(decision.orders[0]).toMatchObject({ type: 'market', price: null })
    expect(decision.ttlSeconds).toBe(86_400)
    expect(decision.slippageBps).toBe(10)
  })

  it('puts closes first, then the strongest entries, at most four orders', () => {
    const symbols = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'].map((base) => trendingSymbol('up', { symbol: `${base}/USDT:USDT` }))
    const falling = trendingSymbol('down', { symbol: ETH })
    const decision = decide({ snapshot: marketSnapshot([...symbols, falling]), account: accountView({ positions: [position(ETH, 'long', 3, 3_000)] }) })
    expect(decision.intent).toBe('adjust')
    expect(decision.orders).toHaveLength(4)
    expect(decision.orders[0]).toMatchObject({ symbol: ETH, reduceOnly: true })
    expect(decision.orders.slice(1).map((o) => o.symbol)).toEqual(['AAA/USDT:USDT', 'BBB/USDT:USDT', 'CCC/USDT:USDT'])
    expect(decision.rationale).toContain('left for a later cycle')
  })
})
