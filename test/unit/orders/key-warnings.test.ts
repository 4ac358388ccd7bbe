import { describe, expect, it } from 'vitest'
import { keyWarnings, scrubSecrets } from '../../../src/main/core/exchanges/key-warnings'

describe('what the trader is told about a working key', () => {
  it('warns about withdrawal rights, read-only keys and demo/live mix-ups, and nothing for a plain trading key', () => {
    expect(keyWarnings({ mode: 'live' }, { ok: true, demo: false, permissions: ['read_only', 'trade'] })).toEqual([])
    expect(keyWarnings({ mode: 'live' }, { ok: true, demo: false, permissions: null })).toEqual([])
    expect(keyWarnings({ mode: 'live' }, { ok: true, demo: false, permissions: ['read_only', 'trade', 'withdraw'] })).toEqual([expect.stringContaining('can withdraw')])
    expect(keyWarnings({ mode: 'live' }, { ok: true, demo: false, permissions: ['read_only'] })).toEqual([expect.stringContaining('read-only')])
    expect(keyWarnings({ mode: 'live' }, { ok: true, demo: true, permissions: ['read_only', 'trade'] })).toEqual([expect.stringContaining('demo key')])
    expect(keyWarnings({ mode: 'paper' }, { ok: true, demo: false, permissions: ['read_only', 'trade'] })).toEqual([expect.stringContaining('paper account')])
  })

  it('scrubs any part of the credentials a venue echoed back', () => {
    const credentials = { apiKey: 'KEY-123456', secret: 'S3CRET-abcdef', passphrase: 'pp-9999' }
    expect(scrubSecrets('bad key KEY-123456 with S3CRET-abcdef and pp-9999', credentials)).toBe('bad key [redacted] with [redacted] and [redacted]')
    expect(scrubSecrets('nothing here', null)).toBe('nothing here')
  })
})
