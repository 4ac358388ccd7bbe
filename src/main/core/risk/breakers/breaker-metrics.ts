import { assertNever } from '../reasons'
import type { BreakerInput, BreakerMetrics } from './breaker-types'

/** Error rate and volatility are measured over the trailing minute. */
export const API_ERROR_WINDOW_MS = 60_000
export const VOLATILITY_WINDOW_MS = 60_000
/** Fewer calls than this say nothing about an error rate (one failure of one call is not 100%). */
export const API_ERROR_MIN_CALLS = 10
// Bounds on persisted samples, far above real rates (a mark a second, a few calls a second).
const MAX_API_SAMPLES = 5_000
const MAX_MARK_SAMPLES = 600
const DAY_MS = 86_400_000

export function emptyMetrics(): BreakerMetrics {
  return { dayStart: null, dayStartEquity: null, peakEquity: null, lastEquity: null, consecutiveLosses: 0, apiCalls: [], marks: [], bookAnomalies: [], disconnectedSince: null }
}

/** Days start at midnight UTC, the venues' own daily boundary. */
export function dayStartOf(at: number): number {
  return Math.floor(at / DAY_MS) * DAY_MS
}

/**
 * Folds one input into the metrics, returning new metrics (the old are left
 * untouched). A non-finite number in an input is dropped: a glitch in one
 * snapshot must neither trip nor clear a breaker.
 */
export function recordInput(m: BreakerMetrics, input: BreakerInput): BreakerMetrics {
  switch (input.kind) {
    case 'equity': {
      if (!Number.isFinite(input.equity)) return m
      const day = dayStartOf(input.at)
      const newDay = m.dayStart === null || day > m.dayStart
      return {
        ...m,
        dayStart: newDay ? day : m.dayStart,
        dayStartEquity: newDay ? input.equity : m.dayStartEquity,
        peakEquity: Math.max(m.peakEquity ?? input.equity, input.equity),
        lastEquity: input.equity,
      }
    }
    case 'trade_closed':
      if (!Number.isFinite(input.pnl)) return m
      // A win or a scratch ends the losing streak.
      return { ...m, consecutiveLosses: input.pnl < 0 ? m.consecutiveLosses + 1 : 0 }
    case 'api_call':
      return { ...m, apiCalls: [...m.apiCalls, [input.at, input.ok ? 1 : 0] as [number, 0 | 1]].slice(-MAX_API_SAMPLES) }
    case 'mark': {
      if (!(Number.isFinite(input.price) && input.price > 0)) return m
      const existing = m.marks.find((s) => s.symbol === input.symbol)
      const samples = [...(existing?.samples ?? []), [input.at, input.price] as [number, number]].slice(-MAX_MARK_SAMPLES)
      return { ...m, marks: [...m.marks.filter((s) => s.symbol !== input.symbol), { symbol: input.symbol, samples }] }
    }
    case 'book': {
      const others = m.bookAnomalies.filter((b) => b.symbol !== input.symbol)
      if (input.condition === 'ok') return { ...m, bookAnomalies: others }
      // An anomaly that changes kind (empty, then crossed) is still the same episode.
      const since = m.bookAnomalies.find((b) => b.symbol === input.symbol)?.since ?? input.at
      return { ...m, bookAnomalies: [...others, { symbol: input.symbol, condition: input.condition, since }] }
    }
    case 'connection':
      return { ...m, disconnectedSince: input.connected ? null : (m.disconnectedSince ?? input.at) }
    case 'tick':
      return m
    default:
      return assertNever(input)
  }
}

/** Drops samples that have left their windows. */
export function pruneMetrics(m: BreakerMetrics, now: number): BreakerMetrics {
  const apiFrom = now - API_ERROR_WINDOW_MS
  const markFrom = now - VOLATILITY_WINDOW_MS
  const apiCalls = m.apiCalls.filter(([at]) => at > apiFrom)
  const marks = m.marks.map((s) => ({ symbol: s.symbol, samples: s.samples.filter(([at]) => at > markFrom) })).filter((s) => s.samples.length > 0)
  return { ...m, apiCalls, marks }
}

/**
 * Metrics restarted from the present, for when a person lifts a halt: the
 * drawdowns are measured from today's equity, the streak and the windows
 * start empty, and a disconnection or book anomaly still going on counts
 * from now. The person took responsibility for the damage so far; the
 * breaker watches for new damage.
 */
export function rebaseMetrics(m: BreakerMetrics, at: number): BreakerMetrics {
  return {
    dayStart: m.lastEquity === null ? null : dayStartOf(at),
    dayStartEquity: m.lastEquity,
    peakEquity: m.lastEquity,
    lastEquity: m.lastEquity,
    consecutiveLosses: 0,
    apiCalls: [],
    marks: [],
    bookAnomalies: m.bookAnomalies.map((b) => ({ ...b, since: at })),
    disconnectedSince: m.disconnectedSince === null ? null : at,
  }
}
