import type { PilotConfig } from '../../../shared/domain/agents/pilot'
import type { Clock } from '../../ports/clock'
import type { UsageRepository } from '../../ports/agent-store'

export interface ModelBudget {
  /** Tokens and money a pilot spent on models today (UTC). */
  spentToday(pilotId: string): { tokens: number; usd: number }
  within(pilot: PilotConfig): boolean
  spend(pilot: PilotConfig, tokens: number, usd: number): void
}

/** UTC calendar day, the unit budgets reset on. */
export const utcDay = (at: number): string => new Date(at).toISOString().slice(0, 10)

/** Per-pilot daily budgets of tokens and money; a pilot over either holds until the next UTC day. */
export function createModelBudget(usage: UsageRepository, clock: Clock): ModelBudget {
  const spentToday = (pilotId: string) => usage.get(pilotId, utcDay(clock.now()))
  return {
    spentToday,
    within(pilot) {
      const spent = spentToday(pilot.id)
      return spent.tokens < pilot.budget.tokensPerDay && spent.usd < pilot.budget.usdPerDay
    },
    spend(pilot, tokens, usd) {
      if (tokens > 0 || usd > 0) usage.add(pilot.id, utcDay(clock.now()), tokens, usd)
    },
  }
}
