import { describe, expect, it } from 'vitest'
import { isAppUrl, resolveRendererEntry } from '../../../src/main/shell/renderer-entry'

const rendererIndex = '/opt/work station/out/renderer/index.html'

describe('renderer entry', () => {
  it('uses the built file when packaged or when no dev server is set', () => {
    expect(resolveRendererEntry({ devServerUrl: undefined, isPackaged: false, rendererIndex })).toEqual({ kind: 'file', file: rendererIndex })
    expect(resolveRendererEntry({ devServerUrl: 'http://localhost:5173', isPackaged: true, rendererIndex })).toEqual({ kind: 'file', file: rendererIndex })
  })

  it('uses a local dev server when unpackaged', () => {
    expect(resolveRendererEntry({ devServerUrl: 'http://localhost:5173', isPackaged: false, rendererIndex })).toEqual({ kind: 'dev', url: 'http://localhost:5173/' })
  })

  it.each(['https://evil.example:5173/', 'file:///tmp/x.html', 'nonsense'])('refuses the dev server URL %j, naming it', (devServerUrl) => {
    expect(() => resolveRendererEntry({ devServerUrl, isPackaged: false, rendererIndex })).toThrow(JSON.stringify(devServerUrl))
  })

  it('matches only the very same built file (spaces encoded, any query or hash)', () => {
    const entry = { kind: 'file', file: rendererIndex } as const
    expect(isAppUrl(entry, 'file:///opt/work%20station/out/renderer/index.html')).toBe(true)
    expect(isAppUrl(entry, 'file:///opt/work%20station/out/renderer/index.html#/chart')).toBe(true)
    expect(isAppUrl(entry, 'file:///opt/work%20station/out/renderer/other.html')).toBe(false)
    expect(isAppUrl(entry, 'file://evilhost/opt/work%20station/out/renderer/index.html')).toBe(false)
    expect(isAppUrl(entry, 'https://example.com/opt/work%20station/out/renderer/index.html')).toBe(false)
    expect(isAppUrl(entry, 'file:///%E0%A4%A')).toBe(false)
    expect(isAppUrl(entry, '')).toBe(false)
  })

  it('matches the dev server by origin only', () => {
    const entry = { kind: 'dev', url: 'http://localhost:5173/' } as const
    expect(isAppUrl(entry, 'http://localhost:5173/some/route?x=1')).toBe(true)
    expect(isAppUrl(entry, 'http://localhost:5174/')).toBe(false)
    expect(isAppUrl(entry, 'http://127.0.0.1:5173/')).toBe(false)
    expect(isAppUrl(entry, 'https://localhost:5173/')).toBe(false)
  })
})
