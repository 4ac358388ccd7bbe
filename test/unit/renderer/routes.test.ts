import { describe, expect, it } from 'vitest'
import { hrefFor, routeFromHash, ROUTE_IDS } from '../../../src/renderer/src/navigation/routes'

describe('hash routes', () => {
  it('round-trips every page through its href', () => {
    for (const route of ROUTE_IDS) expect(routeFromHash(hrefFor(route))).toBe(route)
  })

  it('falls back to Monitor for an empty or unknown hash', () => {
    expect(routeFromHash('')).toBe('monitor')
    expect(routeFromHash('#')).toBe('monitor')
    expect(routeFromHash('#/nope')).toBe('monitor')
    expect(routeFromHash('#/__proto__')).toBe('monitor')
  })

  it('ignores anything after the page id', () => {
    expect(routeFromHash('#/settings/logging')).toBe('settings')
    expect(routeFromHash('#settings?x=1')).toBe('settings')
  })
})
