import type { AccountId } from '../../../shared/domain/account'
import type { IntentId, OrderIntent } from '../../../shared/domain/intent'
import type { Position } from '../../../shared/domain/order'
import type { Clock } from '../../ports/clock'
import type { ExecutionClient } from '../../ports/execution-client'
import type { Logger } from '../../ports/logger'
import type { JournalEntry, OrderJournal, RecordedFill } from '../../ports/order-journal'
import type { AuditLog } from '../../ports/store'

/** What the engine tells the rest of the kernel; the lead adds these topics to the kernel bus. A type, not an interface, so it fits EventBus's record constraint. */
export type ExecutionEngineEvents = {
  'execution.orderUpdated': JournalEntry
  /** An order with our prefix found on the venue that the journal did not know: the UI flags it. */
  'execution.orderImported': JournalEntry
  'execution.fillRecorded': RecordedFill
}

export type ExecutionEngineEvent = { [K in keyof ExecutionEngineEvents]: { topic: K; payload: ExecutionEngineEvents[K] } }[keyof ExecutionEngineEvents]

/** The part of the kernel bus the engine publishes on. */
export interface ExecutionEventSink {
  publish<K extends keyof ExecutionEngineEvents>(topic: K, payload: ExecutionEngineEvents[K]): void
}

/** Points in the order path a probe can observe (logging, tests that crash the process there). */
export type ExecutionStep = 'intent_committed' | 'sent_committed' | 'answer_received' | 'answer_committed' | 'fill_committed'

export interface ExecutionTuning {
  /** Queries by client id, after an ambiguous send, before the order counts as absent. */
  absentChecks: number
  /** Time over which those queries are spread: the venue may need a moment to show an order it took. */
  absentGraceMs: number
  /** Failed queries tolerated while resolving before leaving the order `unknown` for the next reconciliation. */
  maxQueryErrors: number
  /** Fills are fetched from this long before the last one seen: venue and local clocks differ. */
  fillsOverlapMs: number
  /** Cancel-all-after on venues that offer it: what is armed, and how often it is renewed. */
  deadManTimeoutMs: number
  deadManRefreshMs: number
}

export const DEFAULT_EXECUTION_TUNING: ExecutionTuning = {
  absentChecks: 3,
  absentGraceMs: 3_000,
  maxQueryErrors: 10,
  fillsOverlapMs: 5_000,
  deadManTimeoutMs: 60_000,
  deadManRefreshMs: 20_000,
}

export interface ExecutionEngineDeps {
  journal: OrderJournal
  /** The execution client of an account; called once per account, the engine keeps it. */
  clients: (accountId: AccountId) => ExecutionClient
  clock: Clock
  audit: AuditLog
  logger: Logger
  bus?: ExecutionEventSink
  /** 1-8 alphanumerics starting every client order id we make; orders without it are never touched. */
  idPrefix: string
  tuning?: Partial<ExecutionTuning>
  /** Called synchronously at each step of the order path. */
  probe?: (step: ExecutionStep, entry: JournalEntry) => void
}

export interface ReconcileReport {
  accountId: AccountId
  /** Journal entries asked about, and how many of them changed. */
  checked: number
  updated: number
  /** Prefixed venue orders the journal did not know, now imported and flagged. */
  imported: JournalEntry[]
  /** Orders final in the journal but still open on the venue, cancelled there. */
  zombies: JournalEntry[]
  /** Open venue orders without our prefix, left alone. */
  foreignOpen: number
  fillsRecorded: number
  /** The venue's positions, for the portfolio to compare with its own. */
  positions: Position[]
  /** Entries still not terminal and not confirmed by the venue (queries failed): retried at the next reconciliation. */
  unresolved: JournalEntry[]
  errors: string[]
}

export interface CancelAllReport {
  accountId: AccountId
  requested: number
  cancelled: number
  /** Entries whose cancel failed or that are still working, with the last error. */
  failed: JournalEntry[]
}

export interface ExecutionEngine {
  /**
   * Journals the intent (durably) and sends it; resolves after the venue's
   * first answer. Assumes risk and approvals have passed. Idempotent by
   * intent id: a second call returns the first call's entry, sending nothing.
   */
  submit(intent: OrderIntent): Promise<JournalEntry>
  cancel(intentId: IntentId): Promise<JournalEntry>
  /** Cancels every order of ours on the account (the kill switch); foreign orders are left alone. */
  cancelAll(accountId: AccountId): Promise<CancelAllReport>
  /** At start and after every reconnect: brings the journal and the venue into agreement. */
  reconcile(accountId: AccountId): Promise<ReconcileReport>
  order(intentId: IntentId): JournalEntry | null
  orders(accountId: AccountId): JournalEntry[]
  onEvent(listener: (event: ExecutionEngineEvent) => void): () => void
  /** Resolves when no background work (ambiguity resolution, TTL cancels, dead-man renewals) is running. */
  idle(): Promise<void>
  /** Stops timers and listeners; armed dead-man switches stay armed, so orders die if we do not come back. */
  close(): void
}
