import type { ArenaPilotView } from '../../../shared/contract/domains/arena'
import type { LeaderboardRow } from '../../../shared/domain/agents/arena'
import type { PilotState, PilotStatus } from '../../../shared/domain/agents/pilot'

// Pure logic of the Arena: ranking, sorting, colours, controls and the
// coalescing of refetches.

export const LEADERBOARD_COLUMNS = [
  'rank',
  'name',
  'model',
  'state',
  'returnPct',
  'sharpe',
  'maxDrawdownPct',
  'winRatePct',
  'trades',
  'fees',
  'modelCostUsd',
  'netReturnPct',
] as const
export type LeaderboardColumn = (typeof LEADERBOARD_COLUMNS)[number]
export type SortDirection = 'asc' | 'desc'
export interface LeaderboardSort {
  column: LeaderboardColumn
  direction: SortDirection
}

export const DEFAULT_SORT: LeaderboardSort = { column: 'rank', direction: 'asc' }

const TEXT_COLUMNS: readonly LeaderboardColumn[] = ['rank', 'name', 'model', 'state']

/**
 * Rank by net return (after model cost), the fair comparison between a free
 * rules pilot and a paid model; ties by gross return, then by name.
 */
export function rankByNetReturn(rows: readonly LeaderboardRow[]): Map<string, number> {
  const ordered = [...rows].sort((a, b) => b.netReturnPct - a.netReturnPct || b.returnPct - a.returnPct || a.name.localeCompare(b.name))
  return new Map(ordered.map((row, i) => [row.pilotId, i + 1]))
}

function valueOf(row: LeaderboardRow, column: LeaderboardColumn, ranks: Map<string, number>): number | string | null {
  switch (column) {
    case 'rank':
      return ranks.get(row.pilotId) ?? null
    case 'name':
    case 'model':
    case 'state':
    case 'returnPct':
    case 'sharpe':
    case 'maxDrawdownPct':
    case 'winRatePct':
    case 'trades':
    case 'fees':
    case 'modelCostUsd':
    case 'netReturnPct':
      return row[column]
    default: {
      const never: never = column
      throw new Error(`Unknown leaderboard column ${String(never)}`)
    }
  }
}

/** The rows in the chosen order; a missing figure (no Sharpe yet) sorts last in either direction. */
export function sortLeaderboard(rows: readonly LeaderboardRow[], sort: LeaderboardSort, ranks = rankByNetReturn(rows)): LeaderboardRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1
  const byRank = (a: LeaderboardRow, b: LeaderboardRow): number => (ranks.get(a.pilotId) ?? 0) - (ranks.get(b.pilotId) ?? 0)
  return [...rows].sort((a, b) => {
    const x = valueOf(a, sort.column, ranks)
    const y = valueOf(b, sort.column, ranks)
    if (isMissing(x) || isMissing(y)) return isMissing(x) === isMissing(y) ? byRank(a, b) : isMissing(x) ? 1 : -1
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))
    return sign * order || byRank(a, b)
  })
}

const isMissing = (value: number | string | null): boolean => value === null || (typeof value === 'number' && !Number.isFinite(value))

