import { describe, expect, it } from 'vitest'
import { BTC, createHarness } from './harness'

// A paper venue starts empty on every run; the kernel puts back what the
// journal says the account held, and tags the run's ids so none repeats.
describe('restoring a simulated exchange after a restart', () => {
  it('takes back the wallet and net positions, and a reduce-only order then closes the position', async () => {
    const h = await createHarness({ startingBalances: { USDT: 10_000 } })
    await h.exchange.restore({ wallet: { USDT: 9_876.5 }, positions: [{ symbol: BTC, contracts: -3, entryPrice: 61_000 }] })
    expect(await h.exchange.execution.positions()).toEqual([expect.objectContaining({ symbol: BTC, side: 'short', contracts: 3, entryPrice: 61_000 })])
    expect(await h.wallet()).toBe(9_876.5)
    const close = await h.submit({ side: 'buy', type: 'market', amount: 3, price: null, timeInForce: 'IOC', reduceOnly: true })
    expect(close).toMatchObject({ status: 'filled', filled: 3 })
    expect(await h.exchange.execution.positions()).toEqual([])
  })

  it('refuses a position in a symbol the venue does not list', async () => {
    const h = await createHarness()
    await expect(h.exchange.restore({ wallet: {}, positions: [{ symbol: 'NOPE/USDT:USDT', contracts: 1, entryPrice: 1 }] })).rejects.toMatchObject({ kind: 'not_found' })
  })

  it('puts a run tag into venue order and trade ids when given one', async () => {
    const h = await createHarness({ idTag: 'run7' })
    const state = await h.submit({ side: 'buy', type: 'market', amount: 1, price: null, timeInForce: 'IOC' })
    expect(state.venueOrderId).toBe('paper-run7-o1')
    expect(h.fillsOf(state.clientOrderId)[0]!.tradeId).toBe('paper-run7-t1')
    await expect(createHarness({ idTag: 'Bad Tag' })).rejects.toThrow(/idTag/)
  })
})
