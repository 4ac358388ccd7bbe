import type { UTCTimestamp } from 'lightweight-charts'

/**
 * lightweight-charts draws every time as UTC. Shifting each bar by the local
 * offset of its own moment (the library's documented way) makes the axis
 * read in local time, like every other timestamp in the app, and keeps day
 * boundaries on local midnight.
 */
export function toChartTime(epochMs: number): UTCTimestamp {
  const offsetMs = new Date(epochMs).getTimezoneOffset() * 60_000
  return Math.floor((epochMs - offsetMs) / 1000) as UTCTimestamp
}
