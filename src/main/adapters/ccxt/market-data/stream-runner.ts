import { InvalidNonce } from 'ccxt'
import type { FeedStatus } from '../../../../shared/domain/market'
import type { Clock, TimerHandle } from '../../../ports/clock'
import type { Logger } from '../../../ports/logger'
import type { MarketEvent, MarketStream } from '../../../ports/market-data-client'
import { backoffDelay, sleep, StopSignal, type BackoffPolicy } from '../discipline/backoff'

/** Where one stream's data comes from: a ccxt watcher or a REST poll. */
export interface StreamSource {
  /** The next batch of events; rejects when the connection or subscription failed. */
  next(): Promise<MarketEvent[]>
  /** Forget local state and subscribe afresh at the venue (a book resync). */
  resubscribe(): Promise<void>
  /** Stop the subscription at the venue, when the venue can. */
  close(): Promise<void>
}

export interface RunnerDeps {
  clock: Clock
  logger: Logger
  random: () => number
  reconnect: BackoffPolicy
  /** No update for this long marks the stream stale. */
  staleAfterMs: number
  staleCheckMs: number
  onResync(stream: MarketStream, reason: string): void
  onReconnect(stream: MarketStream, reason: string): void
}

type Outcome = { kind: 'events'; events: MarketEvent[] } | { kind: 'resync'; reason: string } | { kind: 'stopped' }

/**
 * Runs one stream for as long as someone listens: waits for updates, hands
 * them to the listeners, reconnects with backoff when the source fails,
 * resubscribes when the book loses its sequence, and reports its health as
 * status events (connecting, live, stale, reconnecting, closed).
 */
export class StreamRunner {
  readonly listeners = new Set<(event: MarketEvent) => void>()
  private status: FeedStatus | null = null
  private lastUpdate: number
  private readonly stop = new StopSignal()
  private staleTimer: TimerHandle | null = null
  private interrupt: ((reason: string) => void) | null = null
  private pendingResync: string | null = null
  private firstData!: () => void
  /** Settles once the first update has been delivered. */
  readonly live = new Promise<void>((resolve) => (this.firstData = resolve))

  constructor(
    readonly stream: MarketStream,
    private readonly source: StreamSource,
    private readonly deps: RunnerDeps,
  ) {
    this.lastUpdate = deps.clock.now()
  }

  start(): void {
    this.setStatus('connecting')
    this.staleTimer = this.deps.clock.setInterval(() => this.checkStale(), this.deps.staleCheckMs)
    void this.loop()
  }

  /** Drops the current wait and resubscribes; called when our own book check fails. */
  requestResync(reason: string): void {
    if (this.interrupt) this.interrupt(reason)
    else this.pendingResync ??= reason
  }

  get currentStatus(): FeedStatus | null {
    return this.status
  }

  async close(): Promise<void> {
    if (this.stop.stopped) return
    this.stop.stop()
    this.staleTimer?.cancel()
    this.setStatus('closed')
    this.listeners.clear()
    await this.source.close()
  }

  private async loop(): Promise<void> {
    let attempt = 0
    while (!this.stop.stopped) {
      const outcome = await this.nextOutcome().catch((error: unknown) => error)
      if (this.stop.stopped) break
      if (!isOutcome(outcome)) {
        const message = outcome instanceof Error ? outcome.message : String(outcome)
        // ccxt drops a book whose sequence jumps and rejects with InvalidNonce: a resync, not a dead link.
        if (outcome instanceof InvalidNonce) {
          await this.resync(`sequence gap reported by ccxt: ${message}`)
          continue
        }
        this.deps.onReconnect(this.stream, message)
        this.setStatus('reconnecting', message)
        await sleep(this.deps.clock, backoffDelay(this.deps.reconnect, attempt++, this.deps.random), this.stop)
        continue
      }
      if (outcome.kind === 'stopped') break
      if (outcome.kind === 'resync') {
        await this.resync(outcome.reason)
        continue
      }
      if (outcome.events.length === 0) continue
      attempt = 0
      this.lastUpdate = this.deps.clock.now()
      this.setStatus('live')
      for (const event of outcome.events) this.emit(event)
      this.firstData()
    }
  }

  private nextOutcome(): Promise<Outcome> {
    if (this.pendingResync !== null) {
      const reason = this.pendingResync
      this.pendingResync = null
      return Promise.resolve({ kind: 'resync', reason })
    }
    const next = this.source.next()
    // The race below may abandon this promise; its late rejection must not go unhandled.
    next.catch(() => {})
    const interrupted = new Promise<Outcome>((resolve) => {
      this.interrupt = (reason) => resolve({ kind: 'resync', reason })
    })
    let offStop = (): void => {}
    const stopped = new Promise<Outcome>((resolve) => {
      offStop = this.stop.onStop(() => resolve({ kind: 'stopped' }))
    })
    return Promise.race([next.then((events): Outcome => ({ kind: 'events', events })), interrupted, stopped]).finally(() => {
      this.interrupt = null
      offStop()
    })
  }

  private async resync(reason: string): Promise<void> {
    this.deps.onResync(this.stream, reason)
    this.setStatus('reconnecting', `resync: ${reason}`)
    try {
      await this.source.resubscribe()
    } catch (error) {
      this.deps.logger.warn('resubscribe failed; the next watch subscribes again', { error: error instanceof Error ? error.message : String(error) })
    }
  }

  private checkStale(): void {
    if (this.status !== 'live') return
    const quiet = this.deps.clock.now() - this.lastUpdate
    if (quiet >= this.deps.staleAfterMs) this.setStatus('stale', `no update for ${quiet} ms`)
  }

  private setStatus(status: FeedStatus, detail?: string): void {
    if (this.status === status && status !== 'reconnecting') return
    this.status = status
    this.emit(detail === undefined ? { kind: 'status', stream: this.stream, status } : { kind: 'status', stream: this.stream, status, detail })
  }

  private emit(event: MarketEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch (error) {
        this.deps.logger.error('market data listener failed', { error: error instanceof Error ? error.message : String(error) })
      }
    }
  }
}

function isOutcome(value: unknown): value is Outcome {
  return typeof value === 'object' && value !== null && 'kind' in value && ['events', 'resync', 'stopped'].includes((value as { kind: string }).kind)
}
