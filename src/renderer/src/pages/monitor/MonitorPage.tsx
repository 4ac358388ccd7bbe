import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { Blotter } from '../../components/trading/Blotter'
import { orderFocusFromHash } from '../../navigation/order-link'
import { hrefFor } from '../../navigation/routes'
import { useHash } from '../../navigation/use-route'
import { loadAccounts, useAccountsStore } from '../../stores/accounts-store'
import { useConnectionStore } from '../../stores/connection-store'
import { loadPortfolio, usePortfolioStore } from '../../stores/portfolio-store'
import { loadRiskStatus } from '../../stores/risk-store'
import { AccountCard } from './AccountCard'
import { TotalsStrip } from './TotalsStrip'
import './monitor.css'

/**
 * The live account overview: totals per currency, a card per account with
 * its equity curve and risk state, and the blotter (positions first). Every
 * figure is the kernel's; while it cannot answer, the page says why. A link
 * naming an order ('#/monitor?order=<client order id>', from the Decision
 * feed) picks that order out in the blotter.
 */
export function MonitorPage(): React.JSX.Element {
  const { t } = useTranslation()
  const accounts = useAccountsStore((s) => s.accounts)
  const accountsError = useAccountsStore((s) => s.error)
  // Only the list of account ids: a `portfolio.updated` re-renders that account's card, not the page.
  const bookIds = usePortfolioStore(useShallow((s) => (s.accounts ?? []).map((a) => a.accountId)))
  const booksLoaded = usePortfolioStore((s) => s.accounts !== null)
  const portfolioError = usePortfolioStore((s) => s.error)
  const focusOrder = orderFocusFromHash(useHash())

  const connected = useConnectionStore((s) => s.state === 'open')
  useEffect(() => {
    if (!connected) return
    void loadPortfolio()
    void loadAccounts()
    void loadRiskStatus()
  }, [connected])

  // Every account the kernel named, in its own order: the account list first, then any only the portfolio knows.
  const ids = useMemo(() => {
    const list = (accounts ?? []).map((a) => a.id)
    for (const id of bookIds) if (!list.includes(id)) list.push(id)
    return list
  }, [accounts, bookIds])
  const answered = accounts !== null || booksLoaded

  return (
    <div className="page page-monitor" data-testid="page-monitor">
      <PageHeader title={t('nav.monitor')} subtitle={t('monitor.subtitle')} />
      {portfolioError && <ErrorAlert error={portfolioError} message={t('monitor.portfolioFailed', { message: portfolioError.message })} testId="monitor-portfolio-error" />}
      {accountsError && <ErrorAlert error={accountsError} message={t('monitor.accountsFailed', { message: accountsError.message })} testId="monitor-accounts-error" />}
      <TotalsStrip />
      {ids.length > 0 ? (
        <div className="account-grid">
          {ids.map((id) => (
            <AccountCard key={id} accountId={id} />
          ))}
        </div>
      ) : (
        <div className="card monitor-empty" data-testid="monitor-empty">
          <p className="strong">{answered ? t('monitor.noAccounts') : portfolioError || accountsError ? t('monitor.unavailable') : t('common.loading')}</p>
          <p className="muted">
            {t('monitor.noAccountsHint')} <a href={hrefFor('settings', 'exchanges')}>{t('monitor.openExchanges')}</a>
          </p>
        </div>
      )}
      <Blotter initialTab="positions" focusClientOrderId={focusOrder} testId="monitor-blotter" />
    </div>
  )
}
