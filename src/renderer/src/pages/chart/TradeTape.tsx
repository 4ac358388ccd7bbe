import { useTranslation } from 'react-i18next'
import { useMarketFeedStore, type MarketFeedState } from '../../stores/market-feed-store'
import { decimalsOf, formatClock, formatFixed } from './format-market'
import { useFrameValue } from './use-frame-value'

const selectTrades = (s: MarketFeedState) => s.trades

/** The last trades, newest on top, coloured by the taker's side. */
export function TradeTape(): React.JSX.Element {
  const { t } = useTranslation()
  const trades = useFrameValue(selectTrades)
  const instrument = useMarketFeedStore((s) => s.instrument)
  const priceDecimals = decimalsOf(instrument?.tickSize ?? 0.01)
  const sizeDecimals = decimalsOf(instrument?.stepSize ?? 1)

  return (
    <section className="panel tape" data-testid="trade-tape" aria-label={t('chart.trades')}>
      <header className="panel-header">
        <h2 className="panel-title">{t('chart.trades')}</h2>
      </header>
      <div className="tape-head">
        <span>{t('chart.price')}</span>
        <span>{t('chart.size')}</span>
        <span>{t('chart.time')}</span>
      </div>
      <div className="tape-rows" data-count={trades.length}>
        {trades.length === 0 && <div className="tape-empty muted">{t('chart.waitingTrades')}</div>}
        {trades.map((trade) => (
          <div key={trade.id} className={`tape-row ${trade.side}`} data-trade-id={trade.id} title={t(trade.side === 'buy' ? 'chart.buy' : 'chart.sell')}>
            <span className="tape-price">{formatFixed(trade.price, priceDecimals)}</span>
            <span className="tape-size">{formatFixed(trade.amount, sizeDecimals)}</span>
            <span className="tape-time">{formatClock(trade.timestamp)}</span>
          </div>
        ))}
      </div>
    </section>
  )
}
