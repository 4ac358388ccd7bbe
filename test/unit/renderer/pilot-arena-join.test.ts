import { describe, expect, it } from 'vitest'
import { joinPilots } from '../../../src/renderer/src/stores/arena-state'
import { row, status } from './feed-arena-fixtures'

// A pilot's model on its Arena card after an edit or a creation: the
// leaderboard is sent after cycles and fills, so it can lag the pilot list.

describe("a pilot's model on its card", () => {
  it('follows the pilot list, which hears pilots.changed at once, over a leaderboard row that lags', () => {
    const edited = status('rules', { config: { ...status('rules').config, strategy: 'mean_reversion', model: { providerId: 'rules', model: 'mean_reversion' } } })
    const [pilot] = joinPilots([row('rules', { model: 'rules/trend_following' })], { rules: edited }, [])
    expect(pilot?.model).toBe('rules/mean_reversion')
  })

  it("keeps the leaderboard's model for a pilot the list does not (yet) have", () => {
    const [pilot] = joinPilots([row('gone', { model: 'qwen/qwen-max' })], {}, [])
    expect(pilot?.model).toBe('qwen/qwen-max')
  })

  it('shows a pilot just created before the leaderboard has a row for it', () => {
    const created = status('eth-reversion', { state: 'paused', config: { ...status('eth-reversion').config, name: 'ETH reversion', model: { providerId: 'rules', model: 'mean_reversion' } } })
    const joined = joinPilots([row('rules')], { rules: status('rules'), 'eth-reversion': created }, [])
    expect(joined.map((p) => [p.pilotId, p.name, p.model, p.state])).toEqual([
      ['rules', 'Pilot rules', 'rules/trend_following', 'running'],
      ['eth-reversion', 'ETH reversion', 'rules/mean_reversion', 'paused'],
    ])
  })
})
