import { memo, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { IntentOrigin } from '../../../../shared/domain/intent'
import { formatDateTime } from '../../format/date-time'
import { formatMoney, formatPct, formatQuantity } from '../../format/numbers'
import { formatClock, formatFixed } from '../../pages/chart/format-market'
import { cancelOrder, useOrdersStore } from '../../stores/orders-store'
import { isWorking } from '../../stores/orders-state'
import { usePriceDecimals } from './use-price-decimals'

/**
 * One order of the blotter. It subscribes to its own order only, so an
 * `orders.updated` event re-renders this row and nothing else. A focused row
 * (the order a Monitor link names) is highlighted and scrolled into view.
 */
export const OrderRow = memo(function OrderRow({ id, focused = false }: { id: string; focused?: boolean }): React.JSX.Element | null {
  const { t } = useTranslation()
  const rowRef = useRef<HTMLTableRowElement>(null)
  const present = useOrdersStore((s) => s.byId[id] !== undefined)
  useEffect(() => {
    // The row and the page around it both scroll: centre it in whichever hides it.
    if (focused && present) rowRef.current?.scrollIntoView({ block: 'center' })
  }, [focused, present])
  const order = useOrdersStore((s) => s.byId[id])
  const cancelling = useOrdersStore((s) => s.cancelling[id] === true)
  const cancelError = useOrdersStore((s) => s.cancelErrors[id])
  const decimals = usePriceDecimals(order?.venue ?? '', order?.symbol ?? '')
  if (!order) return null
  const price = (value: number | null): string => (decimals === null ? formatQuantity(value) : formatFixed(value, decimals))
  const working = isWorking(order.state)

  return (
    <tr
      ref={rowRef}
      className={focused ? 'order-focused' : undefined}
      data-testid="order-row"
      data-intent-id={order.intentId}
      data-client-order-id={order.clientOrderId}
      data-state={order.state}
      data-focused={focused || undefined}
      aria-current={focused || undefined}
    >
      <td className="mono dim" title={formatDateTime(order.createdAt)}>
        {formatClock(order.createdAt)}
      </td>
      <td className="mono strong">{order.symbol}</td>
      <td className={`side-${order.side}`}>{t(`side.${order.side}`)}</td>
      <td>{t(`orderType.${order.type}`)}</td>
      <td className="num">{formatQuantity(order.amount)}</td>
      <td className="num">{order.price === null ? t('orderType.market') : price(order.price)}</td>
      <td className="num">{formatQuantity(order.filled)}</td>
      <td className="num">{price(order.averagePrice)}</td>
      <td>
        <span className={`state-pill state-${order.state}`} title={order.reason ?? undefined}>
          {t(`orderState.${order.state}`)}
        </span>
      </td>
      <td className={`num ${order.slippagePct !== null && order.slippagePct > 0 ? 'tone-down' : ''}`}>{formatPct(order.slippagePct, 3)}</td>
      <td className="num" title={order.feeCurrency ?? undefined}>
        {formatMoney(order.fees, 4)}
      </td>
      <td className="mono">{order.accountId}</td>
      <td className="origin-cell">
        <span title={originDetail(order.origin)}>{t(`origin.${order.origin.kind}`)}</span>
        {order.imported && (
          <span className="mini-badge badge-imported" title={t('blotter.importedHint')} data-testid="imported-badge">
            {t('blotter.imported')}
          </span>
        )}
      </td>
      <td className="actions">
        {working && (
          <button type="button" className="btn btn-tiny" disabled={cancelling} onClick={() => void cancelOrder(order.intentId)} data-testid="order-cancel">
            {cancelling ? t('blotter.cancelling') : t('blotter.cancel')}
          </button>
        )}
        {cancelError && (
          <span className="row-error" role="alert" title={`${cancelError.code}: ${cancelError.message}`}>
            {t('blotter.cancelFailed', { message: cancelError.message })}
          </span>
        )}
      </td>
    </tr>
  )
})

function originDetail(origin: IntentOrigin): string | undefined {
  if (origin.kind === 'pilot') return `${origin.pilotId} · ${origin.decisionId}`
  if (origin.kind === 'scanner') return origin.scannerId
  return undefined
}
