import {
  CandlestickSeries,
  ColorType,
  createChart,
  createTextWatermark,
  CrosshairMode,
  HistogramSeries,
  LineStyle,
  type CandlestickData,
  type HistogramData,
  type IChartApi,
  type ISeriesApi,
  type ITextWatermarkPluginApi,
  type Time,
} from 'lightweight-charts'
import type { Candle } from '../../../shared/domain/market'
import { withAlpha, type ChartPalette } from './chart-palette'
import { toChartTime } from './chart-time'

/** Imperative handle on one price chart; the React side only creates and feeds it. */
export interface CandleChart {
  /** Replaces every bar, e.g. after a new watch or timeframe. */
  setHistory(candles: readonly Candle[]): void
  /** Updates the current bar or opens the next one: the per-tick path, no full redraw. */
  update(candle: Candle): void
  /** Price axis precision and step, from the instrument's tick size. */
  setPriceStep(tickSize: number, precision: number): void
  setWatermark(text: string | null): void
  applyPalette(palette: ChartPalette): void
  barCount(): number
  dispose(): void
}

const VOLUME_SCALE = 'volume'

export function createCandleChart(container: HTMLElement, palette: ChartPalette, fontFamily: string): CandleChart {
  const chart: IChartApi = createChart(container, {
    autoSize: true,
    layout: { fontFamily, fontSize: 11, background: { type: ColorType.Solid, color: palette.background }, textColor: palette.text },
    crosshair: { mode: CrosshairMode.Normal },
    timeScale: { timeVisible: true, secondsVisible: false, rightOffset: 8, barSpacing: 8, borderVisible: true },
    rightPriceScale: { borderVisible: true, scaleMargins: { top: 0.08, bottom: 0.24 } },
  })
  const candles: ISeriesApi<'Candlestick'> = chart.addSeries(CandlestickSeries, { priceLineStyle: LineStyle.Dashed })
  // Volume sits on its own scale in the bottom fifth, under the candles.
  const volume: ISeriesApi<'Histogram'> = chart.addSeries(HistogramSeries, { priceScaleId: VOLUME_SCALE, priceFormat: { type: 'volume' }, lastValueVisible: false, priceLineVisible: false })
  chart.priceScale(VOLUME_SCALE).applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } })

  let colors = palette
  let watermark: ITextWatermarkPluginApi<Time> | null = null
  let watermarkText: string | null = null
  let bars = 0
  let lastTime = 0

  const toCandle = (c: Candle): CandlestickData<Time> => ({ time: toChartTime(c.timestamp), open: c.open, high: c.high, low: c.low, close: c.close })
  const toVolume = (c: Candle): HistogramData<Time> => ({
    time: toChartTime(c.timestamp),
    value: c.volume,
    color: withAlpha(c.close >= c.open ? colors.up : colors.down, 0.38),
  })

  const paint = (p: ChartPalette): void => {
    colors = p
    chart.applyOptions({
      layout: { background: { type: ColorType.Solid, color: p.background }, textColor: p.text },
      grid: { vertLines: { color: p.grid }, horzLines: { color: p.grid } },
      crosshair: { vertLine: { color: withAlpha(p.crosshair, 0.5), labelBackgroundColor: p.border }, horzLine: { color: withAlpha(p.crosshair, 0.5), labelBackgroundColor: p.border } },
      timeScale: { borderColor: p.border },
      rightPriceScale: { borderColor: p.border },
    })
    candles.applyOptions({ upColor: p.up, downColor: p.down, borderUpColor: p.up, borderDownColor: p.down, wickUpColor: p.up, wickDownColor: p.down })
    watermark?.applyOptions({ lines: watermarkLines() })
  }

  const watermarkLines = () => (watermarkText ? [{ text: watermarkText, color: colors.watermark, fontSize: 56, fontStyle: 'bold', fontFamily }] : [])

  paint(palette)

  return {
    setHistory(history) {
      // Bars must be strictly increasing in time; a duplicate from a venue would make the library throw.
      const sorted = history.filter((c, i) => i === 0 || c.timestamp > history[i - 1]!.timestamp)
      candles.setData(sorted.map(toCandle))
      volume.setData(sorted.map(toVolume))
      bars = sorted.length
      lastTime = sorted.at(-1)?.timestamp ?? 0
      chart.timeScale().scrollToRealTime()
    },
    update(candle) {
      if (candle.timestamp < lastTime) return // the library refuses updates older than the last bar
      if (candle.timestamp > lastTime) bars++
      lastTime = candle.timestamp
      candles.update(toCandle(candle))
      volume.update(toVolume(candle))
    },
    setPriceStep(tickSize, precision) {
      // Grouped digits, like the ladder and the tape: "65,012.3", not "65012.3".
      const format = new Intl.NumberFormat('en-US', { minimumFractionDigits: precision, maximumFractionDigits: precision })
      candles.applyOptions({ priceFormat: { type: 'custom', minMove: tickSize, formatter: (price: number) => format.format(price) } })
    },
    setWatermark(text) {
      watermarkText = text
      if (!watermark) watermark = createTextWatermark(chart.panes()[0]!, { horzAlign: 'center', vertAlign: 'center', lines: [] })
      watermark.applyOptions({ lines: watermarkLines() })
    },
    applyPalette: paint,
    barCount: () => bars,
    dispose() {
      watermark?.detach()
      chart.remove()
    },
  }
}
