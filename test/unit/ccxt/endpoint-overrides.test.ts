import { describe, expect, it } from 'vitest'
import { applyEndpointOverrides, needsPlainWsAgent } from '../../../src/main/adapters/ccxt/exchange/endpoint-overrides'

describe('endpoint overrides', () => {
  it('replaces scheme, host and port and keeps the venue paths', () => {
    const api = { rest: 'https://{hostname}', ws: 'wss://ws.okx.com:8443/ws/v5' }
    expect(applyEndpointOverrides(api, { rest: 'http://127.0.0.1:9000', ws: 'ws://127.0.0.1:9000/ignored/path' }, 'www.okx.com')).toEqual({
      rest: 'http://127.0.0.1:9000',
      ws: 'ws://127.0.0.1:9000/ws/v5',
    })
  })

  it('walks nested URL tables (Binance) and leaves what is not overridden', () => {
    const api = { public: 'https://api.binance.com/api/v3', sapi: 'https://api.binance.com/sapi/v1', ws: { spot: 'wss://stream.binance.com:9443/ws' } }
    expect(applyEndpointOverrides(api, { rest: 'https://proxy.example:8443' }, undefined)).toEqual({
      public: 'https://proxy.example:8443/api/v3',
      sapi: 'https://proxy.example:8443/sapi/v1',
      ws: { spot: 'wss://stream.binance.com:9443/ws' },
    })
  })

  it('refuses overrides that are not URLs of the right kind', () => {
    expect(() => applyEndpointOverrides({}, { rest: 'not a url' }, undefined)).toThrow(/not a URL/)
    expect(() => applyEndpointOverrides({}, { ws: 'https://x' }, undefined)).toThrow(/must use ws: or wss:/)
  })

  it('knows when ccxt needs its HTTP agent for plain ws://', () => {
    expect(needsPlainWsAgent({ ws: 'ws://127.0.0.1:1' })).toBe(true)
    expect(needsPlainWsAgent({ ws: 'wss://proxy' })).toBe(false)
  })
})
