import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useConnectionStore } from '../../stores/connection-store'
import { loadMarketCatalog, useMarketCatalogStore } from '../../stores/market-catalog-store'
import { useMarketFeedStore } from '../../stores/market-feed-store'
import { stopWatching, watchMarket } from '../../stores/market-watch'
import { Blotter } from '../../components/trading/Blotter'
import { MarketToolbar } from './MarketToolbar'
import { OrderBookLadder } from './OrderBookLadder'
import { PriceChart } from './PriceChart'
import { TickerStrip } from './TickerStrip'
import { OrderTicket } from './ticket/OrderTicket'
import { TradeTape } from './TradeTape'
import './chart.css'
import './book-and-tape.css'
import './toolbar.css'

/**
 * The Chart page. It renders on selection, phase and error changes only;
 * live data flows from the store into the chart, ladder, tape and ticker,
 * each of which refreshes itself; the order ticket and the blotter below
 * the chart subscribe to the order-path stores on their own.
 */
export function ChartPage(): React.JSX.Element {
  const { t } = useTranslation()
  const venues = useMarketCatalogStore((s) => s.venues)
  const selection = useMarketCatalogStore((s) => s.selection)
  const catalogError = useMarketCatalogStore((s) => s.error)
  const failedVenue = useMarketCatalogStore((s) => s.failedVenue)
  const connecting = useMarketCatalogStore((s) => s.connecting)
  const phase = useMarketFeedStore((s) => s.phase)
  const watchError = useMarketFeedStore((s) => s.error)
  const simulated = venues?.find((v) => v.id === selection?.venue)?.simulated ?? false
  const venueName = (id: string): string => {
    const found = venues?.find((v) => v.id === id)
    return found?.simulated ? t('chart.simulatorName') : (found?.name ?? id)
  }

  // Asked once the kernel is reachable, and again after a reconnect (it may have restarted).
  const connected = useConnectionStore((s) => s.state === 'open')
  useEffect(() => {
    if (connected) void loadMarketCatalog()
  }, [connected])

  const venue = selection?.venue
  const symbol = selection?.symbol
  const timeframe = selection?.timeframe
  useEffect(() => {
    if (venue === undefined || symbol === undefined || timeframe === undefined) return
    void watchMarket({ venue, symbol, timeframe })
  }, [venue, symbol, timeframe])
  useEffect(() => stopWatching, [])

  return (
    <div className={simulated ? 'chart-page simulated' : 'chart-page'} data-testid="page-chart">
      <div className="chart-titlebar">
        <h1>{t('nav.chart')}</h1>
        <MarketToolbar simulated={simulated} />
      </div>
      {connecting !== null && connecting !== venue && (
        <p className="muted" role="status" data-testid="venue-connecting">
          {t('chart.connecting', { venue: venueName(connecting) })}
        </p>
      )}
      {catalogError && (
        <ErrorAlert
          error={catalogError}
          message={failedVenue === null ? t('chart.loadFailed', { message: catalogError.message }) : t('chart.connectFailed', { venue: venueName(failedVenue), message: catalogError.message })}
          testId="chart-load-error"
        />
      )}
      {venues?.length === 0 && <p className="muted">{t('chart.noVenues')}</p>}
      {watchError && <ErrorAlert error={watchError} message={t('chart.watchFailed', { symbol: symbol ?? '', message: watchError.message })} testId="chart-watch-error" />}
      <TickerStrip />
      <div className="chart-body">
        <section className="panel chart-panel" data-phase={phase}>
          <PriceChart simulated={simulated} />
          {phase === 'loading' && <div className="chart-overlay">{t('chart.loading')}</div>}
        </section>
        <OrderBookLadder />
        <div className="chart-side">
          <OrderTicket />
          <TradeTape />
        </div>
        <Blotter testId="chart-blotter" />
      </div>
    </div>
  )
}
