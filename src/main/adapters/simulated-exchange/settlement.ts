import type { Fill } from '../../../shared/domain/order'
import { isTerminalStatus } from '../../../shared/domain/order'
import { type Account, settleCurrencyOf } from './account'
import { type FeeRates, feeFor } from './fees'
import type { OrderLedger, OrderRecord } from './order-ledger'
import type { PositionBook } from './positions'
import type { RestingOrders } from './resting-orders'

/** Turns a match into a fill: position, realized PnL and fee in the wallet, the order's state, its event. */
export interface Settlement {
  fill(record: OrderRecord, price: number, amount: number, liquidity: 'maker' | 'taker'): Fill
}

export interface SettlementDeps {
  venue: string
  clock: { now(): number }
  ledger: OrderLedger
  positions: PositionBook
  account: Account
  fees: FeeRates
  restingOf(symbol: string): RestingOrders | undefined
  /** Called after every fill: a position changed, so reduce-only orders may have become void. */
  positionChanged(symbol: string): void
}

export function createSettlement(deps: SettlementDeps): Settlement {
  return {
    fill(record, price, amount, liquidity) {
      const instrument = record.instrument
      if (!instrument) throw new Error(`order ${record.state.clientOrderId} has no instrument and cannot fill`)
      const state = record.state
      const currency = settleCurrencyOf(instrument)
      const fee = feeFor(deps.fees, liquidity, price * amount * instrument.contractSize)
      const resting = deps.restingOf(state.symbol)
      resting?.filled(record, amount)
      const change = deps.positions.apply(instrument, state.side, price, amount)
      deps.account.credit(currency, change.realizedPnl - fee)
      const fill: Fill = {
        venue: deps.venue,
        tradeId: deps.ledger.nextTradeId(),
        clientOrderId: state.clientOrderId,
        venueOrderId: state.venueOrderId,
        symbol: state.symbol,
        side: state.side,
        price,
        amount,
        fee,
        feeCurrency: currency,
        liquidity,
        timestamp: deps.clock.now(),
      }
      deps.ledger.fill(record, fill)
      if (isTerminalStatus(state.status)) resting?.remove(record)
      deps.positionChanged(state.symbol)
      return fill
    },
  }
}
