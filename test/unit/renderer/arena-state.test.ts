import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ArenaPilotView } from '../../../src/shared/contract/domains/arena'
import type { LeaderboardRow } from '../../../src/shared/domain/agents/arena'
import { PilotStateSchema, type PilotStatus } from '../../../src/shared/domain/agents/pilot'
import { formatSignedPct } from '../../../src/renderer/src/pages/arena/format-arena'
import { toLineData } from '../../../src/renderer/src/pages/arena/line-data'
import { toChartTime } from '../../../src/renderer/src/charts/chart-time'
import {
  availableControls,
  coalesce,
  joinPilots,
  LEADERBOARD_COLUMNS,
  nextSort,
  PILOT_COLORS,
  pilotColors,
  rankByNetReturn,
  sortLeaderboard,
  toReturnCurve,
} from '../../../src/renderer/src/stores/arena-state'
import { row, status } from './feed-arena-fixtures'

const ids = (rows: readonly LeaderboardRow[]): string[] => rows.map((r) => r.pilotId)

describe('leaderboard ranking and sorting', () => {
  const rows = [
    row('a', { netReturnPct: 1, returnPct: 3, sharpe: 0.5, name: 'Alpha' }),
    row('b', { netReturnPct: 2, returnPct: 2, sharpe: null, name: 'Bravo' }),
    row('c', { netReturnPct: 1, returnPct: 1, sharpe: 1.5, name: 'Charlie' }),
  ]

  it('ranks by net return, then gross return', () => {
    expect([...rankByNetReturn(rows)]).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 3],
    ])
  })

  it('sorts by any column both ways, a missing figure always last', () => {
    expect(ids(sortLeaderboard(rows, { column: 'rank', direction: 'asc' }))).toEqual(['b', 'a', 'c'])
    expect(ids(sortLeaderboard(rows, { column: 'rank', direction: 'desc' }))).toEqual(['c', 'a', 'b'])
    expect(ids(sortLeaderboard(rows, { column: 'sharpe', direction: 'desc' }))).toEqual(['c', 'a', 'b'])
    expect(ids(sortLeaderboard(rows, { column: 'sharpe', direction: 'asc' }))).toEqual(['a', 'c', 'b'])
    expect(ids(sortLeaderboard(rows, { column: 'name', direction: 'desc' }))).toEqual(['c', 'b', 'a'])
  })

  it('never loses or duplicates a row, whatever the column', () => {
    const anyRow = fc.record({
      netReturnPct: fc.double({ min: -50, max: 50, noNaN: true }),
      returnPct: fc.double({ min: -50, max: 50, noNaN: true }),
      sharpe: fc.option(fc.double({ min: -5, max: 5, noNaN: true })),
      trades: fc.nat(100),
    })
    fc.assert(
      fc.property(fc.array(anyRow, { maxLength: 8 }), fc.constantFrom(...LEADERBOARD_COLUMNS), fc.constantFrom('asc' as const, 'desc' as const), (figures, column, direction) => {
        const list = figures.map((f, i) => row(`p${i}`, f))
        const sorted = sortLeaderboard(list, { column, direction })
        expect([...ids(sorted)].sort()).toEqual([...ids(list)].sort())
        if (column === 'sharpe') {
          const firstMissing = sorted.findIndex((r) => r.sharpe === null)
          if (firstMissing !== -1) expect(sorted.slice(firstMissing).every((r) => r.sharpe === null)).toBe(true)
        }
      }),
    )
  })

  it('flips the same column and starts another in its natural direction', () => {
    expect(nextSort({ column: 'rank', direction: 'asc' }, 'rank')).toEqual({ column: 'rank', direction: 'desc' })
    expect(nextSort({ column: 'rank', direction: 'asc' }, 'netReturnPct')).toEqual({ column: 'netReturnPct', direction: 'desc' })
    expect(nextSort({ column: 'sharpe', direction: 'desc' }, 'name')).toEqual({ column: 'name', direction: 'asc' })
  })
})

