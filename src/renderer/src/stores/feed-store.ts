import { create } from 'zustand'
import type { ContractError } from '../../../shared/contract/envelope'
import type { DecisionFilter, DecisionSummary } from '../../../shared/domain/agents/decision'
import { getClient } from '../api/client'
import { without } from './record-utils'
import {
  EMPTY_FILTERS,
  filtersFromHash,
  filtersToQuery,
  matchesQuery,
  oldestStartedAt,
  SEARCH_DEBOUNCE_MS,
  upsertSummaries,
  type FeedFilters,
} from './feed-state'

export interface FeedState {
  filters: FeedFilters
  /** The query the list answers; null before the first search. */
  query: DecisionFilter | null
  /** Newest first. */
  items: DecisionSummary[]
  phase: 'idle' | 'loading' | 'ready' | 'failed'
  error: ContractError | null
  /** Whether the last page came back full, so an older one may exist. */
  hasOlder: boolean
  /** Where the next older page starts: the last record of the last page the kernel sent, in its own order. */
  cursor: { before: number; beforeId: string } | null
  loadingOlder: boolean
  olderError: ContractError | null
  /** Cards opened by the trader, by decision id. */
  expanded: Record<string, true>
}

const INITIAL: FeedState = {
  filters: EMPTY_FILTERS,
  query: null,
  items: [],
  phase: 'idle',
  error: null,
  hasOlder: false,
  cursor: null,
  loadingOlder: false,
  olderError: null,
  expanded: {},
}

export const useFeedStore = create<FeedState>()(() => ({ ...INITIAL }))

const set = useFeedStore.setState
const get = useFeedStore.getState

/** Every search bumps it; an answer to an older search is dropped, so fast typing never shows a stale list. */
let generation = 0
let debounce: ReturnType<typeof setTimeout> | null = null
/**
 * Live records heard while a search is in flight: the kernel may have
 * answered before they were written, so they are merged into its answer
 * rather than lost when the answer replaces the list.
 */
let heardDuringSearch: DecisionSummary[] = []

function cancelDebounce(): void {
  if (debounce !== null) clearTimeout(debounce)
  debounce = null
}

/** Asks `feed.search` for the current filters and replaces the list with the answer. */
export async function searchFeed(): Promise<void> {
  cancelDebounce()
  const mine = ++generation
  const query = filtersToQuery(get().filters, Date.now())
  set({ phase: 'loading', error: null, olderError: null })
  heardDuringSearch = []
  const envelope = await getClient().callEnvelope('feed.search', query)
  if (mine !== generation) return
  const heard = heardDuringSearch.filter((summary) => matchesQuery(summary, query))
  heardDuringSearch = []
  if (!envelope.ok) {
    set({ phase: 'failed', error: envelope.error })
    return
  }
  set({ phase: 'ready', query, items: upsertSummaries(upsertSummaries([], envelope.value), heard), hasOlder: envelope.value.length >= query.limit, cursor: cursorAfter(envelope.value) })
}

/**
 * Changes filters. A select or the time range searches at once; typing in
 * the search box waits until the trader pauses, so each keystroke does not
 * cost a query.
 */
export function setFeedFilters(patch: Partial<FeedFilters>): void {
  set((s) => ({ filters: { ...s.filters, ...patch } }))
  const onlyText = Object.keys(patch).every((key) => key === 'text')
  if (!onlyText) {
    void searchFeed()
    return
  }
  cancelDebounce()
  debounce = setTimeout(() => {
    debounce = null
    void searchFeed()
  }, SEARCH_DEBOUNCE_MS)
}

export function resetFeedFilters(): void {
  setFeedFilters({ ...EMPTY_FILTERS })
}

/**
 * Applies filters linked from another page ('#/feed?pilot=ID'): they replace
 * the current ones. A plain '#/feed' keeps what the trader had chosen.
 * Returns whether the hash carried filters.
 */
export function applyHashFilters(hash: string): boolean {
  if (!hash.includes('?')) return false
  set({ filters: { ...EMPTY_FILTERS, ...filtersFromHash(hash) } })
  return true
}

function cursorAfter(page: readonly DecisionSummary[]): FeedState['cursor'] {
  const last = page.at(-1)
  return last ? { before: last.startedAt, beforeId: last.id } : null
}

/** The next page of older records under the same query, appended below. */
export async function loadOlderDecisions(): Promise<void> {
  const { query, items, loadingOlder, cursor } = get()
  const before = cursor?.before ?? oldestStartedAt(items)
  if (!query || loadingOlder || before === undefined) return
  const mine = generation
  set({ loadingOlder: true, olderError: null })
  const page = cursor ? { ...query, ...cursor } : { ...query, before }
  const envelope = await getClient().callEnvelope('feed.search', page)
  if (mine !== generation) return // the filters changed meanwhile: this page belongs to another list
  if (!envelope.ok) {
    set({ loadingOlder: false, olderError: envelope.error })
    return
  }
  set((s) => ({ loadingOlder: false, items: upsertSummaries(s.items, envelope.value), hasOlder: envelope.value.length >= page.limit, cursor: cursorAfter(envelope.value) ?? s.cursor }))
}

/**
 * From `feed.decisionRecorded`: a card already shown is updated in place
 * (its intents moved on); a new record joins the list only when it matches
 * the filters in force.
 */
export function decisionRecorded(summary: DecisionSummary): void {
  if (get().phase === 'loading') heardDuringSearch.push(summary)
  set((s) => {
    const known = s.items.some((item) => item.id === summary.id)
    if (!known && (s.query === null || !matchesQuery(summary, s.query))) return s
    const items = upsertSummaries(s.items, [summary])
    return items === s.items ? s : { items }
  })
}

export function toggleDecisionExpanded(id: string): void {
  set((s) => ({ expanded: s.expanded[id] ? without(s.expanded, id) : { ...s.expanded, [id]: true as const } }))
}

/** For tests: back to a fresh page with no timer left behind. */
export function resetFeedStore(): void {
  cancelDebounce()
  generation++
  heardDuringSearch = []
  set({ ...INITIAL })
}
