import { beforeEach, describe, expect, it } from 'vitest'
import type { VenueStatus } from '../../../src/shared/contract/domains/market'
import type { NewPilot } from '../../../src/shared/contract/domains/pilots'
import { createClient } from '../../../src/shared/contract/client'
import { fail } from '../../../src/shared/contract/envelope'
import type { PilotStatus } from '../../../src/shared/domain/agents/pilot'
import { setClient } from '../../../src/renderer/src/api/client'
import { loadPilots, pilotChanged, reloadPilots, resetPilotsStore, usePilotsStore } from '../../../src/renderer/src/stores/arena-pilots-store'
import { resetArenaStore, useArenaStore } from '../../../src/renderer/src/stores/arena-store'
import {
  closePilotSettings,
  createPilot,
  dismissCreatedPilot,
  loadPilotVenues,
  openNewPilot,
  openPilotSettings,
  removePilot,
  resetPilotEditorStore,
  usePilotEditorStore,
} from '../../../src/renderer/src/stores/pilot-editor-store'
import { deferred, ok, row, scriptedTransport, status, type Handler } from './feed-arena-fixtures'

function useKernel(handlers: Record<string, Handler>): ReturnType<typeof scriptedTransport> {
  const transport = scriptedTransport(handlers)
  setClient(createClient(transport))
  return transport
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

const draft: NewPilot = {
  id: 'eth-reversion',
  name: 'ETH reversion',
  pipeline: 'solo',
  model: { providerId: 'rules', model: 'mean_reversion' },
  roleModels: {},
  strategy: 'mean_reversion',
  fallbackToRules: true,
  venue: 'sim',
  symbols: ['ETH/USDT:USDT'],
  cadenceMs: 300_000,
  budget: { tokensPerDay: 3_000_000, usdPerDay: 5 },
}

/** What the kernel answers: the new pilot, paused, on an account named after it. */
function created(input: NewPilot): PilotStatus {
  const { startingBalance: _deposit, ...config } = input
  return status(input.id, { state: 'paused', config: { ...config, accountId: `pilot-${input.id}`, enabled: false, createdAt: 5 } })
}

const sim: VenueStatus = {
  id: 'sim',
  name: 'Simulator',
  simulated: true,
  capabilities: {
    marketTypes: ['swap'],
    orderTypes: ['market', 'limit'],
    timeInForce: ['GTC'],
    postOnly: false,
    reduceOnly: true,
    amend: false,
    websocket: { ticker: true, book: true, trades: true, candles: true, orders: true },
    demoMode: false,
    fetchHistory: true,
  },
  connection: 'connected',
  detail: null,
}

describe('creating and removing pilots from the Arena', () => {
  beforeEach(() => {
    resetPilotEditorStore()
    resetPilotsStore()
    resetArenaStore()
  })

  it('opens one dialog at a time: a new pilot or an existing one', () => {
    openPilotSettings('rules')
    openNewPilot()
    expect(usePilotEditorStore.getState()).toMatchObject({ editing: null, creating: true })
    openPilotSettings('qwen')
    expect(usePilotEditorStore.getState()).toMatchObject({ editing: 'qwen', creating: false })
    openNewPilot()
    closePilotSettings()
    expect(usePilotEditorStore.getState()).toMatchObject({ editing: null, creating: false })
  })

  it('creates the pilot with the default deposit, shows it paused at once, and asks both lists again', async () => {
    const kernelPilots = [status('rules')]
    const transport = useKernel({
      'pilots.create': (input) => {
        const status = created(input as NewPilot)
        kernelPilots.push(status)
        return ok(status)
      },
      'pilots.list': () => ok(kernelPilots),
      'arena.leaderboard': () => ok([row('rules'), row('eth-reversion', { state: 'paused', startingEquity: 10_000 })]),
      'arena.pilots': () => ok([]),
    })
    pilotChanged(status('rules'))
    const result = await createPilot(draft)
    expect(result.ok).toBe(true)
    // The contract's default deposit is filled in before the call.
    expect(transport.calls[0]).toEqual({ channel: 'pilots.create', input: { ...draft, startingBalance: 10_000 } })
    expect(usePilotsStore.getState().statuses?.['eth-reversion']?.state).toBe('paused')
    expect(usePilotEditorStore.getState().created).toEqual({ pilotId: 'eth-reversion', accountId: 'pilot-eth-reversion', startingBalance: 10_000 })
    await settle()
    expect(transport.calls.map((c) => c.channel).sort()).toEqual(['arena.leaderboard', 'arena.pilots', 'pilots.create', 'pilots.list'])
    expect(useArenaStore.getState().rows?.map((r) => r.pilotId)).toEqual(['rules', 'eth-reversion'])
    expect(Object.keys(usePilotsStore.getState().statuses ?? {})).toEqual(['rules', 'eth-reversion'])

    dismissCreatedPilot()
    expect(usePilotEditorStore.getState().created).toBeNull()
  })

  it("returns the kernel's refusal and adds nothing", async () => {
    useKernel({ 'pilots.create': () => fail('invalid_input', 'venue sim does not list DOGE/USDT:USDT') })
    const result = await createPilot({ ...draft, symbols: ['DOGE/USDT:USDT'], startingBalance: 2500 })
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: 'venue sim does not list DOGE/USDT:USDT' } })
    expect(usePilotsStore.getState().statuses).toBeNull()
    expect(usePilotEditorStore.getState().created).toBeNull()
  })

  it('refuses a pilot the contract does not accept before it reaches the kernel', async () => {
    const transport = useKernel({ 'pilots.create': (input) => ok(created(input as NewPilot)) })
    const result = await createPilot({ ...draft, id: 'ETH Reversion', startingBalance: 0 })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input')
      expect(result.error.message).toMatch(/^id: .*startingBalance: /)
    }
    expect(transport.calls).toEqual([])
  })

  it('removes the pilot after its last "stopped" event, from the pilots, the leaderboard and the cards, and asks again', async () => {
    const kernelPilots = [status('rules'), status('eth-reversion', { state: 'paused' })]
    const transport = useKernel({
      'pilots.remove': (input) => {
        const { pilotId } = input as { pilotId: string }
        // The kernel announces the pilot stopped, then removes it.
        pilotChanged(status(pilotId, { state: 'stopped' }))
        kernelPilots.splice(kernelPilots.findIndex((p) => p.config.id === pilotId), 1)
        return ok({ removed: true })
      },
      'pilots.list': () => ok(kernelPilots),
      'arena.leaderboard': () => ok([row('rules')]),
      'arena.pilots': () => ok([]),
    })
    for (const pilot of kernelPilots) pilotChanged(pilot)
    useArenaStore.setState({ rows: [row('rules'), row('eth-reversion')], views: [] })
    usePilotEditorStore.setState({ editing: 'eth-reversion', created: { pilotId: 'eth-reversion', accountId: 'pilot-eth-reversion', startingBalance: 2500 } })

    expect(await removePilot('eth-reversion')).toBeNull()
    expect(transport.calls[0]).toEqual({ channel: 'pilots.remove', input: { pilotId: 'eth-reversion' } })
    // Gone at once, before the lists answer again.
    expect(usePilotsStore.getState().statuses?.['eth-reversion']).toBeUndefined()
    expect(useArenaStore.getState().rows?.map((r) => r.pilotId)).toEqual(['rules'])
    expect(usePilotEditorStore.getState()).toMatchObject({ editing: null, created: null })
    await settle()
    expect(transport.calls.map((c) => c.channel)).toContain('pilots.list')
    expect(Object.keys(usePilotsStore.getState().statuses ?? {})).toEqual(['rules'])
  })

  it('keeps the pilot when the kernel refuses to remove it', async () => {
    useKernel({ 'pilots.remove': () => fail('unavailable', 'the kernel is shutting down') })
    pilotChanged(status('rules'))
    expect(await removePilot('rules')).toEqual({ code: 'unavailable', message: 'the kernel is shutting down' })
    expect(usePilotsStore.getState().statuses?.rules).toEqual(status('rules'))
  })

  it('lets a newer list win over an older one still on its way', async () => {
    const older = deferred<ReturnType<typeof ok<PilotStatus[]>>>()
    let calls = 0
    useKernel({ 'pilots.list': () => (++calls === 1 ? older.promise : ok([status('rules')])) })
    const first = loadPilots()
    await reloadPilots()
    older.resolve(ok([status('rules'), status('eth-reversion')]))
    await first
    expect(Object.keys(usePilotsStore.getState().statuses ?? {})).toEqual(['rules'])
  })

  it('asks the venues once, and again after a failure', async () => {
    let calls = 0
    const transport = useKernel({ 'market.listVenues': () => (++calls === 1 ? fail('unavailable', 'kernel starting') : ok([sim])) })
    await loadPilotVenues()
    expect(usePilotEditorStore.getState().venuesError?.message).toBe('kernel starting')
    await Promise.all([loadPilotVenues(), loadPilotVenues()])
    await loadPilotVenues()
    expect(usePilotEditorStore.getState()).toMatchObject({ venues: [sim], venuesError: null })
    expect(transport.calls).toHaveLength(2)
  })
})
