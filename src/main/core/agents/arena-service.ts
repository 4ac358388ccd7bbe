import type { ArenaPilotView } from '../../../shared/contract/domains/arena'
import type { AccountPortfolio } from '../../../shared/contract/domains/portfolio'
import type { LeaderboardRow } from '../../../shared/domain/agents/arena'
import type { DecisionSummary } from '../../../shared/domain/agents/decision'
import type { PilotStatus } from '../../../shared/domain/agents/pilot'
import type { RoundTripStats } from '../portfolio'
import type { Clock, TimerHandle } from '../../ports/clock'
import type { EventBus } from '../bus/event-bus'
import type { KernelEvents } from '../bus/kernel-events'
import { maxDrawdownPct, sharpeRatio } from './arena-metrics'

export interface ArenaService {
  leaderboard(): LeaderboardRow[]
  pilots(): ArenaPilotView[]
  close(): void
}

export interface ArenaDeps {
  pilots: () => PilotStatus[]
  portfolio: (accountId: string) => AccountPortfolio | null
  curve: (accountId: string) => { at: number; equity: number }[]
  roundTrips: (accountId: string) => RoundTripStats | null
  startingEquity: (accountId: string) => number
  fills: (accountId: string) => number
  modelCost: () => Record<string, { tokens: number; usd: number }>
  decisionCounts: () => Record<string, number>
  latestDecision: (pilotId: string) => DecisionSummary | null
  bus: EventBus<KernelEvents>
  clock: Clock
  /** At most one arena.updated per this many ms. */
  coalesceMs?: number
}

/**
 * The arena: every pilot ranked on its own paper account. Model cost is
 * charged against returns, so a model that trades well but costs more than
 * it earns ranks below the free rules baseline.
 */
export function createArenaService(deps: ArenaDeps): ArenaService {
  const coalesceMs = deps.coalesceMs ?? 2000
  let pending: TimerHandle | null = null

  function leaderboard(): LeaderboardRow[] {
    const costs = deps.modelCost()
    const counts = deps.decisionCounts()
    const rows = deps.pilots().map((status): LeaderboardRow => {
      const { config } = status
      const account = deps.portfolio(config.accountId)
      const start = deps.startingEquity(config.accountId)
      const equity = account?.equity ?? start
      const curve = deps.curve(config.accountId)
      const trips = deps.roundTrips(config.accountId)
      const closed = trips ? trips.wins + trips.losses + trips.breakevens : 0
      const cost = costs[config.id]?.usd ?? 0
      const pct = (value: number): number => (start > 0 ? (value / start) * 100 : 0)
      return {
        pilotId: config.id,
        name: config.name,
        model: `${config.model.providerId}/${config.model.model}`,
        state: status.state,
        startingEquity: start,
        equity,
        returnPct: pct(equity - start),
        sharpe: sharpeRatio(curve),
        maxDrawdownPct: Math.max(account?.maxDrawdownPct ?? 0, maxDrawdownPct(curve)),
        winRatePct: closed > 0 && trips ? (trips.wins / closed) * 100 : null,
        trades: deps.fills(config.accountId),
        fees: account?.fees ?? 0,
        modelCostUsd: cost,
        netReturnPct: pct(equity - start - cost),
        decisions: counts[config.id] ?? 0,
      }
    })
    return rows.sort((a, b) => b.netReturnPct - a.netReturnPct)
  }

  const schedule = (): void => {
    if (pending) return
    pending = deps.clock.setTimeout(() => {
      pending = null
      deps.bus.publish('arena.updated', leaderboard())
    }, coalesceMs)
  }
  // A pilot's new name, model or state changes its row as much as a fill does.
  const unsubscribers = [deps.bus.subscribe('pilots.cycleCompleted', schedule), deps.bus.subscribe('portfolio.updated', schedule), deps.bus.subscribe('pilots.changed', schedule)]

  return {
    leaderboard,
    pilots: () =>
      deps.pilots().map((status) => ({
        pilotId: status.config.id,
        positions: deps.portfolio(status.config.accountId)?.positions ?? [],
        latestDecision: deps.latestDecision(status.config.id),
        equity: deps.curve(status.config.accountId),
      })),
    close() {
      pending?.cancel()
      for (const unsubscribe of unsubscribers) unsubscribe()
    },
  }
}
