import type { TimeRange } from '../../ports/market-store'

/** First bucket start at or after `time`. */
export function alignUp(time: number, timeframeMs: number): number {
  return Math.ceil(time / timeframeMs) * timeframeMs
}

/**
 * The runs of missing buckets between `from` and `to` given the stored
 * bucket starts (ascending, all on the grid, within the span). Works from
 * the edges and the jumps between neighbours, so a year of 1-minute
 * candles costs a query, not half a million comparisons in JavaScript.
 */
export function missingRanges(from: number, to: number, timeframeMs: number, first: number | null, last: number | null, jumps: readonly { ts: number; next: number }[]): TimeRange[] {
  const start = alignUp(from, timeframeMs)
  const stop = alignUp(to, timeframeMs)
  if (start >= stop) return []
  if (first === null || last === null) return [{ from: start, to: stop }]
  const out: TimeRange[] = []
  if (first > start) out.push({ from: start, to: first })
  for (const { ts, next } of jumps) out.push({ from: ts + timeframeMs, to: next })
  if (last + timeframeMs < stop) out.push({ from: last + timeframeMs, to: stop })
  return out
}
