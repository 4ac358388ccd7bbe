import { create } from 'zustand'
import type { ArenaPilotView } from '../../../shared/contract/domains/arena'
import type { ContractError } from '../../../shared/contract/envelope'
import type { LeaderboardRow } from '../../../shared/domain/agents/arena'
import { getClient } from '../api/client'
import { coalesce, DEFAULT_SORT, nextSort, type LeaderboardColumn, type LeaderboardSort } from './arena-state'

export interface ArenaState {
  /** null until the first answer. */
  rows: LeaderboardRow[] | null
  rowsError: ContractError | null
  views: ArenaPilotView[] | null
  viewsError: ContractError | null
  sort: LeaderboardSort
}

export const useArenaStore = create<ArenaState>()(() => ({ rows: null, rowsError: null, views: null, viewsError: null, sort: DEFAULT_SORT }))

const set = useArenaStore.setState

/** Equity curves are the heavy answer: at most one refetch every 2 s, however many cycles end meanwhile. */
export const ARENA_REFRESH_MS = 2_000

// The newest ask of each answer: an older one still on its way (a coalesced refresh, say) must not bring back a pilot removed since.
let latestRows = 0
let latestViews = 0

export async function loadLeaderboard(): Promise<void> {
  const ticket = ++latestRows
  const envelope = await getClient().callEnvelope('arena.leaderboard')
  if (ticket === latestRows) set(envelope.ok ? { rows: envelope.value, rowsError: null } : { rowsError: envelope.error })
}

export async function loadArenaPilots(): Promise<void> {
  const ticket = ++latestViews
  const envelope = await getClient().callEnvelope('arena.pilots')
  if (ticket === latestViews) set(envelope.ok ? { views: envelope.value, viewsError: null } : { viewsError: envelope.error })
}

export function loadArena(): Promise<void> {
  return Promise.all([loadLeaderboard(), loadArenaPilots()]).then(() => undefined)
}

// Both answers: a kernel that coalesces `arena.updated` may not have sent the rows of the cycle that just ended.
const refresh = coalesce(() => void loadArena(), ARENA_REFRESH_MS)

/** From `arena.updated`: the rows come with the event at once; curves and positions are asked again, coalesced. */
export function arenaUpdated(rows: LeaderboardRow[]): void {
  set({ rows, rowsError: null })
  refresh.request()
}

/** From `pilots.cycleCompleted`: a cycle may have traded, so curves, positions and the latest decisions are asked again. */
export function requestArenaRefresh(): void {
  refresh.request()
}

/** A removed pilot leaves the leaderboard, the chart and the cards at once; the kernel's next answers agree. */
export function forgetArenaPilot(pilotId: string): void {
  set((s) => ({ rows: s.rows?.filter((r) => r.pilotId !== pilotId) ?? null, views: s.views?.filter((v) => v.pilotId !== pilotId) ?? null }))
}

export function sortLeaderboardBy(column: LeaderboardColumn): void {
  set((s) => ({ sort: nextSort(s.sort, column) }))
}

export function resetArenaStore(): void {
  refresh.reset()
  set({ rows: null, rowsError: null, views: null, viewsError: null, sort: DEFAULT_SORT })
}
