import { ExchangeNotAvailable, InvalidOrder, RateLimitExceeded, RequestTimeout } from 'ccxt'
import { describe, expect, it } from 'vitest'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import { createMemoryLogger } from '../../../src/main/adapters/logging/memory-logger'
import { CircuitBreaker } from '../../../src/main/adapters/ccxt/discipline/circuit-breaker'
import { backoffDelay } from '../../../src/main/adapters/ccxt/discipline/backoff'
import { CircuitOpenError, RequestDiscipline } from '../../../src/main/adapters/ccxt/discipline/request-discipline'
import { OKX_PROFILE } from '../../../src/main/adapters/ccxt/profiles/okx'
import { VenueError } from '../../../src/main/ports/venue-error'

const flush = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}

function rig(maxAttempts = 3) {
  const clock = createTestClock(0)
  const changes: string[] = []
  const discipline = new RequestDiscipline(OKX_PROFILE, {
    clock,
    logger: createMemoryLogger('error'),
    random: () => 0.5,
    maxAttempts,
    windowMarginMs: 0,
    breaker: { failureThreshold: 3, coolDownMs: 1000, maxCoolDownMs: 8000 },
    onBreakerChange: (state) => changes.push(state),
  })
  return { clock, discipline, changes }
}

/** Runs `promise` to completion while moving the test clock forward in steps. */
async function drive<T>(clock: ReturnType<typeof createTestClock>, promise: Promise<T>, stepMs = 50, maxMs = 60_000): Promise<T> {
  let settled = false
  const result = promise.finally(() => (settled = true))
  result.catch(() => {})
  for (let t = 0; !settled && t < maxMs; t += stepMs) {
    await flush()
    if (!settled) clock.advance(stepMs)
  }
  return result
}

