import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { useOrdersStore } from '../../stores/orders-store'
import { forAccount } from '../../stores/orders-state'
import { OrderRow } from './OrderRow'

// What a trader scans first comes first (the blotter under the chart is narrower than its columns);
// the cancel button column sticks to the right edge so it never scrolls out of reach.
const COLUMNS = ['time', 'symbol', 'side', 'type', 'size', 'price', 'filled', 'avgPrice', 'state', 'slippage', 'fees', 'account', 'origin', 'actions'] as const
const NUMERIC = new Set<string>(['size', 'price', 'filled', 'avgPrice', 'slippage', 'fees'])

/**
 * Working orders or the history. It re-renders when the list of ids changes
 * (an order added, or moved from open to history); figures update per row.
 * focusId, an intent id, is the row a Monitor link picked out.
 */
export function OrdersTable({ scope, accountId, focusId = null }: { scope: 'open' | 'history'; accountId: string | null; focusId?: string | null }): React.JSX.Element {
  const { t } = useTranslation()
  const ids = useOrdersStore(useShallow((s) => forAccount(scope === 'open' ? s.openIds : s.historyIds, s.byId, accountId)))
  const error = useOrdersStore((s) => s.error)
  const loaded = useOrdersStore((s) => s.loaded)
  return (
    <table className="data-table blotter-table" data-testid={`orders-${scope}`}>
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th key={column} className={NUMERIC.has(column) ? 'num' : column === 'actions' ? 'actions' : undefined}>
              {column === 'actions' ? '' : t(`blotter.columns.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ids.map((id) => (
          <OrderRow key={id} id={id} focused={id === focusId} />
        ))}
        {ids.length === 0 && (
          <tr className="empty-row">
            <td colSpan={COLUMNS.length} data-testid="blotter-empty">
              {error ? (
                <span className="tone-down" title={error.code}>
                  {t('blotter.loadFailed', { message: error.message })}
                </span>
              ) : loaded ? (
                t(`blotter.empty.${scope}`)
              ) : (
                t('common.loading')
              )}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  )
}
