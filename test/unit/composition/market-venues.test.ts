import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/main/adapters/logging/memory-logger'
import { getVenueProfile } from '../../../src/main/adapters/ccxt/venue-profiles'
import { createMarketVenues, DEFAULT_VENUE_IDS, KNOWN_VENUE_IDS } from '../../../src/main/composition/market-venues'
import { endpointOverridesFor } from '../../../src/main/composition/venue-endpoints'
import { createTestClock } from '../../../src/main/core/clock/test-clock'

const clock = createTestClock(0)

describe('market venues of a profile', () => {
  it('registers the simulator first, then OKX, Binance, Binance USDⓈ-M and Bybit by default', async () => {
    const logger = createMemoryLogger('debug')
    const venues = createMarketVenues(clock, logger)
    expect(DEFAULT_VENUE_IDS).toEqual(['sim', 'okx', 'binance', 'binanceusdm', 'bybit'])
    expect(venues.map((v) => [v.client.venue, v.name, v.simulated])).toEqual([
      ['sim', 'Market simulator', true],
      ['okx', 'OKX', false],
      ['binance', 'Binance', false],
      ['binanceusdm', 'Binance USDⓈ-M', false],
      ['bybit', 'Bybit', false],
    ])
    // Capabilities come from the adapter's profiles, known before any venue is built.
    for (const venue of venues.slice(1)) expect(venue.client.capabilities).toEqual(getVenueProfile(venue.client.venue).capabilities)
    // Nothing was started: closing venues never used builds nothing and logs nothing.
    await Promise.all(venues.map((v) => v.client.close()))
    expect(logger.records.filter((r) => r.msg === 'starting live market data')).toEqual([])
  })

  it('registers only the chosen venues, in the order given', () => {
    expect(createMarketVenues(clock, createMemoryLogger(), { venues: ['okx', 'sim'] }).map((v) => v.client.venue)).toEqual(['okx', 'sim'])
  })

  it('refuses an unknown venue or an endpoint for one, naming the known ids', () => {
    expect(() => createMarketVenues(clock, createMemoryLogger(), { venues: ['sim', 'mtgox'] })).toThrow(`Unknown venue mtgox; expected one of: ${KNOWN_VENUE_IDS.join(', ')}`)
    expect(() => createMarketVenues(clock, createMemoryLogger(), { endpoints: { nope: { rest: 'http://127.0.0.1:1' } } })).toThrow(/Unknown venue nope/)
  })
})

describe('venue endpoint overrides', () => {
  it('derives the WebSocket origin from the REST one: the adapter keeps the venue paths', () => {
    expect(endpointOverridesFor('http://127.0.0.1:12345')).toEqual({ rest: 'http://127.0.0.1:12345', ws: 'ws://127.0.0.1:12345' })
    expect(endpointOverridesFor('https://127.0.0.1:8443/')).toEqual({ rest: 'https://127.0.0.1:8443', ws: 'wss://127.0.0.1:8443' })
  })

  it('takes an explicit WebSocket URL, by its origin', () => {
    expect(endpointOverridesFor('http://127.0.0.1:1', 'ws://127.0.0.1:2/ws/v5')).toEqual({ rest: 'http://127.0.0.1:1', ws: 'ws://127.0.0.1:2' })
  })

  it('refuses what is not a URL of the right kind', () => {
    expect(() => endpointOverridesFor('localhost:1')).toThrow(/must start with http:\/\/ or https:\/\//)
    expect(() => endpointOverridesFor('not a url')).toThrow(/is not a URL/)
    expect(() => endpointOverridesFor('ws://127.0.0.1:1')).toThrow(/REST URL "ws:\/\/127.0.0.1:1" must start with http/)
    expect(() => endpointOverridesFor('http://127.0.0.1:1', 'http://127.0.0.1:2')).toThrow(/WebSocket URL "http:\/\/127.0.0.1:2" must start with ws:\/\/ or wss:\/\//)
    expect(() => endpointOverridesFor('http://user:secret@127.0.0.1:1')).toThrow(/must not carry a user name or password/)
  })
})
