import type { RiskConfig, RiskVerdict } from '../../shared/domain/risk'

export type BreakerScopeKind = 'desk' | 'account' | 'pilot'

/** One stored breaker: its state machine serialised as JSON text, read back by the risk component. */
export interface StoredBreaker {
  scope: BreakerScopeKind
  scopeId: string
  state: string
  updatedAt: number
}

/**
 * The risk component's persistent state: every saved version of the risk
 * config (the newest is in force) and every breaker, so a halt survives a
 * restart.
 */
export interface RiskStateRepository {
  /** The newest saved config as stored (unparsed: the kernel validates it), or null before the first save. */
  latestConfig(): { config: unknown; savedAt: number } | null
  /** Appends a version; throws when that version exists. */
  saveConfig(config: RiskConfig, at: number): void
  breakers(): StoredBreaker[]
  saveBreaker(breaker: StoredBreaker): void
}

/** The verdict each sent intent passed with, for the blotter's slippage after a restart. */
export interface VerdictRepository {
  save(intentId: string, accountId: string, verdict: RiskVerdict, at: number): void
  get(intentId: string): RiskVerdict | null
}