describe('backoff', () => {
  it('grows exponentially to its cap with equal jitter', () => {
    const policy = { baseMs: 100, factor: 2, capMs: 1000 }
    expect([0, 1, 2, 3, 4, 10].map((a) => backoffDelay(policy, a, () => 0))).toEqual([50, 100, 200, 400, 500, 500])
    expect([0, 1, 2, 3, 4, 10].map((a) => backoffDelay(policy, a, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000])
  })
})

describe('circuit breaker', () => {
  it('opens after N consecutive failures, fails fast, half-opens one probe after the cool-down, closes on success', () => {
    const clock = createTestClock(0)
    const breaker = new CircuitBreaker(clock, { failureThreshold: 2, coolDownMs: 1000, maxCoolDownMs: 4000 })
    breaker.recordFailure(false, '503')
    expect(breaker.current).toBe('closed')
    breaker.recordFailure(false, '503')
    expect(breaker.current).toBe('open')
    expect(breaker.decide()).toEqual({ allowed: false, retryAfterMs: 1000 })
    clock.advance(1000)
    expect(breaker.decide()).toEqual({ allowed: true, probe: true })
    expect(breaker.current).toBe('half_open')
    expect(breaker.decide().allowed).toBe(false)
    breaker.recordSuccess(true)
    expect(breaker.current).toBe('closed')
  })

  it('a failed probe opens it again for twice as long', () => {
    const clock = createTestClock(0)
    const breaker = new CircuitBreaker(clock, { failureThreshold: 1, coolDownMs: 1000, maxCoolDownMs: 4000 })
    breaker.recordFailure(false, 'x')
    clock.advance(1000)
    expect(breaker.decide()).toMatchObject({ allowed: true, probe: true })
    breaker.recordFailure(true, 'still down')
    expect(breaker.current).toBe('open')
    clock.advance(1500)
    expect(breaker.decide()).toEqual({ allowed: false, retryAfterMs: 500 })
  })

  it('a success in between resets the count', () => {
    const breaker = new CircuitBreaker(createTestClock(0), { failureThreshold: 2, coolDownMs: 1000, maxCoolDownMs: 4000 })
    breaker.recordFailure(false, 'x')
    breaker.recordSuccess(false)
    breaker.recordFailure(false, 'x')
    expect(breaker.current).toBe('closed')
  })
})

describe('request discipline', () => {
  it('retries a read on retryable and rate-limited failures, with backoff on the clock', async () => {
    const { clock, discipline } = rig()
    const calls: number[] = []
    const failures = [new ExchangeNotAvailable('okx 503'), new RateLimitExceeded('okx {"code":"50011"}')]
    const result = drive(
      clock,
      discipline.run({ endpoint: 'order_query', symbol: 'BTC/USDT:USDT', action: 'query' }, async () => {
        calls.push(clock.now())
        const failure = failures.shift()
        if (failure) throw failure
        return 'ok'
      }),
    )
    await expect(result).resolves.toBe('ok')
    expect(calls).toHaveLength(3)
    // equal jitter with random 0.5: 0.75 of 250 ms, then of 500 ms
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(187)
    expect(calls[2]! - calls[1]!).toBeGreaterThanOrEqual(375)
    expect(discipline.stats()).toMatchObject({ retried: 2, rateLimited: 1, failed: 1 })
  })

  it('never retries a placement: rate limited goes straight back, a timeout comes back ambiguous', async () => {
    const { clock, discipline } = rig()
    let calls = 0
    const limited = drive(clock, discipline.run({ endpoint: 'place', symbol: 'BTC/USDT:USDT', action: 'submit a1' }, async () => {
      calls++
      throw new RateLimitExceeded('okx {"code":"50011"}')
    }))
    await expect(limited).rejects.toMatchObject({ kind: 'rate_limited' })
    const timedOut = drive(clock, discipline.run({ endpoint: 'place', symbol: 'BTC/USDT:USDT', action: 'submit a2' }, async () => {
      calls++
      throw new RequestTimeout('timed out')
    }))
    await expect(timedOut).rejects.toMatchObject({ kind: 'ambiguous' })
    expect(calls).toBe(2)
  })

  it('does not retry rejections and does not count them against the venue', async () => {
    const { clock, discipline } = rig()
    for (let i = 0; i < 5; i++) {
      const run = drive(clock, discipline.run({ endpoint: 'cancel', symbol: 'BTC/USDT:USDT', action: 'cancel' }, async () => {
        throw new InvalidOrder('okx {"code":"1","data":[{"sCode":"51400"}]}')
      }))
      await expect(run).rejects.toMatchObject({ kind: 'rejected' })
    }
    expect(discipline.stats()).toMatchObject({ breaker: 'closed', retried: 0, failed: 0 })
  })

  it('opens the circuit after repeated 5xx, fails fast without calling, and lets one probe through after the cool-down', async () => {
    const { clock, discipline, changes } = rig(1)
    let calls = 0
    const failing = async (): Promise<string> => {
      calls++
      throw new ExchangeNotAvailable('okx 503')
    }
    for (let i = 0; i < 3; i++) await expect(drive(clock, discipline.run({ endpoint: 'balance', symbol: null, action: 'balance' }, failing))).rejects.toMatchObject({ kind: 'retryable' })
    expect(changes).toEqual(['open'])
    const fast = discipline.run({ endpoint: 'balance', symbol: null, action: 'balance' }, failing)
    await expect(fast).rejects.toBeInstanceOf(CircuitOpenError)
    await expect(fast).rejects.toMatchObject({ kind: 'retryable' })
    expect(calls).toBe(3)
    clock.advance(1000)
    await expect(drive(clock, discipline.run({ endpoint: 'balance', symbol: null, action: 'probe' }, async () => 'up'))).resolves.toBe('up')
    expect(changes).toEqual(['open', 'half_open', 'closed'])
  })

  it('queues requests beyond the published limit instead of sending them', async () => {
    const { clock, discipline } = rig()
    const sent: number[] = []
    const all = Array.from({ length: 70 }, () => discipline.run({ endpoint: 'place', symbol: 'BTC/USDT:USDT', action: 'submit' }, async () => sent.push(clock.now())))
    await drive(clock, Promise.all(all), 10)
    expect(sent.filter((t) => t < 2000)).toHaveLength(60)
    expect(sent.filter((t) => t >= 2000)).toHaveLength(10)
  })

  it('refuses new work once closed', async () => {
    const { discipline } = rig()
    discipline.close()
    await expect(discipline.run({ endpoint: 'balance', symbol: null, action: 'x' }, async () => 1)).rejects.toBeInstanceOf(VenueError)
  })
})
