import type { LineData, Time } from 'lightweight-charts'
import { toChartTime } from '../../charts/chart-time'
import type { ValuePoint } from '../../stores/arena-state'

/**
 * Points as lightweight-charts needs them: strictly increasing times in
 * local-time seconds, so points within one second collapse to the last;
 * points out of order are sorted first rather than refused by the library.
 */
export function toLineData(points: readonly ValuePoint[]): LineData<Time>[] {
  const sorted = points.every((p, i) => i === 0 || points[i - 1]!.at <= p.at) ? points : [...points].sort((a, b) => a.at - b.at)
  const out: LineData<Time>[] = []
  for (const p of sorted) {
    if (!Number.isFinite(p.value)) continue
    const time = toChartTime(p.at)
    if (out.length > 0 && (out.at(-1)!.time as number) >= time) out[out.length - 1] = { time, value: p.value }
    else out.push({ time, value: p.value })
  }
  return out
}
