import { useTranslation } from 'react-i18next'
import { useMarketFeedStore, type MarketFeedState } from '../../stores/market-feed-store'
import { decimalsOf, formatCompact, formatFixed, spreadOf } from './format-market'
import { useFrameValue } from './use-frame-value'

const selectTicker = (s: MarketFeedState) => s.ticker
const selectDirection = (s: MarketFeedState) => s.tickDirection

/** Last, touch, spread and 24 h volume of the watched symbol, refreshed at most once per frame. */
export function TickerStrip(): React.JSX.Element {
  const { t } = useTranslation()
  const ticker = useFrameValue(selectTicker)
  const direction = useFrameValue(selectDirection)
  const instrument = useMarketFeedStore((s) => s.instrument)
  const decimals = decimalsOf(instrument?.tickSize ?? 0.01)
  const spread = spreadOf(ticker?.bid, ticker?.ask)

  return (
    <div className="ticker-strip" data-testid="ticker-strip">
      <div className="ticker-symbol">
        <span className="ticker-name">{instrument?.symbol ?? '—'}</span>
        <span className="ticker-venue-symbol">{instrument ? `${instrument.venue} · ${instrument.venueSymbol}` : ''}</span>
      </div>
      <div className={`ticker-last tick-${direction ?? 'none'}`} data-testid="ticker-last">
        {formatFixed(ticker?.last, decimals)}
      </div>
      <Stat label={t('chart.bid')} value={formatFixed(ticker?.bid, decimals)} className="bid" testId="ticker-bid" />
      <Stat label={t('chart.ask')} value={formatFixed(ticker?.ask, decimals)} className="ask" testId="ticker-ask" />
      <Stat
        label={t('chart.spread')}
        value={spread ? `${formatFixed(spread.spread, decimals)} · ${t('chart.bps', { value: spread.bps.toFixed(2) })}` : '—'}
        testId="ticker-spread"
      />
      <Stat label={t('chart.volume24h')} value={`${formatCompact(ticker?.baseVolume)} ${instrument?.base ?? ''}`} testId="ticker-volume" />
      {instrument && (
        <div className="ticker-rules">
          <Stat label={t('chart.tickSize')} value={formatFixed(instrument.tickSize, decimals)} testId="rule-tick" />
          <Stat label={t('chart.contract')} value={`${instrument.contractSize} ${instrument.base}`} testId="rule-contract" />
          {instrument.maxLeverage !== null && <Stat label={t('chart.maxLeverage')} value={`${instrument.maxLeverage}×`} testId="rule-leverage" />}
        </div>
      )}
    </div>
  )
}

function Stat({ label, value, className, testId }: { label: string; value: string; className?: string; testId: string }): React.JSX.Element {
  return (
    <div className="ticker-stat">
      <span className="ticker-stat-label">{label}</span>
      <span className={className ? `ticker-stat-value ${className}` : 'ticker-stat-value'} data-testid={testId}>
        {value}
      </span>
    </div>
  )
}
