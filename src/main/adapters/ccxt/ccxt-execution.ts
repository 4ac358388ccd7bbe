import type { Exchange, Order as CcxtOrder, Trade as CcxtTrade } from 'ccxt'
import type { Instrument, MarketSymbol } from '../../../shared/domain/market'
import { OrderRequestSchema, isTerminalStatus, type Balance, type Fill, type OrderRequest, type OrderState, type Position } from '../../../shared/domain/order'
import type { VenueCapabilities } from '../../../shared/domain/venue'
import type { Clock } from '../../ports/clock'
import type { ExecutionClient, ExecutionEvent, OrderAmendment, OrderRef } from '../../ports/execution-client'
import type { Logger } from '../../ports/logger'
import { VenueError, isVenueError } from '../../ports/venue-error'
import type { RequestDiscipline } from './discipline/request-discipline'
import { decodeOkxFrame } from './exchange/okx-wire'
import type { WireTap } from './exchange/wire-tap'
import { toBalances, toFill, toOrderState, toPosition, type OrderTemplate } from './execution/convert-account'
import type { ExecutionTuning } from './execution/execution-tuning'
import { fetchFills } from './execution/fetch-fills'
import { checkAmendment, checkOrder, createOrderParams } from './execution/order-checks'
import { OrderTracker } from './execution/order-tracker'
import { PrivateStream } from './execution/private-stream'
import type { InstrumentCatalog } from './instruments/instrument-catalog'
import { SubscriptionAcks } from './market-data/subscription-acks'
import type { VenueProfile } from './profiles/venue-profile'

export interface ExecutionDeps {
  profile: VenueProfile
  exchange: Exchange
  discipline: RequestDiscipline
  catalog: InstrumentCatalog
  wire: WireTap
  clock: Clock
  logger: Logger
  random: () => number
  tuning: ExecutionTuning
  hasCredentials: boolean
}

/**
 * Orders on one venue account through ccxt. Requests go through the request
 * discipline; what happens to orders afterwards arrives on the private
 * stream and leaves as events, once per change, through the order tracker.
 */
export class CcxtExecution implements ExecutionClient {
  readonly venue: string
  readonly capabilities: VenueCapabilities
  private readonly listeners = new Set<(event: ExecutionEvent) => void>()
  private readonly tracker: OrderTracker
  private readonly stream: PrivateStream
  private reconciling: Promise<void> | null = null

  constructor(private readonly deps: ExecutionDeps) {
    const { profile, clock, logger } = deps
    this.venue = profile.id
    this.capabilities = profile.capabilities
    if (deps.exchange.has['cancelAllOrdersAfter'] === true) this.cancelAllAfter = (timeoutMs) => this.armCancelAllAfter(timeoutMs)
    this.tracker = new OrderTracker(this.venue, clock, logger, (event) => this.emit(event), (id) => void this.recoverFills(id), deps.tuning.fillGraceMs)
    const acks = profile.wire === 'okx' ? new SubscriptionAcks(clock) : null
    if (acks) {
      deps.wire.add((url, message) => {
        if (!url.includes('/private')) return
        const event = decodeOkxFrame(message)
        if (event.type === 'subscribed') acks.acknowledge(event.channel, event.instId)
        // A private frame we cannot read may have been an order update: ask the venue instead.
        if (event.type === 'malformed') void this.reconcile()
      })
    }
    this.stream = new PrivateStream({
      profile,
      exchange: deps.exchange,
      clock,
      logger,
      random: deps.random,
      reconnect: deps.tuning.reconnect,
      acks,
      readyTimeoutMs: deps.tuning.readyTimeoutMs,
      onOrders: (orders) => orders.forEach((o) => this.observeOrder(o)),
      onTrades: (trades) => trades.forEach((t) => this.observeTrade(t, profile.streamedFeeSign)),
      onResumed: () => void this.reconcile(),
    })
  }

  /** Times the private stream came back after an interruption. */
  get privateReconnects(): number {
    return this.stream.reconnects
  }

