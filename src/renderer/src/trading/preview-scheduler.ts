import type { ContractError, Envelope } from '../../../shared/contract/envelope'

// Debounced risk previews of a changing draft. Pure apart from the injected
// timers, so the rules (wait, de-duplicate, drop late answers) are unit-tested.

export interface PreviewState<R> {
  /** The draft currently on the ticket; null when it is incomplete. */
  key: string | null
  phase: 'idle' | 'waiting' | 'loading' | 'done' | 'failed'
  /** The last answer, and which draft it was for: shown dimmed while a newer one is pending. */
  result: R | null
  error: ContractError | null
  answeredKey: string | null
}

export const IDLE_PREVIEW: PreviewState<never> = { key: null, phase: 'idle', result: null, error: null, answeredKey: null }

export interface Timers {
  set(run: () => void, ms: number): unknown
  clear(handle: unknown): void
}

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface PreviewSchedulerOptions<D, R> {
  delayMs: number
  keyOf(draft: D): string
  request(draft: D): Promise<Envelope<R>>
  onChange(state: PreviewState<R>): void
  timers?: Timers
}

export interface PreviewScheduler<D> {
  /** The ticket changed: preview the new draft after the delay, or clear when null. */
  update(draft: D | null): void
  /** Ask again now for the same draft (the book moved); skipped while one is in flight. */
  refresh(): void
  dispose(): void
}

export function createPreviewScheduler<D, R>(options: PreviewSchedulerOptions<D, R>): PreviewScheduler<D> {
  const timers = options.timers ?? realTimers
  let state: PreviewState<R> = IDLE_PREVIEW
  let draft: D | null = null
  let timer: unknown = null
  let sequence = 0
  let inFlight = false
  let disposed = false

  const emit = (next: PreviewState<R>): void => {
    state = next
    if (!disposed) options.onChange(state)
  }
  const stopTimer = (): void => {
    if (timer !== null) timers.clear(timer)
    timer = null
  }

  const send = (): void => {
    timer = null
    if (draft === null || disposed) return
    const mine = ++sequence
    const key = state.key
    inFlight = true
    emit({ ...state, phase: 'loading' })
    void options.request(draft).then((envelope) => {
      if (mine !== sequence || disposed) return // a newer draft or a clear superseded this answer
      inFlight = false
      if (envelope.ok) emit({ key, phase: 'done', result: envelope.value, error: null, answeredKey: key })
      else emit({ key, phase: 'failed', result: null, error: envelope.error, answeredKey: key })
    })
  }

  return {
    update(next) {
      if (next === null) {
        stopTimer()
        draft = null
        sequence++
        inFlight = false
        if (state.key !== null || state.phase !== 'idle') emit({ ...state, key: null, phase: 'idle' })
        return
      }
      const key = options.keyOf(next)
      if (key === state.key && state.phase !== 'idle') return // the same order: the answer we have (or await) still holds
      draft = next
      stopTimer()
      sequence++ // an answer for the previous draft must not land on this one
      inFlight = false
      emit({ ...state, key, phase: 'waiting' })
      timer = timers.set(send, options.delayMs)
    },
    refresh() {
      if (draft === null || inFlight || timer !== null) return
      send()
    },
    dispose() {
      disposed = true
      stopTimer()
      sequence++
    },
  }
}
