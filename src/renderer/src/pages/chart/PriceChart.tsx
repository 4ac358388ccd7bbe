import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { createCandleChart, type CandleChart } from '../../charts/candle-chart'
import { paletteFrom } from '../../charts/chart-palette'
import { useMarketFeedStore, type MarketFeedState } from '../../stores/market-feed-store'
import { useSettingsStore } from '../../stores/settings-store'
import { decimalsOf } from './format-market'

/**
 * Candles and volume. The chart is fed straight from the store's `subscribe`:
 * a new history redraws it, a candle update goes to `series.update`, and
 * React never re-renders for either. `data-bars` tells tests what is drawn.
 */
export function PriceChart({ simulated }: { simulated: boolean }): React.JSX.Element {
  const { t } = useTranslation()
  const hostRef = useRef<HTMLDivElement>(null)
  const chartRef = useRef<CandleChart | null>(null)
  const theme = useSettingsStore((s) => s.settings?.theme ?? 'dark')

  useEffect(() => {
    const host = hostRef.current!
    const chart = createCandleChart(host, paletteFrom(host), getComputedStyle(host).fontFamily)
    chartRef.current = chart
    const apply = (state: MarketFeedState, prev: MarketFeedState | null): void => {
      if (state.instrument && state.instrument !== prev?.instrument) chart.setPriceStep(state.instrument.tickSize, decimalsOf(state.instrument.tickSize))
      if (state.history !== prev?.history) chart.setHistory(state.history)
      else if (state.lastCandle && state.lastCandle !== prev.lastCandle) chart.update(state.lastCandle)
      else return
      host.dataset.bars = String(chart.barCount())
      host.dataset.timeframe = state.selection?.timeframe ?? ''
    }
    apply(useMarketFeedStore.getState(), null)
    const unsubscribe = useMarketFeedStore.subscribe(apply)
    return () => {
      unsubscribe()
      chart.dispose()
      chartRef.current = null
    }
  }, [])

  // The palette lives in CSS variables; re-read them when the theme changes.
  useEffect(() => {
    if (hostRef.current) chartRef.current?.applyPalette(paletteFrom(hostRef.current))
  }, [theme])

  useEffect(() => {
    chartRef.current?.setWatermark(simulated ? t('chart.watermark') : null)
  }, [simulated, t])

  return <div ref={hostRef} className="price-chart" data-testid="price-chart" />
}
