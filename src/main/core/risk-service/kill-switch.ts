import type { KillReceipt, RiskScope } from '../../../shared/contract/domains/risk'
import { HandlerError } from '../../../shared/contract/envelope'
import type { OrderIntent } from '../../../shared/domain/intent'
import type { Position } from '../../../shared/domain/order'
import type { StoredAccount } from '../../ports/account-repository'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import type { OrderJournal } from '../../ports/order-journal'
import type { AuditLog } from '../../ports/store'
import { CONFIRMATION_NEEDED } from '../approval-service/second-approval'
import type { EventBus } from '../bus/event-bus'
import type { KernelEvents } from '../bus/kernel-events'
import type { ExecutionEngine } from '../execution'
import type { OrderService } from '../orders/order-service'
import type { TradingVenues } from '../orders/trading-venues'
import type { PortfolioService } from '../portfolio-service/portfolio-service'
import type { BreakerBoard } from './breaker-board'

/** Checks of the venues' open orders before the kill switch gives up confirming; waits double from the first. */
export const KILL_CHECKS = 6
export const KILL_FIRST_WAIT_MS = 250

export interface KillSwitchDeps {
  accountsIn: (scope: RiskScope) => StoredAccount[]
  breakers: BreakerBoard
  engine: ExecutionEngine
  venues: TradingVenues
  orders: OrderService
  portfolio: PortfolioService
  journal: OrderJournal
  bus: EventBus<KernelEvents>
  audit: AuditLog
  clock: Clock
  logger: Logger
  newId: () => string
  /** Our client order ids start with it; the kill switch never touches other orders on the account. */
  clientIdPrefix: string
  /**
   * Flattening is a risky action (it trades at market): it waits for the
   * second approval, while the halt and the cancels never wait. Resolves to
   * null when approved, else to why not.
   */
  approveFlatten: (scope: RiskScope) => Promise<string | null>
}

type PerAccount = KillReceipt['perAccount'][number]

export interface KillSwitch {
  engage(scope: RiskScope, flatten: boolean, confirmed: boolean): Promise<KillReceipt>
}

/**
 * The kill switch: halts the scope at once (only a person lifts it), cancels
 * every order of ours, optionally flattens every position with reduce-only
 * market orders through the same risk engine (which lets them pass when
 * halted), then asks the venues again, backing off, until they confirm
 * nothing of ours is open or the checks run out. Progress and the final
 * receipt go out as `risk.killSwitchProgressed` and into the audit log.
 */
