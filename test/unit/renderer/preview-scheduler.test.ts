import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Envelope } from '../../../src/shared/contract/envelope'
import { createPreviewScheduler, type PreviewState } from '../../../src/renderer/src/trading/preview-scheduler'

interface Pending {
  draft: string
  resolve(envelope: Envelope<string>): void
}

function rig() {
  const requests: Pending[] = []
  const states: PreviewState<string>[] = []
  const scheduler = createPreviewScheduler<string, string>({
    delayMs: 200,
    keyOf: (draft) => draft,
    request: (draft) => new Promise((resolve) => requests.push({ draft, resolve })),
    onChange: (state) => states.push(state),
  })
  return { scheduler, requests, states, last: () => states.at(-1)! }
}

const flush = () => vi.advanceTimersByTimeAsync(0)

describe('preview scheduler', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('asks once, 200 ms after the last change', async () => {
    const { scheduler, requests, last } = rig()
    scheduler.update('a')
    await vi.advanceTimersByTimeAsync(150)
    scheduler.update('ab')
    await vi.advanceTimersByTimeAsync(150)
    scheduler.update('abc')
    expect(last().phase).toBe('waiting')
    await vi.advanceTimersByTimeAsync(199)
    expect(requests).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(requests.map((r) => r.draft)).toEqual(['abc'])
    expect(last().phase).toBe('loading')
    requests[0]!.resolve({ ok: true, value: 'verdict abc' })
    await flush()
    expect(last()).toEqual({ key: 'abc', phase: 'done', result: 'verdict abc', error: null, answeredKey: 'abc' })
  })

  it('does not ask again for the same draft', async () => {
    const { scheduler, requests } = rig()
    scheduler.update('a')
    await vi.advanceTimersByTimeAsync(200)
    requests[0]!.resolve({ ok: true, value: 'v' })
    await flush()
    scheduler.update('a')
    await vi.advanceTimersByTimeAsync(500)
    expect(requests).toHaveLength(1)
  })

  it('drops an answer that arrives after the draft changed, and keeps showing the old verdict dimmed meanwhile', async () => {
    const { scheduler, requests, last } = rig()
    scheduler.update('a')
    await vi.advanceTimersByTimeAsync(200)
    requests[0]!.resolve({ ok: true, value: 'verdict a' })
    await flush()
    scheduler.update('b')
    await vi.advanceTimersByTimeAsync(200)
    scheduler.update('c') // while b is in flight
    requests[1]!.resolve({ ok: true, value: 'verdict b' })
    await flush()
    expect(last()).toMatchObject({ key: 'c', phase: 'waiting', result: 'verdict a', answeredKey: 'a' })
    await vi.advanceTimersByTimeAsync(200)
    requests[2]!.resolve({ ok: true, value: 'verdict c' })
    await flush()
    expect(last()).toMatchObject({ key: 'c', phase: 'done', result: 'verdict c', answeredKey: 'c' })
  })

  it("keeps the kernel's error for the draft it was about", async () => {
    const { scheduler, requests, last } = rig()
    scheduler.update('a')
    await vi.advanceTimersByTimeAsync(200)
    requests[0]!.resolve({ ok: false, error: { code: 'unavailable', message: 'orders.preview is not available yet' } })
    await flush()
    expect(last()).toMatchObject({ key: 'a', phase: 'failed', result: null, error: { code: 'unavailable' }, answeredKey: 'a' })
  })

  it('goes idle on an incomplete draft and ignores the answer still in flight', async () => {
    const { scheduler, requests, last } = rig()
    scheduler.update('a')
    await vi.advanceTimersByTimeAsync(200)
    scheduler.update(null)
    requests[0]!.resolve({ ok: true, value: 'late' })
    await flush()
    expect(last()).toMatchObject({ key: null, phase: 'idle', result: null })
  })

  it('refreshes the current draft at once, but not while a request is already out', async () => {
    const { scheduler, requests } = rig()
    scheduler.refresh() // nothing to refresh
    scheduler.update('a')
    scheduler.refresh() // still debouncing
    await vi.advanceTimersByTimeAsync(200)
    scheduler.refresh() // in flight
    expect(requests).toHaveLength(1)
    requests[0]!.resolve({ ok: true, value: 'v1' })
    await flush()
    scheduler.refresh()
    expect(requests).toHaveLength(2)
  })

  it('stops talking after dispose', async () => {
    const { scheduler, requests, states } = rig()
    scheduler.update('a')
    await vi.advanceTimersByTimeAsync(200)
    const seen = states.length
    scheduler.dispose()
    requests[0]!.resolve({ ok: true, value: 'v' })
    await flush()
    expect(states).toHaveLength(seen)
  })
})
