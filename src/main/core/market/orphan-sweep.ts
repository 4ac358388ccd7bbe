import type { EventName } from '../../../shared/contract/channels'
import type { Clock, TimerHandle } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import type { EventBus } from '../bus/event-bus'
import type { KernelEvents } from '../bus/kernel-events'

export const ORPHAN_CHECK_MS = 10_000

const MARKET_DATA_EVENTS: readonly EventName[] = ['market.tickerUpdated', 'market.bookUpdated', 'market.tradesPrinted', 'market.candleUpdated', 'market.feedStatusChanged']

/**
 * Watches carry no owner: the transports subscribe by channel and the
 * dispatcher does not know which connection called. So a window that closed
 * without unwatching leaves its watches behind. What can be known is whether
 * anyone still listens: once no subscriber of any market event has been seen
 * on two checks in a row (10 to 20 s), every watch is released, since nobody
 * can receive what it streams. A window still open keeps its subscriptions
 * and so its watches; it must unwatch what it no longer shows.
 */
export function createOrphanSweep(options: {
  clock: Clock
  bus: EventBus<KernelEvents>
  logger: Logger
  watchCount(): number
  releaseAll(): void
  checkMs?: number
}): { watchesChanged(): void; dispose(): void } {
  const { clock, bus } = options
  let timer: TimerHandle | null = null
  let strikes = 0

  const stop = (): void => {
    timer?.cancel()
    timer = null
    strikes = 0
  }

  const check = (): void => {
    if (options.watchCount() === 0) return stop()
    const listened = MARKET_DATA_EVENTS.some((channel) => bus.listenerCount(channel) > 0)
    strikes = listened ? 0 : strikes + 1
    if (strikes < 2) return
    options.logger.info('released market watches nobody listens to', { watches: options.watchCount() })
    options.releaseAll()
    stop()
  }

  return {
    // The timer runs only while watches exist, so an idle kernel has nothing scheduled.
    watchesChanged() {
      if (options.watchCount() === 0) stop()
      else timer ??= clock.setInterval(check, options.checkMs ?? ORPHAN_CHECK_MS)
    },
    dispose: stop,
  }
}
