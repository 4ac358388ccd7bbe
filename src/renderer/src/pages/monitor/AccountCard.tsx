import { useTranslation } from 'react-i18next'
import { RiskStateBadge } from '../../components/RiskStateBadge'
import { ScopeActions } from '../../components/risk/ScopeActions'
import { formatDateTime } from '../../format/date-time'
import { formatLeverage, formatMoney, formatPct, formatSignedMoney, toneOf } from '../../format/numbers'
import { useAccountsStore } from '../../stores/accounts-store'
import { usePortfolioStore } from '../../stores/portfolio-store'
import { displayState, statusOf } from '../../stores/risk-state'
import { useRiskStore } from '../../stores/risk-store'
import { EquityCurve } from './EquityCurve'

/**
 * One account at a glance: equity and what is free, today's and total PnL,
 * leverage, its risk state with pause/resume/lift, and its equity curve.
 * Subscribes to this account only.
 */
export function AccountCard({ accountId }: { accountId: string }): React.JSX.Element {
  const { t } = useTranslation()
  const account = useAccountsStore((s) => s.accounts?.find((a) => a.id === accountId) ?? null)
  const book = usePortfolioStore((s) => s.accounts?.find((a) => a.accountId === accountId) ?? null)
  const status = useRiskStore((s) => statusOf(s.statuses, { kind: 'account', accountId }))
  // The risk engine's own status when known; otherwise what the account and portfolio say.
  const state = displayState(status ?? (account ? { state: account.breaker, paused: account.paused } : book ? { state: book.breaker, paused: false } : null))
  const currency = book?.currency ?? ''

  return (
    <section className={`card account-card account-${state ?? 'unknown'}`} data-testid="account-card" data-account-id={accountId}>
      <header className="account-head">
        <div className="account-name">
          <span className="strong">{account?.name ?? accountId}</span>
          <span className="mono dim">
            {accountId}
            {account ? ` · ${account.venue}` : ''}
          </span>
        </div>
        {account && <span className={`mini-badge mode-${account.mode}`}>{t(account.mode === 'live' ? 'mode.live' : 'mode.paper')}</span>}
        <RiskStateBadge state={state} testId="account-risk-state" />
      </header>
      <div className="account-equity">
        <span className="figure-label">{t('monitor.equity')}</span>
        <span className="equity-value mono" data-testid="account-equity">
          {formatMoney(book?.equity)} <span className="dim">{currency}</span>
        </span>
      </div>
      <dl className="account-figures">
        <Figure label={t('monitor.available')} value={formatMoney(book?.available)} />
        <Figure label={t('monitor.dayPnl')} value={formatSignedMoney(book?.dayPnl)} tone={toneOf(book?.dayPnl)} />
        <Figure label={t('monitor.totalPnl')} value={formatSignedMoney(book?.totalPnl)} tone={toneOf(book?.totalPnl)} />
        <Figure label={t('monitor.unrealizedPnl')} value={formatSignedMoney(book?.unrealizedPnl)} tone={toneOf(book?.unrealizedPnl)} />
        <Figure label={t('monitor.leverage')} value={formatLeverage(book?.leverage)} />
        <Figure label={t('monitor.maxDrawdown')} value={formatPct(book?.maxDrawdownPct)} />
      </dl>
      <EquityCurve accountId={accountId} />
      <footer className="account-foot">
        <span className="dim">
          {t('monitor.positionsCount', { count: book?.positions.length ?? 0 })}
          {book ? ` · ${t('monitor.updatedAt', { time: formatDateTime(book.at) })}` : ''}
        </span>
        <ScopeActions scope={{ kind: 'account', accountId }} status={status} testId={`account-actions-${accountId}`} />
      </footer>
    </section>
  )
}

function Figure({ label, value, tone }: { label: string; value: string; tone?: string }): React.JSX.Element {
  return (
    <div className="figure">
      <dt className="figure-label">{label}</dt>
      <dd className={tone ? `figure-value mono tone-${tone}` : 'figure-value mono'}>{value}</dd>
    </div>
  )
}
