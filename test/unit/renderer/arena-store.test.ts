import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createClient } from '../../../src/shared/contract/client'
import type { CycleReport } from '../../../src/shared/contract/domains/pilots'
import { fail, type Envelope } from '../../../src/shared/contract/envelope'
import type { PilotStatus } from '../../../src/shared/domain/agents/pilot'
import { setClient } from '../../../src/renderer/src/api/client'
import { controlPilot, loadPilots, pilotChanged, resetPilotsStore, usePilotsStore } from '../../../src/renderer/src/stores/arena-pilots-store'
import { ARENA_REFRESH_MS, arenaUpdated, loadArena, requestArenaRefresh, resetArenaStore, sortLeaderboardBy, useArenaStore } from '../../../src/renderer/src/stores/arena-store'
import { deferred, ok, row, scriptedTransport, status, type Handler } from './feed-arena-fixtures'

function useKernel(handlers: Record<string, Handler>): ReturnType<typeof scriptedTransport> {
  const transport = scriptedTransport(handlers)
  setClient(createClient(transport))
  return transport
}

const count = (transport: ReturnType<typeof scriptedTransport>, channel: string): number => transport.calls.filter((c) => c.channel === channel).length

const report = (pilotId: string): CycleReport => ({
  pilotId,
  cycleId: 'c1',
  snapshotHash: 'h',
  startedAt: 1,
  durationMs: 10,
  decisions: 1,
  intents: 1,
  sent: 1,
  outcome: 'traded',
  detail: null,
})

describe('the arena store', () => {
  beforeEach(() => {
    resetArenaStore()
    resetPilotsStore()
  })
  afterEach(() => {
    resetArenaStore()
    vi.useRealTimers()
  })

  it('loads the leaderboard and the pilot views, and shows a failure of either', async () => {
    useKernel({ 'arena.leaderboard': () => ok([row('rules')]), 'arena.pilots': () => fail('unavailable', 'arena.pilots is not available yet') })
    await loadArena()
    const state = useArenaStore.getState()
    expect(state.rows?.map((r) => r.pilotId)).toEqual(['rules'])
    expect(state.views).toBeNull()
    expect(state.viewsError?.code).toBe('unavailable')
  })

  it('takes the rows of arena.updated at once and refetches curves at most every two seconds', async () => {
    vi.useFakeTimers()
    const transport = useKernel({ 'arena.leaderboard': () => ok([row('rules')]), 'arena.pilots': () => ok([]) })
    arenaUpdated([row('rules', { returnPct: 1.5 })])
    expect(useArenaStore.getState().rows?.[0]?.returnPct).toBe(1.5)
    expect(count(transport, 'arena.pilots')).toBe(1)
    for (let i = 0; i < 8; i++) {
      await vi.advanceTimersByTimeAsync(200)
      requestArenaRefresh()
      arenaUpdated([row('rules')])
    }
    expect(count(transport, 'arena.pilots')).toBe(1)
    await vi.advanceTimersByTimeAsync(ARENA_REFRESH_MS)
    expect(count(transport, 'arena.pilots')).toBe(2)
    await vi.advanceTimersByTimeAsync(ARENA_REFRESH_MS * 3)
    expect(count(transport, 'arena.pilots')).toBe(2)
  })

  it('sorts by a column, and flips on a second click', () => {
    sortLeaderboardBy('sharpe')
    expect(useArenaStore.getState().sort).toEqual({ column: 'sharpe', direction: 'desc' })
    sortLeaderboardBy('sharpe')
    expect(useArenaStore.getState().sort).toEqual({ column: 'sharpe', direction: 'asc' })
  })
})

describe('pilot controls', () => {
  beforeEach(() => resetPilotsStore())

  it('lists pilots by id and follows pilots.changed', async () => {
    useKernel({ 'pilots.list': () => ok([status('rules'), status('deepseek', { state: 'waiting_for_key' })]) })
    await loadPilots()
    expect(Object.keys(usePilotsStore.getState().statuses ?? {}).sort()).toEqual(['deepseek', 'rules'])
    pilotChanged(status('deepseek', { state: 'paused' }))
    expect(usePilotsStore.getState().statuses?.deepseek?.state).toBe('paused')
  })

  it('applies the answer of a control and holds other clicks while it runs', async () => {
    const answer = deferred<Envelope<PilotStatus>>()
    const transport = useKernel({ 'pilots.pause': () => answer.promise })
    const first = controlPilot('rules', 'pause')
    expect(usePilotsStore.getState().busy).toEqual({ rules: 'pause' })
    await controlPilot('rules', 'stop') // refused locally: one control at a time per pilot
    expect(count(transport, 'pilots.stop')).toBe(0)
    answer.resolve(ok(status('rules', { state: 'paused' })))
    await first
    expect(usePilotsStore.getState()).toMatchObject({ busy: {}, controlErrors: {} })
    expect(usePilotsStore.getState().statuses?.rules?.state).toBe('paused')
  })

  it('records the cycle of Run now, and keeps a refusal with the control it answered', async () => {
    useKernel({ 'pilots.runNow': () => ok(report('rules')), 'pilots.resume': () => fail('forbidden', 'no key for deepseek') })
    await controlPilot('rules', 'runNow')
    expect(usePilotsStore.getState().lastCycles.rules?.outcome).toBe('traded')
    await controlPilot('deepseek', 'resume')
    expect(usePilotsStore.getState().controlErrors.deepseek).toEqual({ control: 'resume', error: { code: 'forbidden', message: 'no key for deepseek' } })
  })
})