describe('pilot colours and controls', () => {
  it('gives each pilot its own colour, stable whatever the order', () => {
    const a = pilotColors(['zeta', 'alpha', 'mid'])
    const b = pilotColors(['mid', 'zeta', 'alpha'])
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort())
    expect(new Set(a.values()).size).toBe(3)
    expect(a.get('alpha')).toBe(PILOT_COLORS[0])
  })

  it('offers only the controls that mean something in each state', () => {
    const names = (state: PilotStatus['state'], cycling = false): string[] => [...availableControls(state, cycling)].sort()
    expect(names('running')).toEqual(['pause', 'runNow', 'stop'])
    expect(names('running', true)).toEqual(['pause', 'stop'])
    expect(names('paused')).toEqual(['resume', 'runNow', 'stop'])
    expect(names('stopped')).toEqual(['resume'])
    expect(names('waiting_for_key')).toEqual(['pause', 'stop'])
    expect(names('halted')).toEqual(['stop'])
    for (const state of PilotStateSchema.options) expect(availableControls(state, true).has('runNow')).toBe(false)
  })
})

describe('joining leaderboard, pilot list and views', () => {
  it('orders by rank, then pilots only the list knows, and prefers the fresher state', () => {
    const views: ArenaPilotView[] = [{ pilotId: 'b', positions: [], latestDecision: null, equity: [{ at: 1, equity: 10 }] }]
    const joined = joinPilots([row('a', { netReturnPct: -1 }), row('b', { netReturnPct: 2, state: 'running' })], { b: status('b', { state: 'paused' }), c: status('c') }, views)
    expect(joined.map((p) => p.pilotId)).toEqual(['b', 'a', 'c'])
    expect(joined[0]).toMatchObject({ name: 'Pilot b', state: 'paused', view: views[0] })
    expect(joined[1]).toMatchObject({ name: 'A', state: 'running', status: null, view: null })
    expect(joined[2]).toMatchObject({ row: null, model: 'rules/trend_following' })
  })
})

describe('curves', () => {
  it('turns equity into percent return on the starting balance, else on the first point', () => {
    const points = [
      { at: 1, equity: 10_000 },
      { at: 2, equity: 10_500 },
      { at: 3, equity: 9_000 },
    ]
    expect(toReturnCurve(points, 10_000).map((p) => Math.round(p.value * 100) / 100)).toEqual([0, 5, -10])
    expect(toReturnCurve(points.slice(1), null)[1]!.value).toBeCloseTo(-14.2857, 3)
    expect(toReturnCurve([], null)).toEqual([])
  })

  it('gives the chart strictly increasing times, the last point of a second winning', () => {
    const at = 1_700_000_000_000
    const data = toLineData([
      { at: at + 2_000, value: 3 },
      { at, value: 1 },
      { at: at + 400, value: 2 },
      { at: at + 5_000, value: Number.NaN },
    ])
    expect(data).toEqual([
      { time: toChartTime(at), value: 2 },
      { time: toChartTime(at + 2_000), value: 3 },
    ])
  })

  it('signs returns', () => {
    expect(formatSignedPct(1.234)).toBe('+1.23%')
    expect(formatSignedPct(-1.234)).toBe('\u22121.23%')
    expect(formatSignedPct(0.001)).toBe('0.00%')
    expect(formatSignedPct(null)).toBe('—')
  })
})

describe('coalescing refetches', () => {
  afterEach(() => vi.useRealTimers())

  it('runs at once, then at most once per interval, never dropping the last request', () => {
    vi.useFakeTimers()
    const run = vi.fn()
    const c = coalesce(run, 2_000)
    c.request()
    expect(run).toHaveBeenCalledTimes(1)
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(100)
      c.request()
    }
    expect(run).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1_000)
    expect(run).toHaveBeenCalledTimes(2) // the burst, once, two seconds after the first run
    vi.advanceTimersByTime(10_000)
    expect(run).toHaveBeenCalledTimes(2)
    c.request()
    expect(run).toHaveBeenCalledTimes(3)
  })

  it('can be cancelled', () => {
    vi.useFakeTimers()
    const run = vi.fn()
    const c = coalesce(run, 2_000)
    c.request()
    c.request()
    c.cancel()
    vi.advanceTimersByTime(5_000)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('runs at once again after a reset', () => {
    vi.useFakeTimers()
    const run = vi.fn()
    const c = coalesce(run, 2_000)
    c.request()
    c.reset()
    c.request()
    expect(run).toHaveBeenCalledTimes(2)
  })
})
