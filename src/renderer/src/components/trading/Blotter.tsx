import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { useAccountsStore } from '../../stores/accounts-store'
import { useConnectionStore } from '../../stores/connection-store'
import { loadOrders, useOrdersStore } from '../../stores/orders-store'
import { loadPortfolio, usePortfolioStore } from '../../stores/portfolio-store'
import { FillsTable } from './FillsTable'
import { accountFilterShowing, findOrderFocus, type OrderFocus } from './order-focus'
import { OrdersTable } from './OrdersTable'
import { PositionsTable } from './PositionsTable'
import './blotter.css'

export type BlotterTab = 'open' | 'history' | 'positions' | 'fills'
const TABS: readonly BlotterTab[] = ['open', 'history', 'positions', 'fills']

interface BlotterProps {
  initialTab?: BlotterTab
  /**
   * A client order id to pick out (from a '#/monitor?order=' link): its tab
   * opens, the account filter widens to show it, and its row is scrolled to
   * and highlighted.
   */
  focusClientOrderId?: string | null
  testId?: string
}

/**
 * Open orders, order history, positions and fills under one tab strip, with
 * an account filter. Only the tab strip's counts and the visible table
 * subscribe to the stores.
 */
export function Blotter({ initialTab = 'open', focusClientOrderId = null, testId = 'blotter' }: BlotterProps): React.JSX.Element {
  const { t } = useTranslation()
  const filterId = useId()
  const [tab, setTab] = useState<BlotterTab>(initialTab)
  const [accountId, setAccountId] = useState<string | null>(null)
  const focus = useOrdersStore(useShallow((s) => findOrderFocus(s.byId, focusClientOrderId)))
  const ordersLoaded = useOrdersStore((s) => s.loaded)
  const focusMissing = ordersLoaded && focusClientOrderId !== null && focus === null

  // Set while rendering, not in an effect, so the right tab shows on the first paint. It follows the order
  // once (and again if it moves from open to history), then leaves the tabs and filter to the trader.
  const [followed, setFollowed] = useState<OrderFocus | null>(null)
  if (focus !== followed) {
    setFollowed(focus)
    if (focus && (focus.intentId !== followed?.intentId || focus.tab !== followed.tab)) {
      setTab(focus.tab)
      setAccountId(accountFilterShowing(accountId, focus))
    }
  }
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
      {focusMissing && (
        <p className="blotter-focus-missing" role="status" data-testid="blotter-focus-missing">
          {t('blotter.focusMissing', { id: focusClientOrderId })}
        </p>
      )}
      <div className="blotter-scroll" role="tabpanel">
        {tab === 'open' && <OrdersTable scope="open" accountId={accountId} focusId={focus?.intentId ?? null} />}
        {tab === 'history' && <OrdersTable scope="history" accountId={accountId} focusId={focus?.intentId ?? null} />}
        {tab === 'positions' && <PositionsTable accountId={accountId} />}
        {tab === 'fills' && <FillsTable accountId={accountId} />}
      </div>
    </section>
  )
}
