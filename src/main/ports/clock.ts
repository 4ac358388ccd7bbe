/** A cancellable timer handle returned by the clock. */
export interface TimerHandle {
  cancel(): void
}

/**
 * Time as the kernel sees it. Live runs use the wall clock, tests and
 * backtests a clock they advance themselves; nothing in the kernel calls
 * `Date.now()` or `setTimeout` directly.
 */
export interface Clock {
  now(): number
  setTimeout(callback: () => void, ms: number): TimerHandle
  setInterval(callback: () => void, ms: number): TimerHandle
}
