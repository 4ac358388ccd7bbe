import ccxt, { type Exchange } from 'ccxt'
import { describe, expect, it } from 'vitest'
import { VenueDescriptorSchema } from '../../../src/shared/domain/venue'
import { ENDPOINT_CLASSES } from '../../../src/main/adapters/ccxt/profiles/venue-profile'
import { getVenueProfile, listVenueDescriptors, VENUE_PROFILES } from '../../../src/main/adapters/ccxt/venue-profiles'
import { VenueError } from '../../../src/main/ports/venue-error'

const instance = (id: string): Exchange => new (ccxt.pro as unknown as Record<string, new () => Exchange>)[id]!()

describe('venue profiles', () => {
  it('lists a valid descriptor for every venue, okx first', () => {
    const descriptors = listVenueDescriptors()
    expect(descriptors.map((d) => d.id)).toEqual(['okx', 'binance', 'binanceusdm', 'bybit', 'coinbase', 'kraken', 'htx', 'paradex'])
    for (const d of descriptors) expect(VenueDescriptorSchema.parse(d)).toEqual(d)
    expect(descriptors.every((d) => !d.simulated)).toBe(true)
  })

  it.each(VENUE_PROFILES.map((p) => [p.id, p] as const))('%s declares only streams and features ccxt has', (_id, profile) => {
    const ex = instance(profile.ccxtId)
    const has = (method: string): boolean => ex.has[method] === true
    const streams = profile.streams
    expect({ ticker: streams.ticker, book: streams.book, trades: streams.trades, candles: streams.candles, orders: streams.orders }).toEqual(profile.capabilities.websocket)
    if (streams.ticker) expect(has('watchTicker')).toBe(true)
    if (streams.book) expect(has('watchOrderBook')).toBe(true)
    if (streams.trades) expect(has('watchTrades')).toBe(true)
    if (streams.candles) expect(has('watchOHLCV')).toBe(true)
    if (streams.funding) expect(has('watchFundingRate')).toBe(true)
    if (streams.mark) expect(has('watchMarkPrice')).toBe(true)
    if (streams.orders) expect(has('watchOrders')).toBe(true)
    if (streams.myTrades) expect(has('watchMyTrades')).toBe(true)
    if (profile.unwatch.book) expect(has('unWatchOrderBook')).toBe(true)
    if (profile.unwatch.trades) expect(has('unWatchTrades')).toBe(true)
    if (profile.unwatch.ticker) expect(has('unWatchTicker')).toBe(true)
    if (profile.unwatch.candles) expect(has('unWatchOHLCV')).toBe(true)
    if (profile.capabilities.amend) expect(has('editOrder')).toBe(true)
    if (profile.demo === 'sandbox') expect(ex.urls['test']).toBeDefined()
    if (profile.marketTypes.includes('swap')) expect(ex.has['swap']).toBe(true)
  })

  it.each(VENUE_PROFILES.map((p) => [p.id, p] as const))('%s has sound rate limits and a client id rule per market type', (_id, profile) => {
    for (const rule of profile.rateLimits) {
      expect(rule.limit).toBeGreaterThan(0)
      expect(rule.windowMs).toBeGreaterThan(0)
      expect(rule.source.length).toBeGreaterThan(10)
      for (const endpoint of rule.endpoints) expect(ENDPOINT_CLASSES).toContain(endpoint)
    }
    expect(new Set(profile.rateLimits.map((r) => r.id)).size).toBe(profile.rateLimits.length)
    // every order path is limited somewhere
    for (const endpoint of ['place', 'cancel'] as const) expect(profile.rateLimits.some((r) => r.endpoints.includes(endpoint))).toBe(true)
    for (const type of profile.marketTypes) expect(profile.clientOrderId[type]).toBeDefined()
  })

  it('publishes the OKX per-instrument order limit as 60 per 2 s', () => {
    expect(getVenueProfile('okx').rateLimits.find((r) => r.id === 'place')).toMatchObject({ limit: 60, windowMs: 2000, scope: 'instrument' })
  })

  it('accepts our client ids on OKX and refuses an unknown venue by name', () => {
    expect(getVenueProfile('okx').clientOrderId.swap!.pattern.test('cnf1a2b3c')).toBe(true)
    expect(getVenueProfile('okx').clientOrderId.swap!.pattern.test('has-dash')).toBe(false)
    expect(() => getVenueProfile('mtgox')).toThrow(VenueError)
    expect(() => getVenueProfile('mtgox')).toThrow(/expected one of okx, binance/)
  })
})
