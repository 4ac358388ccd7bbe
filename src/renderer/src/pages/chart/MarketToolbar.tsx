import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { TimeframeSchema } from '../../../../shared/domain/market'
import { selectSymbol, selectTimeframe, selectVenue, useMarketCatalogStore } from '../../stores/market-catalog-store'
import { FeedStatusDots } from './FeedStatusDots'
import { HistoryControl } from './HistoryControl'

/** Venue, symbol and timeframe pickers, the simulated-data warning, the history download and the feed health. */
export function MarketToolbar({ simulated }: { simulated: boolean }): React.JSX.Element {
  const { t } = useTranslation()
  const venueId = useId()
  const symbolId = useId()
  const venues = useMarketCatalogStore((s) => s.venues)
  const markets = useMarketCatalogStore((s) => s.markets)
  const selection = useMarketCatalogStore((s) => s.selection)
  // The picked venue shows at once, while it connects; the chart follows once its markets are in.
  const connecting = useMarketCatalogStore((s) => s.connecting)
  const symbols = selection ? (markets[selection.venue] ?? []) : []

  return (
    <div className="chart-toolbar">
      <label className="toolbar-field" htmlFor={venueId}>
        <span className="toolbar-label">{t('chart.venue')}</span>
        <select id={venueId} value={connecting ?? selection?.venue ?? ''} disabled={!venues?.length} onChange={(e) => void selectVenue(e.target.value)} data-testid="venue-select">
          {venues?.map((venue) => (
            <option key={venue.id} value={venue.id}>
              {venue.simulated ? t('chart.simulatorName') : venue.name}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-field" htmlFor={symbolId}>
        <span className="toolbar-label">{t('chart.symbol')}</span>
        <select id={symbolId} value={selection?.symbol ?? ''} disabled={symbols.length === 0} onChange={(e) => selectSymbol(e.target.value)} data-testid="symbol-select">
          {symbols.map((market) => (
            <option key={market.symbol} value={market.symbol}>
              {market.symbol}
            </option>
          ))}
        </select>
      </label>
      {simulated && (
        <span className="sim-badge" role="note" title={t('chart.simulatedHint')} data-testid="simulated-badge">
          {t('chart.simulated')}
        </span>
      )}
      <div className="timeframes" role="group" aria-label={t('chart.timeframe')} data-testid="timeframes">
        {TimeframeSchema.options.map((timeframe) => (
          <button
            key={timeframe}
            type="button"
            className="timeframe"
            aria-pressed={selection?.timeframe === timeframe}
            disabled={!selection}
            onClick={() => selectTimeframe(timeframe)}
            data-testid={`timeframe-${timeframe}`}
          >
            {timeframe}
          </button>
        ))}
      </div>
      <HistoryControl />
      <span className="toolbar-spacer" />
      <FeedStatusDots />
    </div>
  )
}
