import { describe, expect, it } from 'vitest'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import { createMemoryLogger } from '../../../src/main/adapters/logging/memory-logger'
import { createCcxtVenue } from '../../../src/main/adapters/ccxt'
import { createExchange } from '../../../src/main/adapters/ccxt/exchange/create-exchange'
import { getVenueProfile, VENUE_PROFILES } from '../../../src/main/adapters/ccxt/venue-profiles'

const LOCAL = { rest: 'http://127.0.0.1:9', ws: 'ws://127.0.0.1:9/ws' }

describe('creating venues (offline: nothing is contacted until used)', () => {
  it.each(VENUE_PROFILES.map((p) => [p.id, p.demo] as const))('%s builds its clients, in demo mode where it has one', async (venueId, demo) => {
    const venue = await createCcxtVenue({ venueId, demo: demo !== null, endpoints: LOCAL, clock: createTestClock(0) })
    expect(venue.descriptor.id).toBe(venueId)
    expect(venue.marketData.venue).toBe(venueId)
    expect(venue.execution.capabilities).toBe(venue.descriptor.capabilities)
    await venue.close()
  })

  it('refuses demo mode on a venue without one, and an unknown venue', async () => {
    await expect(createCcxtVenue({ venueId: 'coinbase', demo: true, clock: createTestClock(0) })).rejects.toMatchObject({ kind: 'unsupported' })
    await expect(createCcxtVenue({ venueId: 'nope', demo: false, clock: createTestClock(0) })).rejects.toMatchObject({ kind: 'unsupported' })
  })

  it('OKX demo: simulated-trading header, overrides applied after sandbox, ccxt limiter off, ccxt logs into ours', async () => {
    const logger = createMemoryLogger('debug')
    const exchange = await createExchange(getVenueProfile('okx'), { demo: true, endpoints: LOCAL, requestTimeoutMs: 1234, logger })
    expect(exchange.headers['x-simulated-trading']).toBe('1')
    expect(exchange.urls['api']).toMatchObject({ rest: 'http://127.0.0.1:9', ws: 'ws://127.0.0.1:9/ws/v5' })
    expect(exchange.enableRateLimit).toBe(false)
    expect(exchange.timeout).toBe(1234)
    exchange.log('hello from ccxt')
    expect(logger.records.at(-1)).toMatchObject({ msg: 'ccxt says', fields: { text: 'hello from ccxt' } })
  })

  it('production defaults point at the venue itself, never at a local host', async () => {
    const exchange = await createExchange(getVenueProfile('okx'), { demo: false, requestTimeoutMs: 10_000, logger: createMemoryLogger() })
    expect(JSON.stringify(exchange.urls['api'])).not.toContain('127.0.0.1')
    expect(exchange.headers['x-simulated-trading']).toBeUndefined()
  })
})
