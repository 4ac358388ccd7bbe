import type { z } from 'zod'
import type { FundingRate, Instrument, MarkPrice, MarketSymbol, OrderBook, Trade } from '../../../shared/domain/market'
import { type Balance, type Fill, type OrderState, type Position, OrderRequestSchema, isTerminalStatus } from '../../../shared/domain/order'
import type { RejectReason } from '../../../shared/domain/venue'
import type { Clock } from '../../ports/clock'
import type { ExecutionEvent, OrderAmendment, OrderRef } from '../../ports/execution-client'
import { VenueError } from '../../ports/venue-error'
import { type AccountOptions, createAccount, settleCurrencyOf } from './account'
import type { AccountEvent } from './account-events'
import type { FeeRates } from './fees'
import { createFundingSchedule } from './funding'
import type { InstrumentRegistry } from './instrument-registry'
import { createLiquidator } from './liquidation'
import { createMargin } from './margin'
import { createMarketState } from './market-state'
import { createMatchingEngine } from './matching-engine'
import { checkAmendment, checkNewOrder, type Refusal } from './order-admission'
import { type OrderRecord, createOrderLedger, snapshotOf } from './order-ledger'
import { createPositionBook, unrealizedPnl } from './positions'
import { type RestingOrders, createRestingOrders } from './resting-orders'
import { createSettlement } from './settlement'
import { rejected } from './venue-errors'

export interface ExchangeEngineOptions {
  venue: string
  clock: Clock
  instruments: InstrumentRegistry
  fees: FeeRates
  account: AccountOptions
  maintenanceMarginRate: number
  /** Starts venue order and trade ids; the venue id when absent. */
  idPrefix?: string
  emit(event: ExecutionEvent): void
  emitAccount(event: AccountEvent): void
}

/**
 * The venue side of the simulated exchange: what happens when a request
 * reaches the matching engine and when market data arrives. Synchronous and
 * free of latency on purpose; the execution client puts the wire around it.
 * Methods throw only VenueError.
 */
export interface ExchangeEngine {
  submit(request: unknown): OrderState
  cancel(ref: OrderRef): OrderState
  amend(ref: OrderRef, changes: OrderAmendment): OrderState
  query(ref: OrderRef): OrderState | null
  openOrders(symbol?: MarketSymbol): OrderState[]
  fillsSince(since: number, symbol?: MarketSymbol): Fill[]
  balances(): Balance[]
  positions(): Position[]
  setLeverage(symbol: MarketSymbol, leverage: number): void
  onBook(book: OrderBook): void
  onTrades(trades: Trade[]): void
  onMark(mark: MarkPrice): void
  onFunding(funding: FundingRate): void
  /**
   * Puts back what an account held when the process last stopped (a
   * simulated venue starts empty on every run): the wallet per currency and
   * net positions (signed contracts) at their entry prices. Positions already
   * held are left as they are.
   */
  restore(wallet: Readonly<Record<string, number>>, held: readonly { instrument: Instrument; contracts: number; entryPrice: number }[]): void
  close(): void
}

