import type { Exchange, Order as CcxtOrder, Trade as CcxtTrade } from 'ccxt'
import { AuthenticationError } from 'ccxt'
import type { Clock } from '../../../ports/clock'
import type { Logger } from '../../../ports/logger'
import { backoffDelay, sleep, StopSignal, type BackoffPolicy } from '../discipline/backoff'
import type { SubscriptionAcks } from '../market-data/subscription-acks'
import type { VenueProfile } from '../profiles/venue-profile'

export interface PrivateStreamDeps {
  profile: VenueProfile
  exchange: Exchange
  clock: Clock
  logger: Logger
  random: () => number
  reconnect: BackoffPolicy
  /** Subscription acknowledgements, on venues whose frames we decode; null elsewhere. */
  acks: SubscriptionAcks | null
  /** How long to wait for the subscription before sending an order anyway. */
  readyTimeoutMs: number
  onOrders(orders: CcxtOrder[]): void
  onTrades(trades: CcxtTrade[]): void
  /** The stream came back after a gap: whatever happened meanwhile must be asked for. */
  onResumed(): void
}

/**
 * The account's private stream: order updates (watchOrders) and our own
 * trades (watchMyTrades) where ccxt has them. It starts on first need, and
 * every order waits for it, so no update about that order can be missed.
 */
export class PrivateStream {
  private readonly stop = new StopSignal()
  private started: Promise<void> | null = null
  reconnects = 0

  constructor(private readonly deps: PrivateStreamDeps) {}

  /** Starts the stream if needed and resolves once it is subscribed (or after the ready timeout). */
  ready(): Promise<void> {
    this.started ??= this.start()
    return this.started
  }

  close(): void {
    this.stop.stop()
  }

  private async start(): Promise<void> {
    const acked = this.waitSubscribed()
    void this.loop('orders', () => this.deps.exchange.watchOrders(), (orders) => this.deps.onOrders(orders), true)
    if (this.deps.profile.streams.myTrades && this.deps.exchange.has['watchMyTrades'] === true) {
      void this.loop('myTrades', () => this.deps.exchange.watchMyTrades(), (trades) => this.deps.onTrades(trades), false)
    }
    await acked
  }

  private waitSubscribed(): Promise<unknown> {
    const { acks, clock, readyTimeoutMs } = this.deps
    if (acks) return acks.wait('orders', null, readyTimeoutMs)
    // Without acknowledgements we cannot see the subscription land; give the login and subscribe a moment.
    return sleep(clock, Math.min(readyTimeoutMs, 1_000), this.stop)
  }

  private async loop<T>(name: string, watch: () => Promise<T[]>, handle: (items: T[]) => void, reportsResume: boolean): Promise<void> {
    let attempt = 0
    while (!this.stop.stopped) {
      try {
        const items = await watch()
        if (this.stop.stopped) return
        attempt = 0
        handle(items)
      } catch (error) {
        if (this.stop.stopped) return
        const message = error instanceof Error ? error.message : String(error)
        const delay = backoffDelay(this.deps.reconnect, attempt++, this.deps.random)
        // Refused credentials will not fix themselves quickly: say so loudly, keep trying slowly.
        const level = error instanceof AuthenticationError ? 'error' : 'warn'
        this.deps.logger[level]('private stream interrupted', { venue: this.deps.profile.id, stream: name, error: message, retryInMs: delay })
        await sleep(this.deps.clock, delay, this.stop)
        if (reportsResume && !this.stop.stopped) {
          this.reconnects++
          void this.waitSubscribed().then(() => {
            if (!this.stop.stopped) this.deps.onResumed()
          })
        }
      }
    }
  }
}
