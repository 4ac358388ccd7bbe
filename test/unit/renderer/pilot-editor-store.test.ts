import { beforeEach, describe, expect, it } from 'vitest'
import { createClient } from '../../../src/shared/contract/client'
import { fail } from '../../../src/shared/contract/envelope'
import type { Instrument } from '../../../src/shared/domain/market'
import { setClient } from '../../../src/renderer/src/api/client'
import { pilotChanged, resetPilotsStore, usePilotsStore } from '../../../src/renderer/src/stores/arena-pilots-store'
import {
  closePilotSettings,
  loadVenueMarkets,
  openPilotSettings,
  resetPilotEditorStore,
  savePilotSettings,
  usePilotEditorStore,
} from '../../../src/renderer/src/stores/pilot-editor-store'
import { deferred, ok, scriptedTransport, status, type Handler } from './feed-arena-fixtures'

function useKernel(handlers: Record<string, Handler>): ReturnType<typeof scriptedTransport> {
  const transport = scriptedTransport(handlers)
  setClient(createClient(transport))
  return transport
}

const market = (symbol: string, active = true): Instrument => ({
  venue: 'sim',
  symbol,
  venueSymbol: symbol.replace(/\W/g, '-'),
  type: 'swap',
  base: symbol.split('/')[0]!,
  quote: 'USDT',
  settle: 'USDT',
  contractSize: 1,
  tickSize: 0.1,
  stepSize: 0.001,
  minSize: 0.001,
  maxSize: null,
  minNotional: null,
  maxLeverage: 20,
  active,
})

describe('the pilot editor store', () => {
  beforeEach(() => {
    resetPilotEditorStore()
    resetPilotsStore()
  })

  it('opens one pilot at a time and closes', () => {
    openPilotSettings('rules')
    openPilotSettings('qwen')
    expect(usePilotEditorStore.getState().editing).toBe('qwen')
    closePilotSettings()
    expect(usePilotEditorStore.getState().editing).toBeNull()
  })

  it("loads a venue's active markets once, sharing a call already under way", async () => {
    const answer = deferred<ReturnType<typeof ok<Instrument[]>>>()
    const transport = useKernel({ 'market.listMarkets': () => answer.promise })
    const first = loadVenueMarkets('sim')
    const second = loadVenueMarkets('sim')
    answer.resolve(ok([market('BTC/USDT:USDT'), market('OLD/USDT:USDT', false), market('ETH/USDT:USDT')]))
    await Promise.all([first, second])
    await loadVenueMarkets('sim')
    expect(transport.calls).toEqual([{ channel: 'market.listMarkets', input: { venue: 'sim' } }])
    expect(usePilotEditorStore.getState().markets.sim?.map((m) => m.symbol)).toEqual(['BTC/USDT:USDT', 'ETH/USDT:USDT'])
  })

  it('keeps a failure per venue and asks again next time', async () => {
    let calls = 0
    useKernel({ 'market.listMarkets': () => (++calls === 1 ? fail('unavailable', 'venue okx could not be reached') : ok([market('BTC/USDT:USDT')])) })
    await loadVenueMarkets('okx')
    expect(usePilotEditorStore.getState().marketsError.okx?.message).toBe('venue okx could not be reached')
    await loadVenueMarkets('okx')
    expect(usePilotEditorStore.getState().marketsError.okx).toBeUndefined()
    expect(usePilotEditorStore.getState().markets.okx).toHaveLength(1)
  })

  it('saves a patch and shows the new status in the Arena at once', async () => {
    pilotChanged(status('rules'))
    const transport = useKernel({
      'pilots.update': (input) => {
        const { patch } = input as { patch: { strategy: 'mean_reversion'; cadenceMs: number } }
        return ok(status('rules', { config: { ...status('rules').config, ...patch } }))
      },
    })
    const refusal = await savePilotSettings('rules', { strategy: 'mean_reversion', cadenceMs: 360_000 })
    expect(refusal).toBeNull()
    expect(transport.calls[0]).toEqual({ channel: 'pilots.update', input: { pilotId: 'rules', patch: { strategy: 'mean_reversion', cadenceMs: 360_000 } } })
    expect(usePilotsStore.getState().statuses?.rules?.config).toMatchObject({ strategy: 'mean_reversion', cadenceMs: 360_000 })
  })

  it("returns the kernel's refusal and leaves the pilot as it was", async () => {
    pilotChanged(status('qwen'))
    useKernel({ 'pilots.update': () => fail('invalid_input', 'Qwen (international) has no model "qwen-ultra"; configured: qwen-turbo, qwen-max') })
    const refusal = await savePilotSettings('qwen', { model: { providerId: 'qwen', model: 'qwen-ultra' } })
    expect(refusal).toEqual({ code: 'invalid_input', message: 'Qwen (international) has no model "qwen-ultra"; configured: qwen-turbo, qwen-max' })
    expect(usePilotsStore.getState().statuses?.qwen).toEqual(status('qwen'))
  })

  it('refuses a patch the contract does not accept before it reaches the kernel', async () => {
    const transport = useKernel({ 'pilots.update': () => ok(status('rules')) })
    const refusal = await savePilotSettings('rules', { cadenceMs: 5 })
    expect(refusal?.code).toBe('invalid_input')
    expect(refusal?.message).toMatch(/^patch\.cadenceMs: /)
    expect(transport.calls).toEqual([])
  })
})
