import type { RiskConfig } from '../../../../shared/domain/risk'
import { finiteOrNull } from '../reasons'
import { API_ERROR_MIN_CALLS } from './breaker-metrics'
import type { BreakerMetrics, BreakerRule, BreakerTrip, TripTier } from './breaker-types'

/**
 * Tiers, the same for every measure: at 70% of a threshold the scope turns
 * REDUCING (only risk-reducing orders pass), at 100% it HALTS. The early tier
 * gives a drifting desk a chance to shrink before the hard stop, which needs
 * a person to lift it. A measure at zero never trips, so a threshold of 0
 * means "on the first loss, error or move".
 */
export const REDUCING_SHARE = 0.7

export type BreakerThresholds = RiskConfig['breakers']

/** Every condition tripped by the metrics at `now`. */
export function currentTrips(m: BreakerMetrics, t: BreakerThresholds, now: number): BreakerTrip[] {
  const trips: BreakerTrip[] = []
  const add = (rule: BreakerRule, actual: number, threshold: number, what: (actual: number, limit: number) => string): void => {
    const tier = tierOf(actual, threshold)
    if (!tier) return
    const limit = tier === 'halted' ? threshold : threshold * REDUCING_SHARE
    trips.push({ rule, tier, message: `${what(actual, limit)} (${tierText(tier)})`, limit: finiteOrNull(limit), actual: finiteOrNull(actual) })
  }
  const pct = (x: number): string => `${x.toFixed(2)}%`

  if (m.dayStartEquity !== null && m.dayStartEquity > 0 && m.lastEquity !== null) {
    const drawdown = ((m.dayStartEquity - m.lastEquity) / m.dayStartEquity) * 100
    add('daily_drawdown', drawdown, t.dailyDrawdownPct, (x, l) => `Equity is down ${pct(x)} today; the limit is ${pct(l)}`)
  }
  if (m.peakEquity !== null && m.peakEquity > 0 && m.lastEquity !== null) {
    const drawdown = ((m.peakEquity - m.lastEquity) / m.peakEquity) * 100
    add('peak_drawdown', drawdown, t.peakDrawdownPct, (x, l) => `Equity is ${pct(x)} below its peak; the limit is ${pct(l)}`)
  }
  add('consecutive_losses', m.consecutiveLosses, t.maxConsecutiveLosses, (x, l) => `${x} losing trades in a row; the limit is ${l}`)

  if (m.apiCalls.length >= API_ERROR_MIN_CALLS) {
    const errors = m.apiCalls.reduce((n, [, ok]) => n + (ok ? 0 : 1), 0)
    const rate = (errors / m.apiCalls.length) * 100
    add('api_error_rate', rate, t.apiErrorRatePct, (x, l) => `${errors} of the last ${m.apiCalls.length} venue calls failed (${pct(x)}); the limit is ${pct(l)}`)
  }

  let worstMove = 0
  let worstSymbol = ''
  for (const { symbol, samples } of m.marks) {
    let low = Infinity
    let high = -Infinity
    for (const [, price] of samples) {
      low = Math.min(low, price)
      high = Math.max(high, price)
    }
    const move = low > 0 && Number.isFinite(high) ? ((high - low) / low) * 100 : 0
    if (move > worstMove) [worstMove, worstSymbol] = [move, symbol]
  }
  add('volatility', worstMove, t.volatilityPctPerMinute, (x, l) => `${worstSymbol} moved ${pct(x)} within a minute; the limit is ${pct(l)}`)

  if (m.bookAnomalies.length > 0) {
    const oldest = m.bookAnomalies.reduce((a, b) => (b.since < a.since ? b : a))
    const lastingMs = Math.max(0, now - oldest.since)
    const names = m.bookAnomalies.map((b) => `${b.symbol} ${b.condition}`).join(', ')
    // Any anomaly stops new entries at once; one lasting as long as the disconnection limit halts.
    const tier: TripTier = lastingMs >= t.disconnectMs ? 'halted' : 'reducing'
    trips.push({ rule: 'book_anomaly', tier, message: `Order book anomaly: ${names}, for ${Math.round(lastingMs / 1000)} s (${tierText(tier)})`, limit: t.disconnectMs, actual: lastingMs })
  }

  if (m.disconnectedSince !== null) {
    const downMs = Math.max(0, now - m.disconnectedSince)
    add('disconnected', downMs, t.disconnectMs, (x, l) => `Disconnected for ${Math.round(x / 1000)} s; the limit is ${Math.round(l / 1000)} s`)
  }
  return trips
}

function tierOf(actual: number, threshold: number): TripTier | null {
  if (!(actual > 0)) return null
  if (actual >= threshold) return 'halted'
  if (actual >= threshold * REDUCING_SHARE) return 'reducing'
  return null
}

function tierText(tier: TripTier): string {
  return tier === 'halted' ? 'halted until a person lifts it' : 'reducing only'
}
