const HOUR = 3_600_000
const WINDOW_HOURS = 24

/** 24-hour traded volume in hourly buckets: cheap to keep per tick, close enough for a ticker. */
export interface RollingVolume {
  add(timestamp: number, amount: number): void
  total(now: number): number
}

export function createRollingVolume(): RollingVolume {
  const buckets = new Map<number, number>()
  return {
    add(timestamp, amount) {
      const hour = Math.floor(timestamp / HOUR)
      buckets.set(hour, (buckets.get(hour) ?? 0) + amount)
    },
    total(now) {
      const oldest = Math.floor(now / HOUR) - WINDOW_HOURS + 1
      let sum = 0
      for (const [hour, amount] of buckets) {
        if (hour < oldest) buckets.delete(hour)
        else sum += amount
      }
      return sum
    },
  }
}
