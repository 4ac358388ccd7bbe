import { describe, expect, it } from 'vitest'
import { RateLimiter } from '../../../src/main/adapters/ccxt/discipline/rate-limiter'
import { WindowedTokenBucket } from '../../../src/main/adapters/ccxt/discipline/windowed-token-bucket'
import { OKX_PROFILE } from '../../../src/main/adapters/ccxt/profiles/okx'
import { BINANCE_PROFILE } from '../../../src/main/adapters/ccxt/profiles/binance'

describe('windowed token bucket', () => {
  it('allows a full burst, then one token back per spent token one window later', () => {
    const bucket = new WindowedTokenBucket(3, 1000)
    expect([0, 0, 0, 0].map(() => bucket.tryTake(0))).toEqual([true, true, true, false])
    expect(bucket.readyAt(0)).toBe(1000)
    expect(bucket.tryTake(999)).toBe(false)
    expect(bucket.tryTake(1000)).toBe(true)
  })

  it('never admits more than its capacity in any window, whatever the arrival pattern', () => {
    const bucket = new WindowedTokenBucket(60, 2000)
    const granted: number[] = []
    for (let t = 0; t < 10_000; t += 7) if (bucket.tryTake(t)) granted.push(t)
    for (const start of granted) expect(granted.filter((t) => t >= start && t < start + 2000).length).toBeLessThanOrEqual(60)
    // and it does not throttle below the limit: about 60 per 2 s sustained
    expect(granted.length).toBeGreaterThanOrEqual(5 * 60 - 1)
  })

  it('charges weights and refuses partially', () => {
    const bucket = new WindowedTokenBucket(10, 1000)
    expect(bucket.tryTake(0, 8)).toBe(true)
    expect(bucket.tryTake(0, 3)).toBe(false)
    expect(bucket.available(0)).toBe(2)
    expect(bucket.readyAt(0, 3)).toBe(1000)
  })
})

describe('rate limiter from a venue profile', () => {
  it('counts OKX orders per instrument and also against the account-wide cap', () => {
    const limiter = new RateLimiter(OKX_PROFILE.rateLimits)
    const btc = limiter.claims('place', 'BTC/USDT:USDT')
    expect(btc.map((c) => c.key).sort()).toEqual(['account-orders', 'place@BTC/USDT:USDT'])
    for (let i = 0; i < 60; i++) expect(limiter.tryTake(btc, 0)).toBe(true)
    expect(limiter.tryTake(btc, 0)).toBe(false)
    // another instrument has its own 60
    expect(limiter.tryTake(limiter.claims('place', 'ETH/USDT:USDT'), 0)).toBe(true)
    expect(limiter.readyAt(btc, 0)).toBe(2000)
  })

  it('charges Binance request weight by endpoint', () => {
    const limiter = new RateLimiter(BINANCE_PROFILE.rateLimits)
    expect(limiter.claims('fills', 'BTC/USDT')).toEqual([{ key: 'request-weight', cost: 20 }])
    expect(limiter.claims('place', 'BTC/USDT')).toEqual([
      { key: 'request-weight', cost: 1 },
      { key: 'orders-10s', cost: 1 },
    ])
  })

  it('widens windows by the safety margin', () => {
    const limiter = new RateLimiter([{ id: 'x', limit: 1, windowMs: 1000, scope: 'venue', endpoints: ['ticker'], source: 'test' }], 100)
    const claims = limiter.claims('ticker', null)
    expect(limiter.tryTake(claims, 0)).toBe(true)
    expect(limiter.readyAt(claims, 0)).toBe(1100)
  })
})
