import { describe, expect, it } from 'vitest'
import { streamRef } from '../../../src/main/core/market/stream-ref'
import { venueHealth } from '../../../src/main/core/market/venue-health'

describe('venue health', () => {
  it('an idle venue is running, and says it has not connected yet', () => {
    expect(venueHealth('okx', { state: 'idle', detail: null }, [])).toEqual({ state: 'running', detail: 'not connected; connects when first used' })
  })

  it('a venue loading its market list is running; once connected, it needs no detail', () => {
    expect(venueHealth('okx', { state: 'connecting', detail: null }, [])).toEqual({ state: 'running', detail: 'loading the market list' })
    expect(venueHealth('okx', { state: 'connected', detail: null }, [])).toEqual({ state: 'running', detail: undefined })
  })

  it('a failed connection or a stale stream of this venue degrades it; other venues do not', () => {
    expect(venueHealth('okx', { state: 'failed', detail: 'ECONNREFUSED' }, [])).toEqual({ state: 'degraded', detail: 'market list failed to load: ECONNREFUSED' })
    const stale = { ref: streamRef('okx', 'BTC/USDT:USDT', 'book', '1m'), status: 'stale' as const, detail: 'no update for 5 s' }
    expect(venueHealth('okx', { state: 'connected', detail: null }, [stale]).state).toBe('degraded')
    expect(venueHealth('bybit', { state: 'idle', detail: null }, [stale]).state).toBe('running')
  })
})
