/**
 * OKX's cancel-all-after (dead-man switch): POST /api/v5/trade/cancel-all-after
 * {timeOut: seconds}. 0 turns it off; otherwise 10..120 s, after which every
 * open order is canceled (cancelSource '20') unless the switch is renewed.
 */
import type { CancelAllAfterState } from './types'

export class DeadManSwitch {
  private state: CancelAllAfterState | null = null
  private timer: NodeJS.Timeout | null = null

  constructor(private readonly fire: () => void) {}

  /** Returns the new state, or null when turned off. Throws RangeError on an out-of-range timeout. */
  set(timeOut: number): CancelAllAfterState | null {
    if (!Number.isInteger(timeOut) || (timeOut !== 0 && (timeOut < 10 || timeOut > 120))) {
      throw new RangeError('timeOut must be 0 or between 10 and 120')
    }
    this.clear()
    if (timeOut === 0) return null
    const now = Date.now()
    this.state = { timeOut, triggerTime: now + timeOut * 1000, setAt: now }
    this.timer = setTimeout(() => {
      this.state = null
      this.timer = null
      this.fire()
    }, timeOut * 1000)
    this.timer.unref()
    return this.state
  }

  current(): CancelAllAfterState | null {
    return this.state === null ? null : { ...this.state }
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.state = null
  }
}