export function createKillSwitch(deps: KillSwitchDeps): KillSwitch {
  const { clock, bus, engine, logger } = deps

  const sleep = (ms: number): Promise<void> => new Promise((resolve) => clock.setTimeout(resolve, ms))
  const message = (error: unknown): string => (error instanceof Error ? error.message : String(error))

  const cancelAll = async (row: PerAccount): Promise<number> => {
    try {
      const report = await engine.cancelAll(row.accountId)
      if (report.failed.length > 0) row.error = `${report.failed.length} cancel(s) not confirmed: ${report.failed.map((e) => e.lastError ?? e.status).join('; ')}`
      return report.cancelled
    } catch (error) {
      row.error = `cancel-all failed: ${message(error)}`
      return 0
    }
  }

  const venuePositions = async (account: StoredAccount): Promise<Position[] | null> => {
    try {
      return await deps.venues.client(account.id).positions()
    } catch (error) {
      logger.warn('kill switch: the venue did not list positions; flattening from the portfolio', { accountId: account.id, err: error })
      return null
    }
  }

  const flattenAccount = async (account: StoredAccount, row: PerAccount): Promise<number> => {
    const positions = (await venuePositions(account)) ?? deps.portfolio.positions(account.id).map((p) => ({ symbol: p.symbol, side: p.side, contracts: p.contracts }))
    let flattened = 0
    for (const position of positions) {
      const intent: OrderIntent = {
        id: deps.newId(),
        accountId: account.id,
        venue: account.venue,
        symbol: position.symbol,
        side: position.side === 'long' ? 'sell' : 'buy',
        type: 'market',
        amount: position.contracts,
        price: null,
        timeInForce: 'IOC',
        postOnly: false,
        reduceOnly: true,
        leverage: null,
        ttlMs: 60_000,
        partialFillPolicy: 'cancel_rest',
        stopLoss: null,
        takeProfit: null,
        origin: { kind: 'kill_switch' },
        createdAt: clock.now(),
      }
      const outcome = await deps.orders.submitIntent(intent, true)
      if (outcome.status === 'sent' && outcome.order?.state !== 'rejected') flattened++
      else row.error = `flattening ${position.symbol} failed: ${outcome.message}`
    }
    return flattened
  }

  /** Asks the venue what of ours is still open (and cancels it again); null when it cannot say. */
  const check = async (account: StoredAccount, row: PerAccount, flatten: boolean): Promise<number | null> => {
    try {
      const client = deps.venues.client(account.id)
      const open = await client.openOrders()
      const ours = open.filter((o) => o.clientOrderId.startsWith(deps.clientIdPrefix))
      const foreign = open.length - ours.length
      row.openOrders = ours.length
      if (foreign > 0) row.error = `${foreign} open order(s) not placed by the workstation were left alone`
      if (flatten) row.positions = (await client.positions()).length
      if (ours.length > 0) await cancelAll(row)
      return ours.length
    } catch (error) {
      row.openOrders = deps.journal.nonTerminal(account.id).length
      row.error = `the venue could not confirm: ${message(error)}`
      return null
    }
  }

  return {
    async engage(scope, flatten, confirmed) {
      if (!confirmed) throw new HandlerError('forbidden', CONFIRMATION_NEEDED)
      const accounts = deps.accountsIn(scope)
      const receipt: KillReceipt = {
        id: deps.newId(),
        scope,
        engagedAt: clock.now(),
        completedAt: null,
        flatten,
        ordersCancelled: 0,
        positionsFlattened: 0,
        openOrdersRemaining: 0,
        attempts: 0,
        perAccount: accounts.map((a) => ({ accountId: a.id, openOrders: 0, positions: 0, error: null })),
      }
      const publish = (): void => bus.publish('risk.killSwitchProgressed', structuredClone(receipt))
      deps.breakers.halt(scope, 'kill_switch', 'kill switch engaged')
      deps.audit.append({ kind: 'risk.killSwitchEngaged', actor: 'user', subject: receipt.id, payload: { scope, flatten, accounts: accounts.map((a) => a.id) } }, clock.now())
      logger.warn('kill switch engaged', { scope, flatten, accounts: accounts.length })
      publish()

      const rows = new Map(receipt.perAccount.map((row) => [row.accountId, row]))
      const cancelled = await Promise.all(accounts.map((a) => cancelAll(rows.get(a.id)!)))
      receipt.ordersCancelled = cancelled.reduce((sum, n) => sum + n, 0)
      publish()
      const refusal = flatten ? await deps.approveFlatten(scope) : null
      const flattening = flatten && refusal === null
      if (flattening) {
        const flattened = await Promise.all(accounts.map((a) => flattenAccount(a, rows.get(a.id)!)))
        receipt.positionsFlattened = flattened.reduce((sum, n) => sum + n, 0)
      } else if (refusal !== null) {
        for (const row of receipt.perAccount) row.error = `positions not flattened: ${refusal}`
        deps.audit.append({ kind: 'risk.flattenRefused', actor: 'system', subject: receipt.id, payload: { scope, reason: refusal } }, clock.now())
      }
      publish()

      for (let attempt = 1; attempt <= KILL_CHECKS; attempt++) {
        if (attempt > 1) await sleep(KILL_FIRST_WAIT_MS * 2 ** (attempt - 2))
        receipt.attempts = attempt
        const counts = await Promise.all(accounts.map((a) => check(a, rows.get(a.id)!, flattening)))
        receipt.openOrdersRemaining = receipt.perAccount.reduce((sum, row) => sum + row.openOrders, 0)
        const confirmed = counts.every((n) => n === 0)
        if (confirmed) receipt.completedAt = clock.now()
        publish()
        if (confirmed) break
      }
      deps.audit.append({ kind: 'risk.killSwitchCompleted', actor: 'system', subject: receipt.id, payload: receipt }, clock.now())
      if (receipt.completedAt === null) logger.error('kill switch could not confirm every order closed', { receipt })
      return receipt
    },
  }
}
