import { useTranslation } from 'react-i18next'
import { formatMoney, formatSignedMoney, toneOf } from '../../format/numbers'
import { usePortfolioStore } from '../../stores/portfolio-store'

/** Desk totals, one row per currency: accounts in different currencies are never summed together. */
export function TotalsStrip(): React.JSX.Element {
  const { t } = useTranslation()
  const totals = usePortfolioStore((s) => s.totals)
  const rows = totals.length > 0 ? totals : [null]
  return (
    <div className="totals-strip" data-testid="monitor-totals">
      {rows.map((row, i) => (
        <div key={row?.currency ?? i} className="totals-row">
          <span className="totals-currency mono">{row?.currency ?? t('monitor.totals')}</span>
          <Total label={t('monitor.equity')} value={formatMoney(row?.equity)} big />
          <Total label={t('monitor.dayPnl')} value={formatSignedMoney(row?.dayPnl)} tone={toneOf(row?.dayPnl)} />
          <Total label={t('monitor.totalPnl')} value={formatSignedMoney(row?.totalPnl)} tone={toneOf(row?.totalPnl)} />
          <Total label={t('monitor.unrealizedPnl')} value={formatSignedMoney(row?.unrealizedPnl)} tone={toneOf(row?.unrealizedPnl)} />
        </div>
      ))}
    </div>
  )
}

function Total({ label, value, tone, big }: { label: string; value: string; tone?: string; big?: boolean }): React.JSX.Element {
  return (
    <div className="total">
      <span className="figure-label">{label}</span>
      <span className={`total-value mono${big ? ' total-big' : ''}${tone ? ` tone-${tone}` : ''}`}>{value}</span>
    </div>
  )
}
