/**
 * A token bucket whose tokens come back one window after they were spent.
 *
 * Venues publish limits as "N per window" and count requests in windows. A
 * classic bucket of capacity N refilling continuously at N/window admits up
 * to 2N inside one window (a full burst, then the refill), so it breaks the
 * published limit. Returning each token exactly one window after its use
 * keeps every window of that length at N or fewer while still allowing the
 * full burst: the bucket is a sliding-window log of what was spent.
 */
export class WindowedTokenBucket {
  private readonly spentAt: number[] = []
  private readonly spentCost: number[] = []
  private head = 0
  private used = 0
  /** Tokens held by requests still in flight: they count until the answer is in. */
  private held = 0

  constructor(
    readonly capacity: number,
    readonly windowMs: number,
  ) {
    if (!(capacity > 0) || !(windowMs > 0)) {
      throw new RangeError(`a token bucket needs a positive capacity and window, received ${capacity} per ${windowMs} ms`)
    }
  }

  available(now: number): number {
    this.expire(now)
    return this.capacity - this.used - this.held
  }

  /**
   * Takes `cost` tokens for a request about to be sent, if all are there. They
   * start their window only when `settle` says the answer is in: the venue
   * counts a request when it arrives, which is somewhere between sending and
   * answering, so counting from the answer keeps every window at the venue
   * within the limit however the network delays the requests.
   */
  tryHold(now: number, cost = 1): boolean {
    const need = Math.min(cost, this.capacity)
    if (this.available(now) < need) return false
    this.held += need
    return true
  }

  /** The held request was answered (or failed) at `now`: its tokens now count from here. */
  settle(now: number, cost = 1): void {
    const need = Math.min(cost, this.capacity)
    this.held = Math.max(0, this.held - need)
    // Answers come back nearly in order, so the insertion point is found from the end.
    let i = this.spentAt.length
    while (i > this.head && this.spentAt[i - 1]! > now) i--
    this.spentAt.splice(i, 0, now)
    this.spentCost.splice(i, 0, need)
    this.used += need
  }

  /** Takes `cost` tokens if all are there; never takes part of them. */
  tryTake(now: number, cost = 1): boolean {
    const need = Math.min(cost, this.capacity)
    if (this.available(now) < need) return false
    this.spentAt.push(now)
    this.spentCost.push(need)
    this.used += need
    return true
  }

  /** The earliest time `cost` tokens will be available (now, when they already are). */
  readyAt(now: number, cost = 1): number {
    const need = Math.min(cost, this.capacity)
    let free = this.available(now)
    if (free >= need) return now
    for (let i = this.head; i < this.spentAt.length; i++) {
      free += this.spentCost[i]!
      if (free >= need) return this.spentAt[i]! + this.windowMs
    }
    // Only held tokens could free it: their answers will tell (settle), not a timer.
    if (this.held > 0) return Number.POSITIVE_INFINITY
    return now + this.windowMs
  }

  /** True when nothing spent is still counting, so the bucket can be dropped. */
  idle(now: number): boolean {
    return this.held === 0 && this.available(now) === this.capacity
  }

  private expire(now: number): void {
    const cutoff = now - this.windowMs
    while (this.head < this.spentAt.length && this.spentAt[this.head]! <= cutoff) {
      this.used -= this.spentCost[this.head]!
      this.head++
    }
    // Compact once the dead prefix dominates, so memory stays proportional to the window's traffic.
    if (this.head > 64 && this.head * 2 > this.spentAt.length) {
      this.spentAt.splice(0, this.head)
      this.spentCost.splice(0, this.head)
      this.head = 0
    }
  }
}
