import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAccountsStore } from '../../stores/accounts-store'
import { useConnectionStore } from '../../stores/connection-store'
import { loadOrders, useOrdersStore } from '../../stores/orders-store'
import { loadPortfolio, usePortfolioStore } from '../../stores/portfolio-store'
import { FillsTable } from './FillsTable'
import { OrdersTable } from './OrdersTable'
import { PositionsTable } from './PositionsTable'
import './blotter.css'

export type BlotterTab = 'open' | 'history' | 'positions' | 'fills'
const TABS: readonly BlotterTab[] = ['open', 'history', 'positions', 'fills']

/**
 * Open orders, order history, positions and fills under one tab strip, with
 * an account filter. Only the tab strip's counts and the visible table
 * subscribe to the stores.
 */
export function Blotter({ initialTab = 'open', testId = 'blotter' }: { initialTab?: BlotterTab; testId?: string }): React.JSX.Element {
  const { t } = useTranslation()
  const filterId = useId()
  const [tab, setTab] = useState<BlotterTab>(initialTab)
  const [accountId, setAccountId] = useState<string | null>(null)
  const accounts = useAccountsStore((s) => s.accounts)
  const openCount = useOrdersStore((s) => s.openIds.length)
  const positionCount = usePortfolioStore((s) => s.accounts?.reduce((n, a) => n + a.positions.length, 0) ?? 0)
  const counts: Partial<Record<BlotterTab, number>> = { open: openCount, positions: positionCount }

  // Asked once the kernel is reachable, and again after a reconnect (it may have restarted).
  const connected = useConnectionStore((s) => s.state === 'open')
  useEffect(() => {
    if (!connected) return
    void loadOrders()
    void loadPortfolio()
  }, [connected])

  return (
    <section className="panel blotter" data-testid={testId}>
      <header className="blotter-head">
        <div className="blotter-tabs" role="tablist" aria-label={t('blotter.label')}>
          {TABS.map((id) => (
            <button key={id} type="button" role="tab" className="blotter-tab" aria-selected={tab === id} onClick={() => setTab(id)} data-testid={`blotter-tab-${id}`}>
              {t(`blotter.tabs.${id}`)}
              {counts[id] !== undefined && <span className="tab-count">{counts[id]}</span>}
            </button>
          ))}
        </div>
        <label className="blotter-filter" htmlFor={filterId}>
          <span className="toolbar-label">{t('blotter.account')}</span>
          <select id={filterId} value={accountId ?? ''} onChange={(e) => setAccountId(e.target.value || null)} data-testid="blotter-account">
            <option value="">{t('blotter.allAccounts')}</option>
            {accounts?.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      </header>
      <div className="blotter-scroll" role="tabpanel">
        {tab === 'open' && <OrdersTable scope="open" accountId={accountId} />}
        {tab === 'history' && <OrdersTable scope="history" accountId={accountId} />}
        {tab === 'positions' && <PositionsTable accountId={accountId} />}
        {tab === 'fills' && <FillsTable accountId={accountId} />}
      </div>
    </section>
  )
}
