import type { FundingRate, MarketSymbol } from '../../../shared/domain/market'
import type { Clock, TimerHandle } from '../../ports/clock'

/**
 * Pays funding at each funding time the source announces, with the latest
 * rate it announced for that time. Timers go through the Clock, so a replay
 * or a test pays funding exactly when its time passes, and each funding time
 * is paid once per symbol however often the source repeats it.
 */
export interface FundingSchedule {
  update(funding: FundingRate): void
  close(): void
}

interface Pending {
  rate: number
  timer: TimerHandle
}

export function createFundingSchedule(clock: Clock, pay: (symbol: MarketSymbol, rate: number, fundingTime: number) => void): FundingSchedule {
  const pending = new Map<MarketSymbol, Map<number, Pending>>()
  const lastPaid = new Map<MarketSymbol, number>()

  return {
    update(funding) {
      const { symbol, nextFundingTime: at, rate } = funding
      // Without a time, or for a time already past or paid, there is nothing to schedule.
      if (at === null || at <= clock.now() || at <= (lastPaid.get(symbol) ?? -Infinity)) return
      let times = pending.get(symbol)
      if (!times) {
        times = new Map()
        pending.set(symbol, times)
      }
      const existing = times.get(at)
      if (existing) {
        existing.rate = rate
        return
      }
      const entry: Pending = {
        rate,
        timer: clock.setTimeout(() => {
          times.delete(at)
          lastPaid.set(symbol, Math.max(at, lastPaid.get(symbol) ?? -Infinity))
          pay(symbol, entry.rate, at)
        }, at - clock.now()),
      }
      times.set(at, entry)
    },
    close() {
      for (const times of pending.values()) for (const entry of times.values()) entry.timer.cancel()
      pending.clear()
    },
  }
}
