import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../src/main/adapters/logging/memory-logger'
import { openMarketStore } from '../../src/main/adapters/market-store'
import { openSqliteProfileStore } from '../../src/main/adapters/sqlite/sqlite-profile-store'
import { createMarketVenues } from '../../src/main/composition/market-venues'
import { marketDataPath, sha256Hex } from '../../src/main/composition/profile-ports'
import { createVenueAccess } from '../../src/main/composition/venue-access'
import { endpointOverridesFor } from '../../src/main/composition/venue-endpoints'
import { createLiveClock } from '../../src/main/core/clock/live-clock'
import { createWorkstation, type Workstation } from '../../src/main/core/workstation'
import type { CommandName, CommandOutput } from '../../src/shared/contract/channels'
import type { Envelope } from '../../src/shared/contract/envelope'
import { startFakeOkx, type FakeOkx } from '../support/fake-okx'
import { createMemorySecretStore, type MemorySecretStore } from '../support/memory-secret-store'
import { createScriptedApprover, type ScriptedApprover } from '../support/scripted-approver'
import { makeTempDir } from '../support/temp-dir'

const SWAP = 'BTC/USDT:USDT'

async function until(predicate: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

// A live account end to end against the fake OKX on 127.0.0.1, in process on
// the wall clock: its key tested and stored in a (memory) keychain, live
// trading enabled with two approvals, an order resting on the venue, and the
// kill switch leaving nothing of ours open there. The secrets must show up
// nowhere but in the keychain.
describe('a live OKX account through the kernel', () => {
  let dir: ReturnType<typeof makeTempDir>
  let fake: FakeOkx
  let workstation: Workstation
  let approver: ScriptedApprover
  let secrets: MemorySecretStore
  let logger: ReturnType<typeof createMemoryLogger>

  const call = async <C extends CommandName>(channel: C, input?: unknown): Promise<CommandOutput<C>> => {
    const envelope = (await workstation.dispatch(channel, input)) as Envelope<CommandOutput<C>>
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code}: ${envelope.error.message}`)
    return envelope.value
  }

  beforeEach(async () => {
    dir = makeTempDir()
    fake = await startFakeOkx()
    const endpoints = { okx: endpointOverridesFor(fake.restUrl) }
    const clock = createLiveClock()
    logger = createMemoryLogger('debug')
    const store = openSqliteProfileStore(dir.path, () => {})
    const venues = createMarketVenues(clock, logger, { venues: ['sim', 'okx'], endpoints })
    secrets = createMemorySecretStore()
    approver = createScriptedApprover()
    const trading = createVenueAccess({ venues, clock, logger, secrets, endpoints })
    workstation = createWorkstation(
      { version: '0.0.0-test', shell: 'headless', dataDir: dir.path },
      { clock, logger, store, marketStore: openMarketStore(marketDataPath(dir.path)), venues, trading, approver, secrets, sha256: sha256Hex },
    )
    await workstation.orderPath.reconciled
  })

  afterEach(async () => {
    await workstation.shutdown()
    await fake.close()
    dir.remove()
  })

  /** Stores the fake's key and enables live trading on 'okx-live', both approved, and waits for its balance. */
  const goLive = async (): Promise<void> => {
    await call('accounts.create', { id: 'okx-live', name: 'OKX live', venue: 'okx', mode: 'live' })
    approver.script('approved')
    await call('exchanges.saveKey', { accountId: 'okx-live', apiKey: fake.credentials.apiKey, secret: fake.credentials.secret, passphrase: fake.credentials.password!, confirmed: true })
    approver.script('approved')
    await call('accounts.setLiveTrading', { accountId: 'okx-live', enabled: true, confirmed: true })
    await until(async () => ((await call('portfolio.snapshot')).accounts.find((a) => a.accountId === 'okx-live')?.equity ?? 0) > 0, "the venue's balance in the portfolio")
  }
  const restingBuy = (price: number) => ({
    draft: { accountId: 'okx-live', venue: 'okx', symbol: SWAP, side: 'buy', type: 'limit', amount: 1, price, timeInForce: 'GTC', postOnly: false, reduceOnly: false, leverage: null, ttlMs: 600_000, partialFillPolicy: 'cancel_rest', stopLoss: null, takeProfit: null },
    confirmed: true,
  })

  // The race the kill switch must win: submissions still between the risk
  // check and the venue when the halt lands must not leave orders resting.
  it('a kill switch engaged mid-burst leaves nothing of ours open on the venue', async () => {
    await goLive()
    // Engaged from the first order update, while the rest of the burst is still on its way.
    let kill: Promise<CommandOutput<'risk.killSwitch.engage'>> | null = null
    const off = workstation.bus.subscribe('orders.updated', () => {
      kill ??= call('risk.killSwitch.engage', { scope: { kind: 'account', accountId: 'okx-live' }, flatten: false, confirmed: true })
    })
    const burst = Array.from({ length: 20 }, (_, i) => call('orders.submit', restingBuy(59_000 - i * 10)))
    await until(() => kill !== null, 'the first order update')
    off()
    await until(() => workstation.orderPath.breakers.status({ kind: 'account', accountId: 'okx-live' }).state === 'halted', 'the halt')
    const late = await Promise.all(Array.from({ length: 5 }, (_, i) => call('orders.submit', restingBuy(58_000 - i * 10))))
    const [receipt, outcomes] = await Promise.all([kill!, Promise.all(burst)])

    expect(receipt).toMatchObject({ openOrdersRemaining: 0, completedAt: expect.any(Number) })
    for (const outcome of late) {
      expect(outcome).toMatchObject({ status: 'rejected', order: null })
      expect(outcome.verdict.reasons.map((r) => r.code)).toContain('breaker_halted')
    }
    expect(outcomes.some((o) => o.status === 'sent')).toBe(true)
    // Asked after everything settled: the venue itself holds nothing of ours open.
    expect(fake.orders().filter((o) => o.state === 'live' || o.state === 'partially_filled')).toEqual([])
    expect(await call('orders.list', { accountId: 'okx-live', scope: 'open' })).toEqual([])
  }, 60_000)

  it('stores a tested key, enables live trading with approvals, rests an order and kills it on the venue', async () => {
    const key = { apiKey: fake.credentials.apiKey, secret: fake.credentials.secret, passphrase: fake.credentials.password! }
    await call('accounts.create', { id: 'okx-live', name: 'OKX live', venue: 'okx', mode: 'live' })

    const wrong = await workstation.dispatch('exchanges.saveKey', { accountId: 'okx-live', ...key, secret: 'not-the-secret', confirmed: true })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('refused the test call') } })
    expect(secrets.entries.size).toBe(0)

    approver.script('approved')
    const saved = await call('exchanges.saveKey', { accountId: 'okx-live', ...key, confirmed: true })
    expect(saved).toMatchObject({ accountId: 'okx-live', keychainAvailable: true, stored: true, keyHint: key.apiKey.slice(-4), verifiedAt: expect.any(Number), warnings: [] })
    expect(approver.requests[0]!.title).toBe('Store an API key for okx account okx-live')
    expect(JSON.parse(secrets.entries.get('api-key:okx-live')!)).toEqual(key)

    approver.script('approved')
    expect(await call('accounts.setLiveTrading', { accountId: 'okx-live', enabled: true, confirmed: true })).toMatchObject({ liveEnabled: true, keyStored: true })
    await until(async () => ((await call('portfolio.snapshot')).accounts.find((a) => a.accountId === 'okx-live')?.equity ?? 0) > 0, "the venue's balance in the portfolio")

    const outcome = await call('orders.submit', {
      draft: { accountId: 'okx-live', venue: 'okx', symbol: SWAP, side: 'buy', type: 'limit', amount: 1, price: 59_500, timeInForce: 'GTC', postOnly: false, reduceOnly: false, leverage: null, ttlMs: 600_000, partialFillPolicy: 'cancel_rest', stopLoss: null, takeProfit: null },
      confirmed: true,
    })
    expect(outcome).toMatchObject({ status: 'sent', order: { state: 'open', venue: 'okx' } })
    expect(fake.orders().filter((o) => o.state === 'live')).toHaveLength(1)

    const receipt = await call('risk.killSwitch.engage', { scope: { kind: 'account', accountId: 'okx-live' }, flatten: false, confirmed: true })
    expect(receipt).toMatchObject({ ordersCancelled: 1, openOrdersRemaining: 0, completedAt: expect.any(Number) })
    expect(fake.orders().filter((o) => o.state === 'live' || o.state === 'partially_filled')).toEqual([])

    // The secret and the full key id are nowhere but in the keychain.
    const audit = JSON.stringify(workstation.orderPath.accounts.list()) + JSON.stringify(logger.records)
    const files = readdirSync(dir.path).filter((f) => f.startsWith('workstation.sqlite')).map((f) => readFileSync(join(dir.path, f)).toString('latin1'))
    for (const text of [audit, ...files]) {
      for (const secret of [key.apiKey, key.secret, key.passphrase]) expect(text.includes(secret)).toBe(false)
    }
    expect(files.join('')).toContain('exchanges.keySaved')
  }, 60_000)
})
