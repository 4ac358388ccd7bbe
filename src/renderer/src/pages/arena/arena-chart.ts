import { ColorType, createChart, LineSeries, LineType, type AutoscaleInfo, type IChartApi, type ISeriesApi } from 'lightweight-charts'
import type { ChartPalette } from '../../charts/chart-palette'
import type { ValuePoint } from '../../stores/arena-state'
import { autoscaleWithFloor, CURVE_MIN_MOVE, formatCurveValue, minimumRange, type CurveUnit } from './arena-scale'
import { toLineData } from './line-data'

export interface PilotCurve {
  pilotId: string
  color: string
  points: readonly ValuePoint[]
  /** Where the curve started (0 in Return %, the starting equity in Equity): the axis always shows a sane range around it. */
  baseline: number | null
}

/** Every pilot's curve on one chart, a line series each; fed by the Arena page, never by per-point React renders. */
export interface ArenaChart {
  setCurves(curves: readonly PilotCurve[], unit: CurveUnit): void
  applyPalette(palette: ChartPalette): void
  dispose(): void
}

export function createArenaChart(container: HTMLElement, palette: ChartPalette, fontFamily: string): ArenaChart {
  // An overview: the page scrolls, the chart does not fight it.
  const chart: IChartApi = createChart(container, {
    autoSize: true,
    handleScroll: false,
    handleScale: false,
    layout: { fontFamily, fontSize: 11, attributionLogo: false },
    rightPriceScale: { borderVisible: false, scaleMargins: { top: 0.1, bottom: 0.08 } },
    timeScale: { borderVisible: false, timeVisible: true, secondsVisible: false, fixLeftEdge: true, fixRightEdge: true },
  })
  const series = new Map<string, ISeriesApi<'Line'>>()

  const paint = (p: ChartPalette): void => {
    chart.applyOptions({
      layout: { background: { type: ColorType.Solid, color: p.background }, textColor: p.text },
      grid: { vertLines: { visible: false }, horzLines: { color: p.grid } },
      crosshair: { vertLine: { color: p.border, labelBackgroundColor: p.border }, horzLine: { color: p.border, labelBackgroundColor: p.border } },
    })
  }
  paint(palette)

  return {
    setCurves(curves, unit) {
      const wanted = new Set(curves.map((c) => c.pilotId))
      for (const [id, line] of series) {
        if (wanted.has(id)) continue
        chart.removeSeries(line)
        series.delete(id)
      }
      for (const curve of curves) {
        let line = series.get(curve.pilotId)
        if (!line) {
          line = chart.addSeries(LineSeries, { lineWidth: 2, lineType: LineType.Simple, priceLineVisible: false, lastValueVisible: true, crosshairMarkerRadius: 3 })
          series.set(curve.pilotId, line)
        }
        const data = toLineData(curve.points)
        const floor = curve.baseline === null ? null : minimumRange(unit, curve.baseline)
        line.applyOptions({
          color: curve.color,
          // A line needs two points: a pilot that just started shows as a dot rather than not at all.
          pointMarkersVisible: data.length < 3,
          priceFormat: { type: 'custom', minMove: CURVE_MIN_MOVE, formatter: (value: number) => formatCurveValue(unit, value) },
          // Tiny moves must look tiny: the axis never zooms in past the floor around the curve's start.
          autoscaleInfoProvider: (original: () => AutoscaleInfo | null) => autoscaleWithFloor(original(), floor),
        })
        line.setData(data)
      }
      // An overview without zoom: every refresh shows the whole contest.
      if (curves.length > 0) chart.timeScale().fitContent()
    },
    applyPalette: paint,
    dispose: () => chart.remove(),
  }
}
