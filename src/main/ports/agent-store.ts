import type { DecisionFilter, DecisionRecord, DecisionSummary, IntentLink } from '../../shared/domain/agents/decision'
import type { ModelPrice, ModelProvider } from '../../shared/domain/agents/model'
import type { NewsFeed, NewsItem } from '../../shared/domain/agents/news'
import type { PilotConfig } from '../../shared/domain/agents/pilot'
import type { PromptVersion } from '../../shared/domain/agents/prompt'
import type { RoleId } from '../../shared/domain/agents/roles'
import type { MarketSnapshot } from '../../shared/domain/agents/snapshot'

export interface DecisionRepository {
  insert(record: DecisionRecord): void
  /** Replaces the intent links of a decision (their status moves as orders fill). */
  updateIntents(id: string, intents: readonly IntentLink[]): void
  get(id: string): DecisionRecord | null
  /** Newest first; the text filter uses full-text search. */
  search(filter: DecisionFilter): DecisionSummary[]
  /** Decisions that produced this intent (to update its link when the order moves). */
  byIntent(intentId: string): DecisionSummary | null
  /** Count of decisions per pilot (for the leaderboard). */
  countByPilot(): Record<string, number>
}

export interface SnapshotRepository {
  /** Idempotent by hash. */
  put(snapshot: MarketSnapshot): void
  get(hash: string): MarketSnapshot | null
}

export interface PromptRepository {
  /** Every version of a role, oldest first. */
  versions(role: RoleId): PromptVersion[]
  latest(role: RoleId): PromptVersion | null
  /** Appends; the version number must be the next one for the role. */
  append(version: PromptVersion): void
}

export interface PilotRepository {
  list(): PilotConfig[]
  get(id: string): PilotConfig | null
  upsert(pilot: PilotConfig): void
  /** Removes a pilot's configuration; its decisions, account and orders stay. */
  remove(id: string): boolean
}

export interface ProviderRepository {
  list(): ModelProvider[]
  upsert(provider: ModelProvider): void
  remove(id: string): boolean
  prices(): ModelPrice[]
  setPrices(prices: readonly ModelPrice[]): void
}

/** Tokens and money spent by each pilot, per UTC day. */
export interface UsageRepository {
  add(pilotId: string, day: string, tokens: number, usd: number): void
  get(pilotId: string, day: string): { tokens: number; usd: number }
  /** All-time model cost per pilot (for net returns). */
  totals(): Record<string, { tokens: number; usd: number }>
}

export interface NewsRepository {
  feeds(): NewsFeed[]
  setFeeds(feeds: readonly NewsFeed[]): void
  /** Inserts new items by id, ignoring ones already stored. Returns how many were new. */
  addItems(items: readonly NewsItem[]): number
  latest(limit: number): NewsItem[]
}

/** Everything the agent desk persists in the profile database. */
export interface AgentStore {
  readonly decisions: DecisionRepository
  readonly snapshots: SnapshotRepository
  readonly prompts: PromptRepository
  readonly pilots: PilotRepository
  readonly providers: ProviderRepository
  readonly usage: UsageRepository
  readonly news: NewsRepository
}
