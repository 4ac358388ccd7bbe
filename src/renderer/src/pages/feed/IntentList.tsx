import { useTranslation } from 'react-i18next'
import { ManagedOrderStateSchema } from '../../../../shared/contract/domains/orders'
import type { IntentLink } from '../../../../shared/domain/agents/decision'
import { formatQuantity } from '../../format/numbers'
import { monitorHrefForOrder } from '../../navigation/order-link'

/** What became of each order a decision proposed: sent, or stopped, and why. */
export function IntentList({ intents }: { intents: readonly IntentLink[] }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <ul className="intent-list" aria-label={t('feed.card.intents')}>
      {intents.map((intent) => (
        <li key={intent.intentId} className="intent-row" data-testid="feed-intent" data-status={intent.status}>
          <span className={intent.side === 'buy' ? 'side-buy' : 'side-sell'}>{t(`side.${intent.side}`)}</span>
          <span className="mono">{formatQuantity(intent.amount)}</span>
          <span className="mono intent-symbol">{intent.symbol}</span>
          <span className={`intent-status intent-${intent.status}`} title={t(`feed.intentStatusHint.${intent.status}`)}>
            {t(`feed.intentStatus.${intent.status}`)}
          </span>
          {intent.reasons.map((code) => (
            <span key={code} className="reason-chip mono" data-testid="feed-intent-reason">
              {code}
            </span>
          ))}
          {intent.message && <span className="intent-message">{intent.message}</span>}
          {intent.orderStatus && <OrderStatePill status={intent.orderStatus} />}
          {intent.filled !== null && intent.filled > 0 && <span className="dim mono">{t('feed.card.filled', { filled: formatQuantity(intent.filled) })}</span>}
          {intent.clientOrderId && (
            <a className="intent-order-link" href={monitorHrefForOrder(intent.clientOrderId)} title={t('feed.card.openOrderHint', { id: intent.clientOrderId })} data-testid="feed-intent-order">
              {t('feed.card.openOrder')}
            </a>
          )}
        </li>
      ))}
    </ul>
  )
}

/** The order's state in the blotter's words when the kernel sends a known one; otherwise its own text. */
function OrderStatePill({ status }: { status: string }): React.JSX.Element {
  const { t } = useTranslation()
  const known = ManagedOrderStateSchema.safeParse(status)
  return (
    <span className={`state-pill state-${known.success ? known.data : 'unknown'}`} data-testid="feed-intent-order-state">
      {known.success ? t(`orderState.${known.data}`) : status}
    </span>
  )
}
