import { InvalidNonce, NetworkError } from 'ccxt'
import { describe, expect, it } from 'vitest'
import type { MarketEvent, MarketStream } from '../../../src/main/ports/market-data-client'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import { createMemoryLogger } from '../../../src/main/adapters/logging/memory-logger'
import { StreamRunner, type StreamSource } from '../../../src/main/adapters/ccxt/market-data/stream-runner'

const flush = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}

const stream: MarketStream = { kind: 'ticker', symbol: 'BTC/USDT:USDT' }
const tick = (last: number): MarketEvent => ({ kind: 'ticker', ticker: { venue: 'okx', symbol: stream.symbol, bid: null, ask: null, bidSize: null, askSize: null, last, baseVolume: null, timestamp: 0 } })

/** A source whose next() calls the test answers one by one. */
function scriptedSource() {
  const waiting: { resolve(events: MarketEvent[]): void; reject(error: unknown): void }[] = []
  const calls = { resubscribe: 0, close: 0 }
  const source: StreamSource = {
    next: () => new Promise((resolve, reject) => waiting.push({ resolve, reject })),
    resubscribe: async () => void calls.resubscribe++,
    close: async () => void calls.close++,
  }
  return { source, waiting, calls }
}

function rig() {
  const clock = createTestClock(0)
  const { source, waiting, calls } = scriptedSource()
  const counters = { resyncs: 0, reconnects: 0 }
  const runner = new StreamRunner(stream, source, {
    clock,
    logger: createMemoryLogger('error'),
    random: () => 0,
    reconnect: { baseMs: 100, factor: 2, capMs: 1000 },
    staleAfterMs: 4500,
    staleCheckMs: 250,
    onResync: () => void counters.resyncs++,
    onReconnect: () => void counters.reconnects++,
  })
  const events: MarketEvent[] = []
  runner.listeners.add((e) => events.push(e))
  const statuses = (): string[] => events.flatMap((e) => (e.kind === 'status' ? [e.status] : []))
  return { clock, runner, waiting, calls, counters, events, statuses }
}

describe('stream runner', () => {
  it('goes live on data and is marked stale within 5 s of silence, then live again', async () => {
    const { clock, runner, waiting, statuses, events } = rig()
    runner.start()
    await flush()
    waiting.shift()!.resolve([tick(1)])
    await flush()
    expect(statuses()).toEqual(['connecting', 'live'])
    clock.advance(4499)
    expect(statuses()).toEqual(['connecting', 'live'])
    clock.advance(251)
    expect(statuses()).toEqual(['connecting', 'live', 'stale'])
    waiting.shift()!.resolve([tick(2)])
    await flush()
    expect(statuses()).toEqual(['connecting', 'live', 'stale', 'live'])
    expect(events.filter((e) => e.kind === 'ticker')).toHaveLength(2)
  })

  it('reconnects with growing backoff after connection errors', async () => {
    const { clock, runner, waiting, statuses, counters } = rig()
    runner.start()
    await flush()
    waiting.shift()!.reject(new NetworkError('connection closed by remote server, closing code 1006'))
    await flush()
    expect(statuses()).toEqual(['connecting', 'reconnecting'])
    expect(waiting).toHaveLength(0)
    clock.advance(50)
    await flush()
    expect(waiting).toHaveLength(1)
    waiting.shift()!.reject(new NetworkError('again'))
    await flush()
    clock.advance(99)
    await flush()
    expect(waiting).toHaveLength(0)
    clock.advance(1)
    await flush()
    waiting.shift()!.resolve([tick(1)])
    await flush()
    expect(statuses().at(-1)).toBe('live')
    expect(counters.reconnects).toBe(2)
  })

  it('resubscribes on a sequence gap from ccxt and on its own request, counting each', async () => {
    const { runner, waiting, calls, counters, statuses } = rig()
    runner.start()
    await flush()
    waiting.shift()!.reject(new InvalidNonce('okx watchOrderBook received invalid nonce'))
    await flush()
    expect(calls.resubscribe).toBe(1)
    runner.requestResync('malformed frame')
    await flush()
    expect(calls.resubscribe).toBe(2)
    expect(counters).toEqual({ resyncs: 2, reconnects: 0 })
    expect(statuses()).toEqual(['connecting', 'reconnecting', 'reconnecting'])
    // the abandoned wait settling late changes nothing
    waiting.shift()!.resolve([tick(9)])
    await flush()
    expect(waiting).toHaveLength(1)
  })

  it('stops delivering and unsubscribes on close', async () => {
    const { runner, waiting, calls, events, statuses } = rig()
    runner.start()
    await flush()
    await runner.close()
    const before = events.length
    waiting.shift()?.resolve([tick(1)])
    await flush()
    expect(events.length).toBe(before)
    expect(statuses().at(-1)).toBe('closed')
    expect(calls.close).toBe(1)
  })
})
