import type { WorkstationClient } from '../../../shared/contract/client'
import { accountChanged, loadAccounts } from './accounts-store'
import { approvalRequested, approvalResolved, loadPendingApprovals } from './approvals-store'
import { orderFilled, orderUpdated } from './orders-store'
import { portfolioUpdated } from './portfolio-store'
import { killSwitchProgressed, loadRiskStatus, riskConfigChanged, riskStateChanged } from './risk-store'

/**
 * Feeds the order-path stores from the kernel's events. Called once per
 * window by connect(), before React renders, so no page misses an event and
 * no re-mount subscribes twice; the transport restores the subscriptions
 * after a reconnect.
 */
export function wireOrderPathEvents(client: WorkstationClient): void {
  client.on('accounts.changed', accountChanged)
  client.on('orders.updated', orderUpdated)
  client.on('orders.filled', orderFilled)
  client.on('portfolio.updated', portfolioUpdated)
  client.on('risk.stateChanged', riskStateChanged)
  client.on('risk.configChanged', riskConfigChanged)
  client.on('risk.killSwitchProgressed', killSwitchProgressed)
  client.on('approvals.requested', approvalRequested)
  client.on('approvals.resolved', ({ id, answer }) => approvalResolved(id, answer))
}

/**
 * What the frame itself shows on every page (the header's risk state, the
 * kill switch's account list, a pending approval): asked after each
 * (re)connect, since a restarted kernel may have changed all three.
 */
export function loadOrderPathFrame(): void {
  void loadAccounts()
  void loadRiskStatus()
  void loadPendingApprovals()
}
