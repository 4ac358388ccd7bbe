import { describe, expect, it } from 'vitest'
import type { CycleReport } from '../../src/shared/contract/domains/pilots'
import { useDeskRig } from '../support/agent-desk/desk-rig'

// The strategy reads 15-minute bars: one cycle per bar walks the market faster than the 3-minute default.
const STEP_MS = 15 * 60_000

describe('the rules pilot out of the box', () => {
  const rig = useDeskRig()

  it('trades on the simulated market within a couple of days of cycles, and every decision is in the feed', async () => {
    const { desk } = rig
    const reports: CycleReport[] = []
    for (let cycle = 0; cycle < 200 && !reports.some((r) => r.outcome === 'traded'); cycle++) {
      reports.push(await desk.settle(desk.client.call('pilots.runNow', { pilotId: 'rules' })))
      desk.kernel.clock.advance(STEP_MS)
    }
    const traded = reports.find((r) => r.outcome === 'traded')
    expect(traded, `outcomes: ${reports.map((r) => r.outcome).join(', ')}`).toBeDefined()
    const decisions = await desk.client.call('feed.search', { pilotId: 'rules', limit: 500 })
    expect(decisions).toHaveLength(reports.length)
    const trader = decisions.find((d) => d.cycleId === traded!.cycleId)!
    expect(trader.intents.some((i) => i.status === 'sent')).toBe(true)
    await desk.until(async () => (await desk.client.call('orders.list', { accountId: 'arena-rules', scope: 'history', limit: 20 })).some((o) => o.filled > 0) || (await desk.client.call('orders.list', { accountId: 'arena-rules', scope: 'open', limit: 20 })).length > 0, 'the rules order to rest or fill')
  }, 240_000)
})
