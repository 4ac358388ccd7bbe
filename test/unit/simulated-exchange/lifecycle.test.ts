import { describe, expect, it } from 'vitest'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import { createOrderLedger } from '../../../src/main/adapters/simulated-exchange/order-ledger'
import { createSimulatedExchange } from '../../../src/main/adapters/simulated-exchange/simulated-exchange'
import type { ExecutionEvent } from '../../../src/main/ports/execution-client'
import { isTerminalStatus } from '../../../src/shared/domain/order'
import { createScriptedMarket } from '../../support/scripted-market'
import { BTC, createHarness } from './harness'

describe('simulated exchange order lifecycle', () => {
  it('never changes a terminal order: the ledger refuses and emits nothing', () => {
    const events: ExecutionEvent[] = []
    const ledger = createOrderLedger('paper', { now: () => 0 }, (e) => events.push(e))
    const record = ledger.create(
      { clientOrderId: 'x', symbol: BTC, side: 'buy', type: 'limit', amount: 1, price: 1, timeInForce: 'GTC', postOnly: false, reduceOnly: false },
      null,
      0,
    )
    ledger.accept(record)
    ledger.cancel(record, null)
    expect(() => ledger.cancel(record, null)).toThrow(/terminal/)
    expect(() => ledger.amend(record, 2, 1)).toThrow(/terminal/)
    expect(events.map((e) => e.type)).toEqual(['accepted', 'cancelled'])
    expect(ledger.open()).toEqual([])
  })

  it('announces each state change exactly once and no event follows a terminal one', async () => {
    const h = await createHarness()
    await h.submit({ clientOrderId: 'a', price: 60020, amount: 20 })
    await h.submit({ clientOrderId: 'b', type: 'market', price: null, amount: 2 })
    h.market.printTrade(BTC, 60000, 5, 'sell')
    await h.exchange.execution.cancel({ clientOrderId: 'a', symbol: BTC }).catch(() => null)
    await h.settle()
    for (const id of ['a', 'b']) {
      const mine = h.eventsFor(id)
      const terminal = mine.findIndex((e) => isTerminalStatus(e.order.status))
      expect(terminal).toBe(mine.length - 1)
      const filled = mine.flatMap((e) => ('fill' in e ? [e.fill.amount] : [])).reduce((s, x) => s + x, 0)
      expect(filled).toBe(mine.at(-1)!.order.filled)
    }
  })

  it('keeps delivering to other listeners when one throws', async () => {
    const h = await createHarness()
    const seen: string[] = []
    h.exchange.execution.onEvent(() => {
      throw new Error('listener bug')
    })
    h.exchange.execution.onEvent((e) => seen.push(e.type))
    await h.submit({})
    expect(seen).toEqual(['accepted'])
  })

  it('stops delivering to a listener once it unsubscribes', async () => {
    const h = await createHarness()
    const seen: string[] = []
    const off = h.exchange.execution.onEvent((e) => seen.push(e.type))
    await h.submit({})
    off()
    await h.submit({})
    expect(seen).toEqual(['accepted'])
  })

  it('loads instruments from the source once, or uses the ones given', async () => {
    const clock = createTestClock(0)
    const source = createScriptedMarket({ clock })
    let loads = 0
    const counting = { ...source, loadInstruments: () => (loads++, source.loadInstruments()) }
    source.setBook(BTC, [[59990, 5]], [[60010, 5]])
    const exchange = createSimulatedExchange({ venue: 'paper', clock, seed: 1, source: counting })
    await exchange.execution.balances()
    await exchange.execution.submit({ clientOrderId: 'a', symbol: BTC, side: 'buy', type: 'limit', amount: 1, price: 59000, timeInForce: 'GTC', postOnly: false, reduceOnly: false })
    await exchange.execution.submit({ clientOrderId: 'b', symbol: BTC, side: 'buy', type: 'limit', amount: 1, price: 59000, timeInForce: 'GTC', postOnly: false, reduceOnly: false })
    expect(loads).toBe(1)
    const given = createSimulatedExchange({ venue: 'paper', clock, seed: 1, source: counting, instruments: await source.loadInstruments() })
    await given.execution.submit({ clientOrderId: 'a', symbol: BTC, side: 'buy', type: 'limit', amount: 1, price: 59000, timeInForce: 'GTC', postOnly: false, reduceOnly: false })
    expect(loads).toBe(1)
  })

  it('checks its configuration when created', () => {
    const clock = createTestClock(0)
    const source = createScriptedMarket()
    const make = (extra: object) => () => createSimulatedExchange({ venue: 'paper', clock, seed: 1, source, ...extra })
    expect(make({ venue: 'Paper Venue' })).toThrow(/venue id/)
    expect(make({ defaultLeverage: 200 })).toThrow(/defaultLeverage/)
    expect(make({ latency: { fixedMs: -1, jitterMs: 0 } })).toThrow(/latency/)
    expect(make({ startingBalances: { USDT: -5 } })).toThrow(/starting balance/)
    expect(make({ maintenanceMarginRate: 1 })).toThrow(/maintenanceMarginRate/)
  })
})