/** A click on a header: the same column flips; another starts with its natural direction (names A→Z, figures high→low). */
export function nextSort(current: LeaderboardSort, column: LeaderboardColumn): LeaderboardSort {
  if (current.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' }
  return { column, direction: TEXT_COLUMNS.includes(column) ? 'asc' : 'desc' }
}

/** Line colours that stay apart on the dark canvas and keep their meaning on the light one. */
export const PILOT_COLORS = ['#22d3ee', '#f59e0b', '#a78bfa', '#34d399', '#f472b6', '#60a5fa', '#f87171', '#facc15', '#2dd4bf', '#c084fc'] as const

/**
 * A colour per pilot, chosen by the sorted ids so a pilot keeps its colour
 * when the ranking changes or the page reloads.
 */
export function pilotColors(pilotIds: readonly string[]): Map<string, string> {
  const ids = [...new Set(pilotIds)].sort()
  return new Map(ids.map((id, i) => [id, PILOT_COLORS[i % PILOT_COLORS.length]!]))
}

export type PilotControl = 'runNow' | 'pause' | 'resume' | 'stop'
export const PILOT_CONTROLS: readonly PilotControl[] = ['runNow', 'pause', 'resume', 'stop']

/**
 * Which controls make sense in a state. Running a cycle by hand is refused
 * while one runs or no key is there to run it; a halted pilot is resumed by
 * lifting the risk halt, not from here.
 */
export function availableControls(state: PilotState, cycling: boolean): ReadonlySet<PilotControl> {
  const out = new Set<PilotControl>()
  switch (state) {
    case 'running':
    case 'over_budget':
      out.add('pause').add('stop')
      if (state === 'running' && !cycling) out.add('runNow')
      break
    case 'waiting_for_key':
      out.add('pause').add('stop')
      break
    case 'paused':
      out.add('resume').add('stop')
      if (!cycling) out.add('runNow')
      break
    case 'stopped':
      out.add('resume')
      break
    case 'halted':
      out.add('stop')
      break
    default: {
      const never: never = state
      throw new Error(`Unknown pilot state ${String(never)}`)
    }
  }
  if (cycling) out.delete('runNow')
  return out
}

/** One pilot as the Arena shows it, joined from the leaderboard, the pilot list and the arena view. */
export interface ArenaPilot {
  pilotId: string
  name: string
  model: string
  state: PilotState | null
  row: LeaderboardRow | null
  status: PilotStatus | null
  view: ArenaPilotView | null
}

/** Leaderboard order first (by rank), then pilots only the pilot list or the views know. */
export function joinPilots(rows: readonly LeaderboardRow[], statuses: Readonly<Record<string, PilotStatus>>, views: readonly ArenaPilotView[]): ArenaPilot[] {
  const ranks = rankByNetReturn(rows)
  const ids = [...[...rows].sort((a, b) => ranks.get(a.pilotId)! - ranks.get(b.pilotId)!).map((r) => r.pilotId)]
  for (const id of Object.keys(statuses).sort()) if (!ids.includes(id)) ids.push(id)
  for (const view of views) if (!ids.includes(view.pilotId)) ids.push(view.pilotId)
  const rowById = new Map(rows.map((r) => [r.pilotId, r]))
  const viewById = new Map(views.map((v) => [v.pilotId, v]))
  return ids.map((pilotId) => {
    const row = rowById.get(pilotId) ?? null
    const status = statuses[pilotId] ?? null
    // The pilot list hears `pilots.changed` at once; the leaderboard may lag a cycle (it is sent after cycles and fills, not after an edit).
    return {
      pilotId,
      name: status?.config.name ?? row?.name ?? pilotId,
      model: status ? `${status.config.model.providerId}/${status.config.model.model}` : (row?.model ?? ''),
      state: status?.state ?? row?.state ?? null,
      row,
      status,
      view: viewById.get(pilotId) ?? null,
    }
  })
}

export interface ValuePoint {
  at: number
  value: number
}

/**
 * An equity curve as percent return on its start, so pilots with different
 * balances share one axis. The start is the leaderboard's starting equity,
 * else the curve's first point.
 */
export function toReturnCurve(points: readonly { at: number; equity: number }[], startingEquity: number | null): ValuePoint[] {
  const base = startingEquity !== null && startingEquity > 0 ? startingEquity : (points.find((p) => p.equity > 0)?.equity ?? null)
  if (base === null) return []
  return points.map((p) => ({ at: p.at, value: (p.equity / base - 1) * 100 }))
}

export interface Coalescer {
  /** Asks for a run: now if the last one was long enough ago, else once at the end of the interval. */
  request(): void
  cancel(): void
  /** Cancels and forgets the last run, so the next request runs at once. */
  reset(): void
}

/**
 * Turns a burst of requests into at most one run per interval, the last
 * request never lost: events that each would refetch (every pilot's cycle,
 * every leaderboard change) cost one call every couple of seconds.
 */
export function coalesce(run: () => void, intervalMs: number, now: () => number = Date.now): Coalescer {
  let lastRun = Number.NEGATIVE_INFINITY
  let timer: ReturnType<typeof setTimeout> | null = null
  const fire = (): void => {
    timer = null
    lastRun = now()
    run()
  }
  return {
    request() {
      if (timer !== null) return
      const wait = lastRun + intervalMs - now()
      if (wait <= 0) fire()
      else timer = setTimeout(fire, wait)
    },
    cancel() {
      if (timer !== null) clearTimeout(timer)
      timer = null
    },
    reset() {
      this.cancel()
      lastRun = Number.NEGATIVE_INFINITY
    },
  }
}
