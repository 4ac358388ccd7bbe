import { describe, expect, it } from 'vitest'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import { createModelBudget, utcDay } from '../../../src/main/core/agents/model-budget'
import type { UsageRepository } from '../../../src/main/ports/agent-store'
import type { PilotConfig } from '../../../src/shared/domain/agents/pilot'

function memoryUsage(): UsageRepository {
  const rows = new Map<string, { tokens: number; usd: number }>()
  return {
    add(pilotId, day, tokens, usd) {
      const row = rows.get(`${pilotId}|${day}`) ?? { tokens: 0, usd: 0 }
      rows.set(`${pilotId}|${day}`, { tokens: row.tokens + tokens, usd: row.usd + usd })
    },
    get: (pilotId, day) => rows.get(`${pilotId}|${day}`) ?? { tokens: 0, usd: 0 },
    totals: () => ({}),
  }
}

const pilot = { id: 'p1', budget: { tokensPerDay: 1000, usdPerDay: 0.5 } } as PilotConfig

describe('model budgets', () => {
  it('holds a pilot once either tokens or money reach the day budget, and resets at UTC midnight', () => {
    const clock = createTestClock(Date.UTC(2026, 10, 21, 23, 0))
    const budget = createModelBudget(memoryUsage(), clock)
    expect(budget.within(pilot)).toBe(true)
    budget.spend(pilot, 999, 0.1)
    expect(budget.within(pilot)).toBe(true)
    budget.spend(pilot, 1, 0)
    expect(budget.within(pilot)).toBe(false)
    expect(budget.spentToday('p1')).toEqual({ tokens: 1000, usd: 0.1 })
    clock.advance(3600 * 1000)
    expect(utcDay(clock.now())).toBe('2026-11-22')
    expect(budget.within(pilot)).toBe(true)
    budget.spend(pilot, 10, 0.5)
    expect(budget.within(pilot)).toBe(false)
  })

  it('a zero budget allows no model call at all', () => {
    const budget = createModelBudget(memoryUsage(), createTestClock(0))
    expect(budget.within({ ...pilot, budget: { tokensPerDay: 0, usdPerDay: 1 } })).toBe(false)
  })
})