  onEvent(listener: (event: ExecutionEvent) => void): () => void {
    this.listeners.add(listener)
    if (this.deps.hasCredentials) void this.stream.ready()
    return () => this.listeners.delete(listener)
  }

  async submit(order: OrderRequest): Promise<OrderState> {
    this.requireCredentials()
    const parsed = OrderRequestSchema.safeParse(order)
    if (!parsed.success) throw new VenueError('rejected', this.venue, `${this.venue}: order refused before sending: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { reason: 'other' })
    const instrument = await this.instrumentFor(order.symbol, true)
    checkOrder(this.deps.profile, instrument, order)
    await this.stream.ready()
    const template: OrderTemplate = { ...order, price: order.type === 'limit' ? order.price : null }
    const isNew = this.tracker.expect(template)
    try {
      const placed = await this.deps.discipline.run({ endpoint: 'place', symbol: order.symbol, action: `submit order ${order.clientOrderId}` }, () =>
        this.deps.exchange.createOrder(order.symbol, order.type, order.side, order.amount, template.price ?? undefined, createOrderParams(this.deps.profile, instrument, order)),
      )
      this.tracker.acknowledge(order.clientOrderId, placed.id ?? null)
      return this.tracker.state(order.clientOrderId)!
    } catch (error) {
      // Only an ambiguous failure (the order may exist) or a duplicate (it does) keeps the order tracked.
      const mayExist = !isVenueError(error) || error.kind === 'ambiguous' || error.reason === 'duplicate_client_order_id'
      if (isNew && !mayExist) this.tracker.forget(order.clientOrderId)
      throw error
    }
  }

  async cancel(ref: OrderRef): Promise<OrderState> {
    this.requireCredentials()
    const instrument = await this.instrumentFor(ref.symbol, false)
    const venueOrderId = this.tracker.venueOrderId(ref.clientOrderId)
    await this.deps.discipline.run({ endpoint: 'cancel', symbol: instrument.symbol, action: `cancel order ${ref.clientOrderId}` }, () =>
      this.deps.exchange.cancelOrder(venueOrderId ?? '', instrument.symbol, { clientOrderId: ref.clientOrderId }),
    )
    const known = this.tracker.state(ref.clientOrderId)
    if (known) return isTerminalStatus(known.status) ? known : { ...known, status: 'cancelled', updatedAt: this.deps.clock.now() }
    const queried = await this.queryOrder(ref)
    if (!queried) throw new VenueError('not_found', this.venue, `${this.venue}: order ${ref.clientOrderId} was cancelled but cannot be found any more`)
    return queried
  }

  async amend(ref: OrderRef, changes: OrderAmendment): Promise<OrderState> {
    this.requireCredentials()
    if (!this.capabilities.amend) throw new VenueError('unsupported', this.venue, `${this.venue}: amending orders is not supported; cancel and place a new order instead`)
    const instrument = await this.instrumentFor(ref.symbol, false)
    checkAmendment(this.deps.profile, instrument, ref.clientOrderId, changes)
    if (!this.tracker.template(ref.clientOrderId) && !(await this.queryOrder(ref))) {
      throw new VenueError('not_found', this.venue, `${this.venue}: no order ${ref.clientOrderId} on ${ref.symbol} to amend`)
    }
    const template = this.tracker.template(ref.clientOrderId)!
    await this.deps.discipline.run({ endpoint: 'amend', symbol: instrument.symbol, action: `amend order ${ref.clientOrderId}` }, () =>
      this.deps.exchange.editOrder(this.tracker.venueOrderId(ref.clientOrderId) ?? '', instrument.symbol, template.type, template.side, changes.amount, changes.price, {
        clientOrderId: ref.clientOrderId,
      }),
    )
    const known = this.tracker.state(ref.clientOrderId)!
    return { ...known, amount: changes.amount ?? known.amount, price: changes.price ?? known.price, updatedAt: this.deps.clock.now() }
  }

  async queryOrder(ref: OrderRef): Promise<OrderState | null> {
    this.requireCredentials()
    const instrument = await this.instrumentFor(ref.symbol, false)
    const template = this.tracker.template(ref.clientOrderId)
    try {
      const state = await this.deps.discipline.run({ endpoint: 'order_query', symbol: instrument.symbol, action: `query order ${ref.clientOrderId}` }, async () => {
        const raw = await this.deps.exchange.fetchOrder(this.tracker.venueOrderId(ref.clientOrderId) ?? '', instrument.symbol, { clientOrderId: ref.clientOrderId })
        return this.readOrder(raw, template)
      })
      this.tracker.observeOrder(state)
      return state
    } catch (error) {
      if (!isVenueError(error) || error.kind !== 'not_found') throw error
      // An ambiguous send that never reached the venue: forget it, so the same client id can go again cleanly.
      if (this.tracker.unconfirmed(ref.clientOrderId)) this.tracker.forget(ref.clientOrderId)
      return null
    }
  }

  async openOrders(symbol?: MarketSymbol): Promise<OrderState[]> {
    this.requireCredentials()
    if (symbol !== undefined) await this.instrumentFor(symbol, false)
    const raw = await this.deps.discipline.run({ endpoint: 'open_orders', symbol: symbol ?? null, action: `list open orders${symbol ? ` of ${symbol}` : ''}` }, () =>
      this.deps.exchange.fetchOpenOrders(symbol),
    )
    const now = this.deps.clock.now()
    const states = raw.flatMap((o) => toOrderState(this.deps.profile, o, o.clientOrderId ? this.tracker.template(o.clientOrderId) : undefined, now) ?? [])
    for (const state of states) this.tracker.observeOrder(state)
    return states.filter((s) => !isTerminalStatus(s.status))
  }

  async fillsSince(since: number, symbol?: MarketSymbol): Promise<Fill[]> {
    this.requireCredentials()
    if (symbol !== undefined) await this.instrumentFor(symbol, false)
    const fills = await fetchFills(this.deps, since, symbol, (trade) => this.fillOf(trade, 1))
    for (const fill of fills) this.tracker.observeFill(fill)
    return fills
  }

  async balances(): Promise<Balance[]> {
    this.requireCredentials()
    return toBalances(await this.deps.discipline.run({ endpoint: 'balance', symbol: null, action: 'fetch balances' }, () => this.deps.exchange.fetchBalance()))
  }

  async positions(): Promise<Position[]> {
    this.requireCredentials()
    if (!this.deps.profile.marketTypes.includes('swap')) return []
    const raw = await this.deps.discipline.run({ endpoint: 'positions', symbol: null, action: 'fetch positions' }, () => this.deps.exchange.fetchPositions())
    return raw.flatMap((p) => toPosition(this.venue, p) ?? [])
  }

  /** Sets the leverage for a swap (cross margin where the profile says so). Beyond the port: the kernel's risk settings call it. */
  async setLeverage(symbol: MarketSymbol, leverage: number): Promise<void> {
    this.requireCredentials()
    const instrument = await this.instrumentFor(symbol, false)
    if (instrument.maxLeverage !== null && leverage > instrument.maxLeverage) {
      throw new VenueError('rejected', this.venue, `${this.venue}: leverage ${leverage} is above the maximum ${instrument.maxLeverage} of ${symbol}`, { reason: 'other' })
    }
    await this.deps.discipline.run({ endpoint: 'leverage', symbol, action: `set leverage of ${symbol} to ${leverage}` }, () =>
      this.deps.exchange.setLeverage(leverage, symbol, { marginMode: this.deps.profile.swapMarginMode ?? 'cross' }),
    )
  }

  /** Set only where the venue has a cancel-all-after switch, so callers can tell by its presence. */
  readonly cancelAllAfter?: (timeoutMs: number) => Promise<void>

  private async armCancelAllAfter(timeoutMs: number): Promise<void> {
    this.requireCredentials()
    // OKX takes whole seconds, 0 or 10-120: round up inside that range rather than be refused.
    const seconds = timeoutMs <= 0 ? 0 : Math.min(120, Math.max(10, Math.ceil(timeoutMs / 1000)))
    await this.deps.discipline.run({ endpoint: 'cancel', symbol: null, action: `arm cancel-all-after ${seconds} s` }, () =>
      this.deps.exchange.cancelAllOrdersAfter(seconds * 1000),
    )
  }

  async close(): Promise<void> {
    this.stream.close()
    this.tracker.close()
    this.listeners.clear()
  }

  private observeOrder(raw: CcxtOrder): void {
    const state = toOrderState(this.deps.profile, raw, raw.clientOrderId ? this.tracker.template(raw.clientOrderId) : undefined, this.deps.clock.now())
    if (state) this.tracker.observeOrder(state)
  }

  private observeTrade(raw: CcxtTrade, feeSign: 1 | -1): void {
    const fill = this.fillOf(raw, feeSign)
    if (fill) this.tracker.observeFill(fill)
  }

  private fillOf(raw: CcxtTrade, feeSign: 1 | -1): Fill | null {
    return toFill(this.deps.profile, raw, raw.order ? this.tracker.clientOrderIdOf(raw.order) : null, feeSign)
  }

  private readOrder(raw: CcxtOrder, template: OrderTemplate | undefined): OrderState {
    const state = toOrderState(this.deps.profile, raw, template, this.deps.clock.now())
    // Thrown inside the discipline's call, an unreadable answer counts against the venue's circuit breaker.
    if (!state) throw new Error(`unreadable order from ${this.venue}: status ${String(raw.status)}, client id ${String(raw.clientOrderId)}`)
    return state
  }

  /** Asks the venue about every order that may have changed while we were not listening. */
  private reconcile(): Promise<void> {
    this.reconciling ??= (async () => {
      const open = this.tracker.openOrders()
      for (const order of open) {
        await this.queryOrder({ clientOrderId: order.clientOrderId, symbol: order.symbol }).catch((error: unknown) => {
          this.deps.logger.warn('reconciliation query failed', { venue: this.venue, clientOrderId: order.clientOrderId, error: String(error) })
        })
      }
      for (const symbol of new Set(open.map((o) => o.symbol))) {
        const since = Math.min(...open.filter((o) => o.symbol === symbol).map((o) => o.since)) - 1_000
        await this.fillsSince(since, symbol).catch((error: unknown) => this.deps.logger.warn('reconciliation fills failed', { venue: this.venue, symbol, error: String(error) }))
      }
    })().finally(() => {
      this.reconciling = null
    })
    return this.reconciling
  }

  private async recoverFills(clientOrderId: string): Promise<void> {
    const template = this.tracker.template(clientOrderId)
    if (template) {
      const since = (this.tracker.state(clientOrderId)?.createdAt ?? this.deps.clock.now()) - 1_000
      await this.fillsSince(since, template.symbol).catch((error: unknown) => this.deps.logger.warn('fill recovery failed', { venue: this.venue, clientOrderId, error: String(error) }))
    }
    this.tracker.giveUpWaiting(clientOrderId)
  }

  private async instrumentFor(symbol: string, placing: boolean): Promise<Instrument> {
    try {
      return await this.deps.catalog.resolve(symbol)
    } catch (error) {
      // For a new order an unknown symbol is a refusal of that order, with the same helpful message.
      if (placing && isVenueError(error) && error.kind === 'not_found') throw new VenueError('rejected', this.venue, error.message, { reason: 'unknown_symbol' })
      throw error
    }
  }

  private requireCredentials(): void {
    if (!this.deps.hasCredentials) throw new VenueError('auth', this.venue, `${this.venue}: no API credentials configured; add an API key in Settings to trade`)
  }

  private emit(event: ExecutionEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch (error) {
        this.deps.logger.error('execution listener failed', { error: error instanceof Error ? error.message : String(error) })
      }
    }
  }
}
