import type { Settings } from '../../shared/domain/settings'
import type { AccountRepository } from './account-repository'
import type { AgentStore } from './agent-store'
import type { OrderJournal } from './order-journal'
import type { RiskStateRepository, VerdictRepository } from './risk-state-repository'

/** Persisted settings of one profile. */
export interface SettingsRepository {
  load(): Settings
  save(settings: Settings): void
}

export interface AuditEntryInput {
  kind: string
  actor: string
  subject?: string
  payload: unknown
}

export interface AuditEntry extends AuditEntryInput {
  seq: number
  at: number
  prevHash: string
  hash: string
}

/** Append-only, hash-chained record of everything that matters. */
export interface AuditLog {
  append(entry: AuditEntryInput, at: number): AuditEntry
  tail(limit: number): AuditEntry[]
}

/** The profile database as a whole: its repositories and its lifecycle. */
export interface ProfileStore {
  readonly settings: SettingsRepository
  readonly audit: AuditLog
  readonly accounts: AccountRepository
  readonly risk: RiskStateRepository
  readonly verdicts: VerdictRepository
  /** The write-ahead order journal (its own connection, synchronous=FULL). */
  readonly journal: OrderJournal
  /** Decisions, snapshots, prompts, pilots, providers, model usage and news of the agent desk. */
  readonly agents: AgentStore
  /** Checkpoints the write-ahead log so nothing waits in it at exit. */
  flush(): void
  close(): void
}
