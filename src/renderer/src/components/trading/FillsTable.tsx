import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../format/date-time'
import { formatQuantity } from '../../format/numbers'
import { formatClock } from '../../pages/chart/format-market'
import { useOrdersStore } from '../../stores/orders-store'

/** Fills seen since this window opened (from `orders.filled`), newest first. */
export function FillsTable({ accountId }: { accountId: string | null }): React.JSX.Element {
  const { t } = useTranslation()
  const fills = useOrdersStore((s) => s.fills)
  const shown = accountId === null ? fills : fills.filter((f) => f.accountId === accountId)
  return (
    <table className="data-table blotter-table" data-testid="fills-table">
      <thead>
        <tr>
          <th>{t('blotter.columns.time')}</th>
          <th>{t('blotter.columns.account')}</th>
          <th>{t('blotter.columns.symbol')}</th>
          <th>{t('blotter.columns.side')}</th>
          <th className="num">{t('blotter.columns.price')}</th>
          <th className="num">{t('blotter.columns.size')}</th>
          <th className="num">{t('blotter.columns.fees')}</th>
          <th>{t('blotter.columns.liquidity')}</th>
          <th>{t('blotter.columns.tradeId')}</th>
        </tr>
      </thead>
      <tbody>
        {shown.map(({ accountId: account, fill }) => (
          <tr key={`${fill.venue}:${fill.tradeId}`}>
            <td className="mono dim" title={formatDateTime(fill.timestamp)}>
              {formatClock(fill.timestamp)}
            </td>
            <td className="mono">{account}</td>
            <td className="mono strong">{fill.symbol}</td>
            <td className={`side-${fill.side}`}>{t(`side.${fill.side}`)}</td>
            <td className="num">{formatQuantity(fill.price)}</td>
            <td className="num">{formatQuantity(fill.amount)}</td>
            <td className="num">
              {formatQuantity(fill.fee, 6)} <span className="dim">{fill.feeCurrency}</span>
            </td>
            <td className="dim">{t(`blotter.liquidity.${fill.liquidity}`)}</td>
            <td className="mono dim">{fill.tradeId}</td>
          </tr>
        ))}
        {shown.length === 0 && (
          <tr className="empty-row">
            <td colSpan={9}>{t('blotter.empty.fills')}</td>
          </tr>
        )}
      </tbody>
    </table>
  )
}
