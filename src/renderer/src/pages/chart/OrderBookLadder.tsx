import { useTranslation } from 'react-i18next'
import { setTicketPrice } from '../../stores/ticket-store'
import { priceText } from '../../trading/ticket-form'
import { useMarketFeedStore, type MarketFeedState } from '../../stores/market-feed-store'
import { decimalsOf, formatFixed, spreadOf } from './format-market'
import { ladderSide, LADDER_LEVELS } from './ladder-rows'
import { useFrameValue } from './use-frame-value'

const selectBook = (s: MarketFeedState) => s.book

/**
 * Asks above, bids below, best prices meeting at the spread row in the
 * middle. Rows have fixed positions (keyed by index), so a new book only
 * changes text and bar widths, never the DOM structure.
 */
export function OrderBookLadder(): React.JSX.Element {
  const { t } = useTranslation()
  const book = useFrameValue(selectBook)
  const instrument = useMarketFeedStore((s) => s.instrument)
  const priceDecimals = decimalsOf(instrument?.tickSize ?? 0.01)
  const sizeDecimals = decimalsOf(instrument?.stepSize ?? 1)
  const asks = ladderSide(book?.asks ?? [])
  const bids = ladderSide(book?.bids ?? [])
  const largest = Math.max(1e-12, ...asks.map((r) => r.size), ...bids.map((r) => r.size))
  const touch = spreadOf(book?.bids[0]?.[0], book?.asks[0]?.[0])
  const ladderHint = t('ticket.ladderHint')

  const row = (side: 'ask' | 'bid', level: ReturnType<typeof ladderSide>[number] | undefined, index: number) => (
    <div key={index} className={`ladder-row ${side}`} data-side={side} data-price={level?.price} title={level ? ladderHint : undefined}>
      <span className="ladder-bar" style={{ width: level ? `${(level.size / largest) * 100}%` : 0 }} />
      <span className="ladder-price">{level ? formatFixed(level.price, priceDecimals) : ''}</span>
      <span className="ladder-size">{level ? formatFixed(level.size, sizeDecimals) : ''}</span>
      <span className="ladder-total">{level ? formatFixed(level.total, sizeDecimals) : ''}</span>
    </div>
  )

  // One handler for all rows (they are re-used across books): a click puts that price on the ticket.
  const onClick = (event: React.MouseEvent<HTMLElement>): void => {
    const price = Number((event.target as HTMLElement).closest<HTMLElement>('.ladder-row[data-price]')?.dataset.price)
    if (price > 0) setTicketPrice(priceText(price, instrument?.tickSize ?? 0.01))
  }

  return (
    <section className="panel ladder" data-testid="order-book" aria-label={t('chart.orderBook')} onClick={onClick}>
      <header className="panel-header">
        <h2 className="panel-title">{t('chart.orderBook')}</h2>
        <span className="panel-aside mono">{instrument?.base ?? ''}</span>
      </header>
      <div className="ladder-head">
        <span>{t('chart.price')}</span>
        <span>{t('chart.size')}</span>
        <span>{t('chart.total')}</span>
      </div>
      {/* Farthest ask on top, so the best ask sits right above the spread. */}
      <div className="ladder-side ladder-asks">{Array.from({ length: LADDER_LEVELS }, (_, i) => row('ask', asks[LADDER_LEVELS - 1 - i], i))}</div>
      <div className="ladder-spread" data-testid="book-spread">
        {touch ? (
          <>
            <span className="ladder-mid">{formatFixed(touch.mid, priceDecimals + 1)}</span>
            <span className="ladder-spread-value">
              {t('chart.spread')} {formatFixed(touch.spread, priceDecimals)} · {t('chart.bps', { value: touch.bps.toFixed(2) })}
            </span>
          </>
        ) : (
          <span className="muted">{t('chart.waitingBook')}</span>
        )}
      </div>
      <div className="ladder-side ladder-bids">{Array.from({ length: LADDER_LEVELS }, (_, i) => row('bid', bids[i], i))}</div>
    </section>
  )
}

