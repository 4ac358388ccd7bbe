import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/main/adapters/logging/memory-logger'
import { createSafeOpenExternal } from '../../../src/main/shell/open-external'
import { isAppUrl } from '../../../src/main/shell/renderer-entry'
import { guardWebContents } from '../../../src/main/shell/web-contents-guard'
import { FakeShell, FakeWebContents } from '../../support/fake-electron'

const APP_FILE = '/opt/workstation/out/renderer/index.html'
const APP_URL = `file://${APP_FILE}`

function guarded() {
  const contents = new FakeWebContents(APP_URL)
  const shell = new FakeShell()
  const logger = createMemoryLogger()
  guardWebContents(contents, { isAppUrl: (url) => isAppUrl({ kind: 'file', file: APP_FILE }, url), openExternal: createSafeOpenExternal(shell, logger), logger })
  return { contents, shell, logger }
}

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

describe('web contents guard', () => {
  it.each(['https://evil.example/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'file:///opt/workstation/out/renderer/other.html', 'javascript:alert(1)', 'data:text/html,hi'])(
    'prevents navigation to %s',
    (url) => {
      const { contents, logger } = guarded()
      expect(contents.navigate(url).defaultPrevented).toBe(true)
      expect(contents.mainFrame.url).toBe(APP_URL)
      expect(logger.records.map((r) => r.msg)).toContain('blocked navigation away from the app')
    },
  )

  it.each([APP_URL, `${APP_URL}#/settings`, `${APP_URL}?tab=arena`])('allows the app’s own page %s', (url) => {
    const { contents } = guarded()
    expect(contents.navigate(url).defaultPrevented).toBe(false)
  })

  it('denies every window.open; an https link goes to the user’s browser instead', async () => {
    const { contents, shell } = guarded()
    expect(contents.openWindow('https://www.okx.com/docs')).toEqual({ action: 'deny' })
    expect(contents.openWindow('http://example.com/')).toEqual({ action: 'deny' })
    expect(contents.openWindow('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(contents.openWindow(APP_URL)).toEqual({ action: 'deny' })
    await flush()
    expect(shell.opened).toEqual(['https://www.okx.com/docs'])
  })

  it('prevents a <webview> from attaching', () => {
    const { contents } = guarded()
    expect(contents.attachWebview().defaultPrevented).toBe(true)
  })
})
