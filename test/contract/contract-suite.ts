import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventPayload } from '../../src/shared/contract/channels'
import { createClient, type RawTransport, type WorkstationClient } from '../../src/shared/contract/client'
import { ContractCallError } from '../../src/shared/contract/envelope'
import type { ShellKind } from '../../src/shared/domain/system'
import { makeTempDir } from '../support/temp-dir'
import { createTestKernel, type TestKernel } from '../support/test-kernel'
import { defineKeysContract } from './order-path-keys'
import { defineOrderContract } from './order-path-orders'
import { defineRiskContract } from './order-path-risk'

/** One transport wired to a running test kernel, as a renderer would see it. */
export interface TransportUnderTest {
  raw: RawTransport
  close(): Promise<void>
}

export interface ContractSuiteOptions {
  shell: ShellKind
  /** Connects a renderer-side raw transport to the kernel through the transport being tested. */
  connect(kernel: TestKernel): Promise<TransportUnderTest>
}

/** Waits until `predicate` holds, flushing I/O between checks; fails after `ms`. */
export async function until(predicate: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/**
 * The contract suite: every transport must pass it unchanged. It talks only
 * through the renderer's raw transport and typed client, never to the kernel
 * directly, except to check that bad input wrote nothing.
 */
export function defineContractSuite(name: string, options: ContractSuiteOptions): void {
  describe(`contract over ${name}`, () => {
    let dir: ReturnType<typeof makeTempDir>
    let kernel: TestKernel
    let transport: TransportUnderTest
    let client: WorkstationClient

    const open = async (): Promise<void> => {
      kernel = createTestKernel(dir.path, options.shell)
      transport = await options.connect(kernel)
      client = createClient(transport.raw)
      // The start's reconciliation writes to the audit log; the tests below count its rows.
      await kernel.workstation.orderPath.reconciled
    }
    const shut = async (): Promise<void> => {
      await transport.close()
      await kernel.workstation.shutdown()
    }

    beforeEach(async () => {
      dir = makeTempDir()
      await open()
    })
    afterEach(async () => {
      await shut()
      dir.remove()
    })

    it('system.info names the version, shell, mode and data dir', async () => {
      const info = await client.call('system.info')
      expect(info).toMatchObject({ version: '0.0.0-test', shell: options.shell, mode: 'paper', dataDir: dir.path })
    })

    it('system.ping echoes the nonce with kernel time', async () => {
      const answer = await client.call('system.ping', { nonce: 'n-42' })
      expect(answer).toEqual({ nonce: 'n-42', at: kernel.clock.now() })
    })

    it('system.health reports every component running', async () => {
      const health = await client.call('system.health')
      expect(health.overall).toBe('running')
      expect(health.components.map((c) => c.name).sort()).toEqual(['heartbeat', 'history', 'order-path', 'settings', 'storage', 'venue:sim'])
    })

    it('settings round-trip, persist across a restart, and announce the change', async () => {
      expect(await client.call('settings.get')).toEqual({ language: null, theme: 'dark', logLevel: 'info' })
      const seen: unknown[] = []
      const off = client.on('settings.changed', (s) => seen.push(s))
      await until(() => kernel.workstation.bus.listenerCount('settings.changed') > 0)
      const updated = await client.call('settings.update', { language: 'zh-CN', logLevel: 'debug' })
      expect(updated).toEqual({ language: 'zh-CN', theme: 'dark', logLevel: 'debug' })
      await until(() => seen.length === 1)
      expect(seen[0]).toEqual(updated)
      off()

      await shut()
      await open()
      expect(await client.call('settings.get')).toEqual(updated)
    })

    it('heartbeat arrives once per kernel second and stops after unsubscribe', async () => {
      const beats: { seq: number; at: number }[] = []
      const off = client.on('system.heartbeat', (b) => beats.push(b))
      await until(() => kernel.workstation.bus.listenerCount('system.heartbeat') > 0)
      kernel.clock.advance(3000)
      await until(() => beats.length === 3)
      expect(beats.map((b) => b.at - beats[0]!.at)).toEqual([0, 1000, 2000])
      off()
      await until(() => kernel.workstation.bus.listenerCount('system.heartbeat') === 0)
      kernel.clock.advance(2000)
      await new Promise((resolve) => setTimeout(resolve, 30))
      expect(beats).toHaveLength(3)
    })

    it('market.listVenues names the simulator as simulated, and market.listMarkets its symbols', async () => {
      const venues = await client.call('market.listVenues')
      expect(venues).toContainEqual(expect.objectContaining({ id: 'sim', simulated: true, connection: 'idle' }))
      const markets = await client.call('market.listMarkets', { venue: 'sim' })
      expect(markets.map((m) => m.symbol)).toEqual(expect.arrayContaining(['BTC/USDT:USDT', 'ETH/USDT:USDT']))
      expect((await client.call('market.listVenues')).find((v) => v.id === 'sim')?.connection).toBe('connected')
    })

    it('market.watch returns candle history, then streams live events until market.unwatch', async () => {
      const seen = { book: 0, ticker: 0, trades: 0, candle: 0, status: [] as string[] }
      const offs = [
        client.on('market.bookUpdated', (b) => b.symbol === 'BTC/USDT:USDT' && b.bids[0]![0] < b.asks[0]![0] && seen.book++),
        client.on('market.tickerUpdated', () => seen.ticker++),
        client.on('market.tradesPrinted', (t) => (seen.trades += t.trades.length)),
        client.on('market.candleUpdated', (c) => c.timeframe === '1m' && seen.candle++),
        client.on('market.feedStatusChanged', (s) => seen.status.push(`${s.stream}:${s.status}`)),
      ]
      await until(() => kernel.workstation.bus.listenerCount('market.feedStatusChanged') > 0)
      const watch = await client.call('market.watch', { venue: 'sim', symbol: 'BTC/USDT:USDT', streams: ['ticker', 'book', 'trades', 'candles'], timeframe: '1m', depth: 15 })
      expect(watch.instrument).toMatchObject({ venue: 'sim', symbol: 'BTC/USDT:USDT' })
      expect(watch.history.length).toBeGreaterThan(50)
      expect(watch.history.at(-1)!.timestamp).toBeLessThanOrEqual(kernel.clock.now())

      kernel.clock.advance(5_000)
      await until(() => seen.book > 0 && seen.ticker > 0 && seen.trades > 0 && seen.candle > 0, 10_000)
      expect(seen.book).toBeLessThanOrEqual(5_000 / 16 + 1) // coalesced: never more than one per frame
      expect(seen.status).toEqual(expect.arrayContaining(['book:live', 'trades:live']))

      expect(await client.call('market.unwatch', { watchId: watch.watchId })).toEqual({ watchId: watch.watchId, released: true })
      await until(() => seen.status.includes('book:closed'), 10_000)
      const before = { ...seen }
      kernel.clock.advance(5_000)
      await new Promise((resolve) => setTimeout(resolve, 30))
      expect([seen.book, seen.ticker, seen.trades, seen.candle]).toEqual([before.book, before.ticker, before.trades, before.candle])
      expect(await client.call('market.unwatch', { watchId: watch.watchId })).toEqual({ watchId: watch.watchId, released: false })
      for (const off of offs) off()
    })

    it('market.watch refuses an unknown symbol, venue or timeframe with a message naming what is valid', async () => {
      const symbol = await transport.raw.call('market.watch', { venue: 'sim', symbol: 'BTC/USD', streams: ['book'], timeframe: '1m' })
      expect(symbol).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('BTC/USDT:USDT') } })
      const venue = await transport.raw.call('market.watch', { venue: 'nowhere', symbol: 'BTC/USDT:USDT', streams: ['book'], timeframe: '1m' })
      expect(venue).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Unknown venue "nowhere"; expected one of: sim' } })
      const timeframe = await transport.raw.call('market.watch', { venue: 'sim', symbol: 'BTC/USDT:USDT', streams: ['book'], timeframe: '2m' })
      expect(timeframe).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      expect(JSON.stringify(timeframe)).toContain('timeframe must be one of 1m, 5m, 15m, 1h, 4h, 1d; received \\"2m\\"')
      expect(kernel.workstation.market.subscriptionCount()).toBe(0)
    })

    it('market.downloadHistory stores a range from the simulator, with progress and a final event, and a later watch draws it', async () => {
      const events: EventPayload<'market.historyProgressed'>[] = []
      const off = client.on('market.historyProgressed', (p) => events.push(p))
      await until(() => kernel.workstation.bus.listenerCount('market.historyProgressed') > 0)
      const now = kernel.clock.now()
      const range = { venue: 'sim', symbol: 'BTC/USDT:USDT', timeframe: '1m', from: now - 600 * 60_000, to: now } as const
      const { downloadId } = await client.call('market.downloadHistory', range)
      await until(() => events.some((e) => e.status !== 'running'))
      off()
      expect(events[0]).toMatchObject({ downloadId, status: 'running', total: 600 })
      expect(events.at(-1)).toMatchObject({ downloadId, ...range, status: 'completed', done: 600, total: 600, fetched: 600, missing: 0, error: null })
      expect(kernel.marketStore.candles({ venue: 'sim', symbol: 'BTC/USDT:USDT', timeframe: '1m' }, range.from, now)).toHaveLength(600)
      expect(await client.call('market.listDownloads')).toEqual([events.at(-1)])
      expect(kernel.store.audit.tail(5).map((e) => e.kind)).toContain('market.historyDownloaded')
      expect(await client.call('market.cancelDownload', { downloadId })).toEqual({ downloadId, cancelled: false })

      // The venue answers the newest 300 bars; the stored ones before them join without a hole.
      const watch = await client.call('market.watch', { venue: 'sim', symbol: 'BTC/USDT:USDT', streams: ['candles'], timeframe: '1m' })
      expect(watch.history.length).toBeGreaterThanOrEqual(600)
      expect(watch.history[0]!.timestamp).toBe(range.from)
      expect(watch.history.every((c, i) => i === 0 || c.timestamp - watch.history[i - 1]!.timestamp === 60_000)).toBe(true)
      await client.call('market.unwatch', { watchId: watch.watchId })
    })

    it('market.downloadHistory refuses a range past now, one too long, or an unknown symbol, naming what is wrong', async () => {
      const now = kernel.clock.now()
      const base = { venue: 'sim', symbol: 'BTC/USDT:USDT', timeframe: '1m' } as const
      const future = await transport.raw.call('market.downloadHistory', { ...base, from: now - 60_000 * 10, to: now + 86_400_000 })
      expect(future).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('later than now') } })
      const long = await transport.raw.call('market.downloadHistory', { ...base, from: now - 365 * 86_400_000, to: now })
      expect(long).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('more than the 100000 one download may fetch') } })
      const symbol = await transport.raw.call('market.downloadHistory', { ...base, symbol: 'BTC/USD', from: now - 600_000, to: now })
      expect(symbol).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('BTC/USDT:USDT') } })
      const backwards = await transport.raw.call('market.downloadHistory', { ...base, from: now, to: now - 600_000 })
      expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      expect(await client.call('market.listDownloads')).toEqual([])
    })

    it('an unknown channel gets an error envelope', async () => {
      const envelope = await transport.raw.call('orders.teleport', {})
      expect(envelope).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
    })

    it('input failing its schema is refused before the handler runs and writes nothing', async () => {
      const auditBefore = kernel.store.audit.tail(1)[0]!.seq
      for (const bad of [{ language: 'klingon' }, {}, { logLevel: 'debug', extra: 1 }, 'zh-CN', null]) {
        const envelope = await transport.raw.call('settings.update', bad)
        expect(envelope.ok).toBe(false)
        if (!envelope.ok) expect(envelope.error.code).toBe('invalid_input')
      }
      expect(await client.call('settings.get')).toEqual({ language: null, theme: 'dark', logLevel: 'info' })
      expect(kernel.store.audit.tail(1)[0]!.seq).toBe(auditBefore)
    })

    it('the typed client throws a ContractCallError carrying the code', async () => {
      const call = client.call('system.ping', { nonce: 'x'.repeat(1000) })
      await expect(call).rejects.toBeInstanceOf(ContractCallError)
      await expect(call).rejects.toMatchObject({ code: 'invalid_input' })
    })
  })

  defineOrderContract(name, options)
  defineRiskContract(name, options)
  defineKeysContract(name, options)
}
