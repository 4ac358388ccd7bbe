import { useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatLeverage, formatMoney, formatQuantity, formatSignedMoney, toneOf } from '../../format/numbers'
import { usePortfolioStore } from '../../stores/portfolio-store'
import { positionRows, type PositionRow } from '../../stores/portfolio-state'
import { formatFixed } from '../../pages/chart/format-market'
import { usePriceDecimals } from './use-price-decimals'

/** Open positions of every account (or one), from the portfolio snapshot and its updates. */
export function PositionsTable({ accountId }: { accountId: string | null }): React.JSX.Element {
  const { t } = useTranslation()
  const accounts = usePortfolioStore((s) => s.accounts)
  const error = usePortfolioStore((s) => s.error)
  const rows = useMemo(() => positionRows(accounts ?? [], accountId), [accounts, accountId])
  const empty = error ? (
    <span className="tone-down" title={error.code}>
      {t('positions.loadFailed', { message: error.message })}
    </span>
  ) : accounts === null ? (
    t('common.loading')
  ) : (
    t('positions.empty')
  )
  return <PositionRowsTable rows={rows} empty={empty} testId="positions-table" />
}

interface PositionRowsTableProps {
  rows: readonly PositionRow[]
  /** What the one row of an empty table says (loading, failed, none). */
  empty?: ReactNode
  /**
   * For a card of one account (a pilot in the Arena): no account, leverage,
   * margin or liquidation columns, and tighter rows.
   */
  compact?: boolean
  testId?: string
}

/** The positions table itself, whoever supplies the rows: the blotter's portfolio, or one pilot's account. */
export function PositionRowsTable({ rows, empty, compact = false, testId }: PositionRowsTableProps): React.JSX.Element {
  const { t } = useTranslation()
  const columns = compact ? 6 : 10
  return (
    <table className={compact ? 'data-table compact' : 'data-table blotter-table'} data-testid={testId}>
      <thead>
        <tr>
          {!compact && <th>{t('positions.account')}</th>}
          <th>{t('positions.symbol')}</th>
          <th>{t('positions.side')}</th>
          <th className="num">{t('positions.size')}</th>
          <th className="num">{t('positions.entry')}</th>
          <th className="num">{t('positions.mark')}</th>
          <th className="num">{t('positions.unrealizedPnl')}</th>
          {!compact && (
            <>
              <th className="num">{t('positions.leverage')}</th>
              <th className="num">{t('positions.margin')}</th>
              <th className="num">{t('positions.liquidation')}</th>
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <PositionLine key={`${row.accountId}:${row.position.venue}:${row.position.symbol}:${row.position.side}`} row={row} compact={compact} />
        ))}
        {rows.length === 0 && (
          <tr className="empty-row">
            <td colSpan={columns} data-testid="positions-empty">
              {empty ?? t('positions.empty')}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  )
}

function PositionLine({ row, compact }: { row: PositionRow; compact: boolean }): React.JSX.Element {
  const { t } = useTranslation()
  const { position: p } = row
  const decimals = usePriceDecimals(p.venue, p.symbol)
  const price = (value: number | null): string => (decimals === null ? formatQuantity(value) : formatFixed(value, decimals))
  return (
    <tr data-testid="position-row">
      {!compact && <td className="mono">{row.accountId}</td>}
      <td className="mono strong">{p.symbol}</td>
      <td className={p.side === 'long' ? 'side-buy' : 'side-sell'}>{t(`side.${p.side}`)}</td>
      <td className="num">{formatQuantity(p.contracts)}</td>
      <td className="num">{price(p.entryPrice)}</td>
      <td className="num">{price(p.markPrice)}</td>
      <td className={`num tone-${toneOf(p.unrealizedPnl)}`}>{formatSignedMoney(p.unrealizedPnl)}</td>
      {!compact && (
        <>
          <td className="num">{formatLeverage(p.leverage)}</td>
          <td className="num">{formatMoney(p.margin)}</td>
          <td className="num tone-warn">{price(p.liquidationPrice)}</td>
        </>
      )}
    </tr>
  )
}
