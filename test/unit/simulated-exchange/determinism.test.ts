import { describe, expect, it } from 'vitest'
import type { BookLevel } from '../../../src/shared/domain/market'
import { createSeededRandom } from '../../../src/main/adapters/simulated-exchange/seeded-random'
import { BTC, createHarness } from './harness'

/**
 * A scripted session: a drifting book, orders of every kind sent without
 * waiting, prints and marks, with latency. Returns everything observable.
 */
async function session(seed: number, jitterMs: number): Promise<string[]> {
  const h = await createHarness({ seed, latency: { fixedMs: 3, jitterMs } })
  const log: string[] = []
  h.exchange.execution.onEvent((e) => log.push(JSON.stringify(e)))
  await h.exchange.watch([BTC])
  h.market.setMark(BTC, 60000)
  const script = createSeededRandom(42)
  for (let i = 0; i < 60; i++) {
    const mid = 60000 + Math.round((script() - 0.5) * 200) * 0.5 + i
    if (i % 4 === 0) {
      const bids: BookLevel[] = [0, 1, 2].map((k) => [mid - 5 - 10 * k, 2 + k * 3])
      const asks: BookLevel[] = [0, 1, 2].map((k) => [mid + 5 + 10 * k, 2 + k * 3])
      h.market.setBook(BTC, bids, asks)
    }
    const side = script() < 0.5 ? 'buy' : 'sell'
    const market = script() < 0.3
    const offset = Math.round((script() - 0.5) * 40)
    const request = h.order({
      side,
      type: market ? 'market' : 'limit',
      price: market ? null : mid + offset,
      amount: 1 + Math.floor(script() * 4),
      timeInForce: script() < 0.2 ? 'IOC' : 'GTC',
    })
    h.exchange.execution.submit(request).then(
      (s) => log.push(`ack ${s.clientOrderId} ${s.status} ${s.filled} ${s.createdAt}`),
      (e: unknown) => log.push(`refused ${request.clientOrderId} ${String(e)}`),
    )
    if (i % 5 === 0) h.market.printTrade(BTC, mid + (script() < 0.5 ? -12 : 12), 3, side)
    if (i % 9 === 0) h.market.setMark(BTC, mid)
    await h.settle(2)
  }
  await h.settle(500)
  log.push(JSON.stringify(await h.drive(h.exchange.execution.positions())), JSON.stringify(await h.drive(h.exchange.execution.balances())))
  return log
}

describe('simulated exchange determinism', () => {
  it('gives identical event logs for the same seed and script', async () => {
    const first = await session(11, 8)
    const second = await session(11, 8)
    expect(first.length).toBeGreaterThan(100)
    expect(second).toEqual(first)
  })

  it('changes latency-dependent outcomes with another seed', async () => {
    expect(await session(12, 8)).not.toEqual(await session(11, 8))
  })

  it('is unaffected by the seed when there is no jitter: latency is the only randomness', async () => {
    expect(await session(12, 0)).toEqual(await session(11, 0))
  })
})
