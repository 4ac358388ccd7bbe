import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWebSocketTransport, type WebSocketTransport } from '../../src/renderer/src/api/websocket-transport'
import { createClient, type WorkstationClient } from '../../src/shared/contract/client'
import type { BookUpdate, TradesPrinted } from '../../src/shared/contract/domains/market'
import { startFakeOkx, type FakeOkx } from '../support/fake-okx'
import { startServerProcess, type ServerProcess } from '../support/run-cli'
import { makeTempDir } from '../support/temp-dir'

// The headless CLI with OKX pointed at the fake OKX and Binance at a closed
// port, both on 127.0.0.1: a live venue over the real contract, end to end,
// without the internet.

const SWAP = 'BTC/USDT:USDT'
const SWAP_ID = 'BTC-USDT-SWAP'

async function until(predicate: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** A port on 127.0.0.1 nothing listens on: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe('a live venue through the headless CLI', () => {
  let dir: ReturnType<typeof makeTempDir>
  let fake: FakeOkx
  let server: ServerProcess
  let transport: WebSocketTransport
  let client: WorkstationClient

  beforeAll(async () => {
    dir = makeTempDir()
    const rendererDir = join(dir.path, 'renderer')
    mkdirSync(rendererDir)
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>')
    fake = await startFakeOkx()
    const dead = await closedPort()
    server = await startServerProcess([
      ...['--port', '0', '--data-dir', join(dir.path, 'data'), '--renderer-dir', rendererDir],
      ...['--venues', 'sim,okx,binance', '--venue-endpoint', `okx=${fake.restUrl}`, '--venue-endpoint', `binance=http://127.0.0.1:${dead}`],
    ])
    transport = createWebSocketTransport(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`)
    let state = ''
    transport.onStateChange((s) => (state = s))
    await until(() => state === 'open', 'the contract WebSocket')
    client = createClient(transport)
  }, 40_000)

  afterAll(async () => {
    transport?.close()
    await server?.stop()
    await fake?.close()
    dir?.remove()
  })

  it('lists the chosen venues by name, idle and healthy, before anything reached the venue', async () => {
    const venues = await client.call('market.listVenues')
    expect(venues.map((v) => [v.id, v.name, v.simulated, v.connection])).toEqual([
      ['sim', 'Market simulator', true, 'idle'],
      ['okx', 'OKX', false, 'idle'],
      ['binance', 'Binance', false, 'idle'],
    ])
    expect(venues.find((v) => v.id === 'okx')?.capabilities.marketTypes).toEqual(['spot', 'swap'])
    const health = await client.call('system.health')
    const okx = health.components.find((c) => c.name === 'venue:okx')
    expect(okx).toMatchObject({ state: 'running', detail: expect.stringContaining('not connected') })
    expect(health.components.find((c) => c.name === 'venue:binance')?.state).toBe('running')
    expect(fake.requests()).toEqual([])
  })

  it('connects OKX on demand and lists its markets with their trading rules', async () => {
    expect(await client.call('market.connect', { venue: 'okx' })).toMatchObject({ id: 'okx', connection: 'connected', detail: null })
    const markets = await client.call('market.listMarkets', { venue: 'okx' })
    expect(markets.find((m) => m.symbol === SWAP)).toMatchObject({ symbol: SWAP, venue: 'okx', tickSize: 0.1 })
    expect(fake.requests().some((r) => r.path === '/api/v5/public/instruments')).toBe(true)
    const health = await client.call('system.health')
    expect(health.components.find((c) => c.name === 'venue:okx')).toMatchObject({ state: 'running' })
  })

  it("watches the swap's book and trades and forwards the fake's book and prints", async () => {
    const books: BookUpdate[] = []
    const prints: TradesPrinted[] = []
    const offs = [client.on('market.bookUpdated', (b) => b.venue === 'okx' && books.push(b)), client.on('market.tradesPrinted', (t) => t.venue === 'okx' && prints.push(t))]
    try {
      const watch = await client.call('market.watch', { venue: 'okx', symbol: SWAP, streams: ['book', 'trades'], timeframe: '1m' })
      expect(watch.instrument).toMatchObject({ symbol: SWAP, tickSize: 0.1 })
      expect(watch.history.length).toBeGreaterThan(0)
      await until(() => ['books', 'trades'].every((channel) => fake.subscriptions().some((s) => s.arg.channel === channel && s.arg.instId === SWAP_ID)), 'the fake to see both subscriptions')

      fake.setBook(SWAP_ID, [[61_000.1, 5], [61_000, 3]], [[61_000.5, 4], [61_001, 2]])
      await until(() => books.some((b) => b.bids[0]?.[0] === 61_000.1 && b.asks[0]?.[0] === 61_000.5), 'the new book on the bus')
      fake.printTrade(SWAP_ID, 61_000.3, 7, 'buy')
      await until(() => prints.some((p) => p.trades.some((t) => t.price === 61_000.3 && t.side === 'buy')), 'the printed trade on the bus')

      expect(await client.call('market.unwatch', { watchId: watch.watchId })).toEqual({ watchId: watch.watchId, released: true })
    } finally {
      for (const off of offs) off()
    }
  })

  it('reports a venue it cannot reach with a readable error, degraded health, and tries again on the next call', async () => {
    const first = await client.callEnvelope('market.connect', { venue: 'binance' })
    expect(first.ok).toBe(false)
    if (first.ok) return
    expect(first.error.code).toBe('unavailable')
    expect(first.error.message).toMatch(/^Loading the market list on binance failed: /)
    const venue = (await client.call('market.listVenues')).find((v) => v.id === 'binance')
    expect(venue).toMatchObject({ connection: 'failed', detail: expect.any(String) })
    const health = await client.call('system.health')
    expect(health.components.find((c) => c.name === 'venue:binance')).toMatchObject({ state: 'degraded', detail: expect.stringContaining('market list failed to load') })

    // Not a remembered failure: the second call asks the venue again (and fails again, as nothing listens there).
    const second = await client.callEnvelope('market.connect', { venue: 'binance' })
    expect(second.ok).toBe(false)
    // The other venues are unaffected.
    expect((await client.call('market.listVenues')).find((v) => v.id === 'okx')?.connection).toBe('connected')
  }, 40_000)
})
