import { DecisionOutcomeSchema, type DecisionFilter, type DecisionOutcome, type DecisionSummary } from '../../../shared/domain/agents/decision'
import { PilotIdSchema } from '../../../shared/domain/agents/pilot'
import { RoleIdSchema, type RoleId } from '../../../shared/domain/agents/roles'
import { hashParams } from '../navigation/routes'

// Pure logic of the decision feed: what the filters ask the kernel, which
// live summaries belong in the list, and how the list stays newest first.

export const FEED_PAGE_SIZE = 50
export const SEARCH_DEBOUNCE_MS = 250
/** The contract's limit on the full-text query; longer input is cut rather than refused. */
export const SEARCH_MAX_CHARS = 200

export const TIME_RANGES = ['hour', 'day', 'all'] as const
export type TimeRange = (typeof TIME_RANGES)[number]

const RANGE_MS: Record<Exclude<TimeRange, 'all'>, number> = { hour: 3_600_000, day: 86_400_000 }

/** The filters as the page holds them: '' means "any". */
export interface FeedFilters {
  pilotId: string
  role: RoleId | ''
  symbol: string
  outcome: DecisionOutcome | ''
  range: TimeRange
  text: string
}

export const EMPTY_FILTERS: FeedFilters = { pilotId: '', role: '', symbol: '', outcome: '', range: 'all', text: '' }

/** Whether any filter narrows the list, so the empty state can say "nothing matches" rather than "nothing yet". */
export function hasActiveFilters(filters: FeedFilters): boolean {
  return (Object.keys(EMPTY_FILTERS) as (keyof FeedFilters)[]).some((key) => (key === 'text' ? searchText(filters.text) !== '' : filters[key] !== EMPTY_FILTERS[key]))
}

/** The `feed.search` input for these filters at `now`; empty fields are left out so the kernel applies no condition. */
export function filtersToQuery(filters: FeedFilters, now: number, before?: number): DecisionFilter {
  const query: DecisionFilter = { limit: FEED_PAGE_SIZE }
  if (filters.pilotId) query.pilotId = filters.pilotId
  if (filters.role) query.role = filters.role
  const symbol = filters.symbol.trim()
  if (symbol) query.symbol = symbol.slice(0, 64)
  if (filters.outcome) query.outcome = filters.outcome
  if (filters.range !== 'all') query.from = now - RANGE_MS[filters.range]
  const text = searchText(filters.text)
  if (text) query.text = text
  if (before !== undefined) query.before = before
  return query
}

/** The search box's text as the kernel gets it: trimmed, inner runs of spaces collapsed, at most the contract's length. */
export function searchText(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').slice(0, SEARCH_MAX_CHARS).trim()
}

/**
 * Whether a live summary the list has not seen belongs under the current
 * query. The full-text part is approximated on the conclusion and input
 * summary (every word must appear): the kernel's index also covers the raw
 * output, so a rare match shows up only at the next search, never a wrong one.
 */
export function matchesQuery(summary: DecisionSummary, query: DecisionFilter): boolean {
  if (query.pilotId !== undefined && summary.pilotId !== query.pilotId) return false
  if (query.role !== undefined && summary.role !== query.role) return false
  if (query.outcome !== undefined && summary.outcome !== query.outcome) return false
  if (query.symbol !== undefined && !summary.symbols.some((s) => s.toLowerCase() === query.symbol!.toLowerCase())) return false
  if (query.from !== undefined && summary.startedAt < query.from) return false
  if (query.to !== undefined && summary.startedAt > query.to) return false
  if (query.text !== undefined) {
    const haystack = `${summary.conclusion}\n${summary.inputSummary}`.toLowerCase()
    const words = query.text.toLowerCase().split(' ').filter(Boolean)
    if (!words.every((w) => haystack.includes(w))) return false
  }
  return true
}

/** Newest first; equal times keep a stable order by id so cards do not swap on re-render. */
export function compareNewestFirst(a: DecisionSummary, b: DecisionSummary): number {
  return b.startedAt - a.startedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
}

/**
 * Merges summaries into the list by id: a known one is replaced in place
 * (its intents moved on), a new one is inserted in time order. Returns the
 * same array when nothing changed, so selectors see no change.
 */
export function upsertSummaries(list: readonly DecisionSummary[], incoming: readonly DecisionSummary[]): DecisionSummary[] {
  if (incoming.length === 0) return list as DecisionSummary[]
  const byId = new Map(list.map((s) => [s.id, s] as const))
  let changed = false
  for (const summary of incoming) {
    if (byId.get(summary.id) !== summary) changed = true
    byId.set(summary.id, summary)
  }
  if (!changed) return list as DecisionSummary[]
  return [...byId.values()].sort(compareNewestFirst)
}

/** The `before` of the next older page: the oldest time shown, or undefined when the list is empty. */
export function oldestStartedAt(list: readonly DecisionSummary[]): number | undefined {
  let oldest: number | undefined
  for (const s of list) if (oldest === undefined || s.startedAt < oldest) oldest = s.startedAt
  return oldest
}

/**
 * Filters carried in the hash after the page id ('#/feed?pilot=rules&role=trader'),
 * so another page can link to a filtered feed. Unknown or malformed values are dropped.
 */
export function filtersFromHash(hash: string): Partial<FeedFilters> {
  const params = hashParams(hash)
  const out: Partial<FeedFilters> = {}
  const pilot = params.get('pilot')
  if (pilot !== null && PilotIdSchema.safeParse(pilot).success) out.pilotId = pilot
  const role = RoleIdSchema.safeParse(params.get('role'))
  if (role.success) out.role = role.data
  const outcome = DecisionOutcomeSchema.safeParse(params.get('outcome'))
  if (outcome.success) out.outcome = outcome.data
  const symbol = params.get('symbol')
  if (symbol && symbol.length <= 64) out.symbol = symbol
  return out
}

/** The feed's href with filters, for links from the Arena. */
export function feedHref(filters: { pilotId?: string; role?: RoleId; symbol?: string }): string {
  const params = new URLSearchParams()
  if (filters.pilotId) params.set('pilot', filters.pilotId)
  if (filters.role) params.set('role', filters.role)
  if (filters.symbol) params.set('symbol', filters.symbol)
  const query = params.toString()
  return query ? `#/feed?${query}` : '#/feed'
}
