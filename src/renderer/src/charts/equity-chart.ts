import { AreaSeries, ColorType, createChart, LineType, type AreaData, type IChartApi, type ISeriesApi, type Time } from 'lightweight-charts'
import { withAlpha, type ChartPalette } from './chart-palette'
import { toChartTime } from './chart-time'

export interface EquityPointLike {
  at: number
  equity: number
}

/** Imperative handle on one account's equity curve; fed from the store, never through React renders. */
export interface EquityChart {
  setPoints(points: readonly EquityPointLike[]): void
  update(point: EquityPointLike): void
  applyPalette(palette: ChartPalette): void
  dispose(): void
}

export function createEquityChart(container: HTMLElement, palette: ChartPalette, fontFamily: string): EquityChart {
  // A card-sized chart: no scrolling or zooming to fight the page's own scroll.
  const chart: IChartApi = createChart(container, {
    autoSize: true,
    handleScroll: false,
    handleScale: false,
    layout: { fontFamily, fontSize: 10, attributionLogo: false },
    rightPriceScale: { borderVisible: false, scaleMargins: { top: 0.12, bottom: 0.08 } },
    timeScale: { borderVisible: false, timeVisible: true, secondsVisible: false, fixLeftEdge: true, fixRightEdge: true },
    crosshair: { horzLine: { visible: false, labelVisible: false } },
  })
  // Grouped digits with cents, like every other money figure in the app.
  const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  const series: ISeriesApi<'Area'> = chart.addSeries(AreaSeries, {
    lineWidth: 2,
    lineType: LineType.Simple,
    priceLineVisible: false,
    lastValueVisible: true,
    priceFormat: { type: 'custom', minMove: 0.01, formatter: (value: number) => money.format(value) },
  })
  let lastTime = 0

  const paint = (p: ChartPalette): void => {
    chart.applyOptions({
      layout: { background: { type: ColorType.Solid, color: p.background }, textColor: p.text },
      grid: { vertLines: { visible: false }, horzLines: { color: p.grid } },
    })
    series.applyOptions({ lineColor: p.crosshair, topColor: withAlpha(p.crosshair, 0.28), bottomColor: withAlpha(p.crosshair, 0.02) })
  }
  paint(palette)

  // The library needs strictly increasing times; points in the same second collapse to the last.
  const toData = (points: readonly EquityPointLike[]): AreaData<Time>[] => {
    const out: AreaData<Time>[] = []
    for (const p of points) {
      const time = toChartTime(p.at)
      if (out.length > 0 && (out.at(-1)!.time as number) >= time) out[out.length - 1] = { time, value: p.equity }
      else out.push({ time, value: p.equity })
    }
    return out
  }

  return {
    setPoints(points) {
      const data = toData(points)
      series.setData(data)
      lastTime = (data.at(-1)?.time as number | undefined) ?? 0
      chart.timeScale().fitContent()
    },
    update(point) {
      const time = toChartTime(point.at)
      if (time < lastTime) return
      lastTime = time
      series.update({ time, value: point.equity })
    },
    applyPalette: paint,
    dispose: () => chart.remove(),
  }
}