/** Maps a schema failure to the reject reason of the first offending field. */
function refusalForInvalid(error: z.ZodError): Refusal {
  const field = error.issues[0]?.path[0]
  const reason: RejectReason = field === 'amount' ? 'invalid_size' : field === 'price' ? 'invalid_price' : 'other'
  const detail = error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`).join('; ')
  return { reason, message: `invalid order request (${detail})` }
}

export function createExchangeEngine(options: ExchangeEngineOptions): ExchangeEngine {
  const { venue, clock, instruments } = options
  const ledger = createOrderLedger(venue, clock, options.emit, options.idPrefix ?? venue)
  const market = createMarketState()
  const positions = createPositionBook()
  const account = createAccount(options.account)
  const restingBooks = new Map<MarketSymbol, { instrument: Instrument; orders: RestingOrders }>()
  // Live reduce-only orders, watched after every fill in case the position they reduce is gone.
  const reduceOnlyLive = new Set<OrderRecord>()

  const restingOf = (symbol: MarketSymbol): RestingOrders | undefined => restingBooks.get(symbol)?.orders
  const restingFor = (instrument: Instrument): RestingOrders => {
    let entry = restingBooks.get(instrument.symbol)
    if (!entry) {
      entry = { instrument, orders: createRestingOrders() }
      restingBooks.set(instrument.symbol, entry)
    }
    return entry.orders
  }
  const cancelRecord = (record: OrderRecord, reason: string | null): void => {
    restingOf(record.state.symbol)?.remove(record)
    reduceOnlyLive.delete(record)
    ledger.cancel(record, reason)
  }
  const voidReduceOnly = (symbol: MarketSymbol): void => {
    for (const record of reduceOnlyLive) {
      if (isTerminalStatus(record.state.status)) reduceOnlyLive.delete(record)
      else if (record.state.symbol === symbol && positions.reducible(symbol, record.state.side) <= 0) {
        cancelRecord(record, 'reduce_only_would_increase')
      }
    }
  }

  const margin = createMargin({
    account,
    positions,
    market,
    resting: () => restingBooks.values(),
    restingOf,
    maintenanceRate: options.maintenanceMarginRate,
    takerRate: options.fees.taker,
  })
  const settlement = createSettlement({ venue, clock, ledger, positions, account, fees: options.fees, restingOf, positionChanged: voidReduceOnly })
  const matching = createMatchingEngine({ market, positions, settlement, restingOf, stepOf: (symbol) => instruments.lookup(symbol)?.stepSize ?? null })
  const liquidator = createLiquidator({
    clock,
    account,
    margin,
    market,
    positions,
    ledger,
    settlement,
    cancelOpenOrders: (currency, reason) => {
      for (const record of ledger.open()) if (record.instrument && settleCurrencyOf(record.instrument) === currency) cancelRecord(record, reason)
    },
  })
  const checkLiquidation = (symbol: MarketSymbol): void => {
    const instrument = instruments.lookup(symbol)
    const report = instrument ? liquidator.check(settleCurrencyOf(instrument)) : null
    if (report) options.emitAccount({ type: 'liquidation', report })
  }
  const funding = createFundingSchedule(clock, (symbol, rate, fundingTime) => {
    const position = positions.get(symbol)
    const markPrice = market.markPrice(symbol)
    if (!position || markPrice === null) return
    const currency = settleCurrencyOf(position.instrument)
    // A positive rate moves money from longs to shorts, in proportion to notional at the mark.
    const amount = -position.contracts * position.instrument.contractSize * markPrice * rate
    account.credit(currency, amount)
    options.emitAccount({ type: 'funding', payment: { symbol, currency, rate, markPrice, contracts: position.contracts, amount, fundingTime } })
    checkLiquidation(symbol)
  })
  const admission = { market, positions, margin }

  const find = (ref: OrderRef): OrderRecord => {
    const record = ledger.get(ref.clientOrderId)
    if (!record || record.state.symbol !== ref.symbol) throw new VenueError('not_found', venue, `no order with client id ${ref.clientOrderId} on ${ref.symbol}`)
    if (isTerminalStatus(record.state.status)) {
      throw rejected(venue, 'order_not_open', `order ${ref.clientOrderId} is ${record.state.status} and can no longer change`)
    }
    return record
  }

  return {
    submit(raw) {
      const parsed = OrderRequestSchema.safeParse(raw)
      if (!parsed.success) {
        const refusal = refusalForInvalid(parsed.error)
        throw rejected(venue, refusal.reason, refusal.message)
      }
      const request = parsed.data
      const existing = ledger.get(request.clientOrderId)
      if (existing) {
        throw rejected(venue, 'duplicate_client_order_id', `client order id ${request.clientOrderId} is taken by an order that is ${existing.state.status}`)
      }
      const instrument = instruments.lookup(request.symbol)
      const record = ledger.create(request, instrument ?? null, clock.now())
      const refusal = instrument
        ? checkNewOrder(request, instrument, admission)
        : { reason: 'unknown_symbol' as const, message: `unknown symbol ${request.symbol}; closest: ${instruments.closest(request.symbol).join(', ')}` }
      if (refusal) {
        ledger.reject(record, refusal.reason)
        throw rejected(venue, refusal.reason, refusal.message)
      }
      ledger.accept(record)
      if (request.reduceOnly) reduceOnlyLive.add(record)
      matching.takeLiquidity(record)
      if (!isTerminalStatus(record.state.status)) {
        if (request.type === 'limit' && request.timeInForce === 'GTC') restingFor(instrument!).add(record)
        else cancelRecord(record, request.type === 'market' ? 'insufficient_liquidity' : 'immediate_or_cancel')
      }
      return snapshotOf(record)
    },
    cancel(ref) {
      const record = find(ref)
      cancelRecord(record, null)
      return snapshotOf(record)
    },
    amend(ref, changes) {
      const record = find(ref)
      if (changes.price === undefined && changes.amount === undefined) throw rejected(venue, 'other', 'an amendment needs a new price or amount, received neither')
      const price = changes.price ?? record.state.price!
      const amount = changes.amount ?? record.state.amount
      const refusal = checkAmendment(record, price, amount, admission)
      if (refusal) throw rejected(venue, refusal.reason, refusal.message)
      const resting = restingFor(record.instrument!)
      resting.remove(record)
      ledger.amend(record, price, amount)
      // A new price that crosses takes liquidity at once, like a new order would.
      matching.takeLiquidity(record)
      if (!isTerminalStatus(record.state.status)) resting.add(record)
      return snapshotOf(record)
    },
    query(ref) {
      const record = ledger.get(ref.clientOrderId)
      return record && record.state.symbol === ref.symbol ? snapshotOf(record) : null
    },
    openOrders: (symbol) => ledger.open(symbol).map(snapshotOf),
    fillsSince: (since, symbol) => ledger.fillsSince(since, symbol),
    // Total is equity (wallet plus unrealized PnL at the mark, like OKX's eq); used is the margin tied up.
    balances() {
      const currencies = new Set([...account.currencies(), ...positions.all().map((p) => settleCurrencyOf(p.instrument))])
      return [...currencies].map((currency) => {
        const total = margin.equity(currency)
        return { currency, total, free: Math.min(margin.free(currency), Math.max(0, total)), used: margin.used(currency) }
      })
    },
    positions() {
      return positions.all().map((position) => {
        const markPrice = market.markPrice(position.instrument.symbol)
        return {
          venue,
          symbol: position.instrument.symbol,
          side: position.contracts > 0 ? ('long' as const) : ('short' as const),
          contracts: Math.abs(position.contracts),
          entryPrice: position.entryPrice,
          markPrice,
          unrealizedPnl: markPrice === null ? 0 : unrealizedPnl(position, markPrice),
          leverage: account.leverage(position.instrument),
          margin: margin.positionMargin(position),
          liquidationPrice: margin.liquidationPrice(position),
        }
      })
    },
    setLeverage(symbol, leverage) {
      const instrument = instruments.lookup(symbol)
      if (!instrument) throw new VenueError('not_found', venue, `unknown symbol ${symbol}; closest: ${instruments.closest(symbol).join(', ')}`)
      const max = account.maxLeverage(instrument)
      if (!(leverage >= 1 && leverage <= max)) throw rejected(venue, 'other', `${symbol} leverage must be between 1 and ${max}, received ${leverage}`)
      const previous = account.setLeverage(instrument, leverage)
      const currency = settleCurrencyOf(instrument)
      if (margin.used(currency) > margin.equity(currency)) {
        account.setLeverage(instrument, previous)
        throw rejected(venue, 'insufficient_funds', `at ${leverage}x the ${currency} margin in use would exceed the equity`)
      }
    },
    onBook(book) {
      market.view(book.symbol).replace(book)
      matching.matchBook(book.symbol)
      if (!market.hasMark(book.symbol)) checkLiquidation(book.symbol)
    },
    onTrades(trades) {
      for (const trade of trades) {
        market.setLastTrade(trade.symbol, trade.price)
        matching.matchTrade(trade)
      }
    },
    onMark(mark) {
      market.setMark(mark.symbol, mark.markPrice)
      checkLiquidation(mark.symbol)
    },
    onFunding: (rate) => funding.update(rate),
    restore(wallet, held) {
      for (const [currency, amount] of Object.entries(wallet)) account.credit(currency, amount - account.wallet(currency))
      for (const { instrument, contracts, entryPrice } of held) {
        if (contracts === 0 || positions.contracts(instrument.symbol) !== 0) continue
        positions.apply(instrument, contracts > 0 ? 'buy' : 'sell', entryPrice, Math.abs(contracts))
      }
    },
    close: () => funding.close(),
  }
}
