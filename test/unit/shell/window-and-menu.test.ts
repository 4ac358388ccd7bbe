import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import pkg from '../../../package.json'
import { createMemoryLogger } from '../../../src/main/adapters/logging/memory-logger'
import { buildMenuTemplate, installApplicationMenu } from '../../../src/main/shell/menu'
import { focusWindow, openMainWindow, WINDOW_TITLE } from '../../../src/main/shell/window'
import { createFakeBrowserWindowClass, FakeApp, FakeMenuApi } from '../../support/fake-electron'

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])])
}

describe('main window', () => {
  it('is created hidden with the secure preferences and the preload, then shown when ready', () => {
    const { BrowserWindow, windows } = createFakeBrowserWindowClass(new FakeApp('/tmp'))
    const window = openMainWindow(BrowserWindow, { preloadPath: '/app/out/preload/index.cjs', entry: { kind: 'file', file: '/app/out/renderer/index.html' }, logger: createMemoryLogger() })
    const fake = windows[0]!
    expect(window).toBe(fake)
    expect(fake.options).toMatchObject({ title: WINDOW_TITLE, show: false })
    expect(fake.options.webPreferences).toMatchObject({ preload: '/app/out/preload/index.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false })
    expect(fake.loadedFile).toBe('/app/out/renderer/index.html')
    expect(fake.shown).toBe(false)
    fake.emit('ready-to-show')
    expect(fake.shown).toBe(true)
  })

  it('is titled with the product name from package.json', () => {
    expect(WINDOW_TITLE).toBe(pkg.productName)
  })

  it('loads the dev server URL in development', () => {
    const { BrowserWindow, windows } = createFakeBrowserWindowClass(new FakeApp('/tmp'))
    openMainWindow(BrowserWindow, { preloadPath: '/p.cjs', entry: { kind: 'dev', url: 'http://localhost:5173/' }, logger: createMemoryLogger() })
    expect(windows[0]!.loadedUrl).toBe('http://localhost:5173/')
    expect(windows[0]!.loadedFile).toBeNull()
  })

  it('focusWindow restores a minimised window and brings it forward', () => {
    const { BrowserWindow, windows } = createFakeBrowserWindowClass(new FakeApp('/tmp'))
    openMainWindow(BrowserWindow, { preloadPath: '/p.cjs', entry: { kind: 'dev', url: 'http://localhost:5173/' }, logger: createMemoryLogger() })
    const fake = windows[0]!
    fake.minimized = true
    focusWindow(fake)
    expect(fake).toMatchObject({ minimized: false, shown: true, focused: true })
    expect(() => focusWindow(null)).not.toThrow()
  })
})

describe('application menu', () => {
  it('has the standard edit, view and window items; developer tools only in development', () => {
    const production = roles(buildMenuTemplate({ platform: 'linux', isDev: false }))
    expect(production).toEqual(expect.arrayContaining(['fileMenu', 'editMenu', 'windowMenu', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']))
    expect(production).not.toContain('toggleDevTools')
    expect(production).not.toContain('appMenu')
    expect(roles(buildMenuTemplate({ platform: 'linux', isDev: true }))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
  })

  it('uses the app menu on macOS', () => {
    const mac = roles(buildMenuTemplate({ platform: 'darwin', isDev: false }))
    expect(mac[0]).toBe('appMenu')
    expect(mac).not.toContain('fileMenu')
  })

  it('is installed as the application menu', () => {
    const Menu = new FakeMenuApi()
    installApplicationMenu(Menu, { platform: 'linux', isDev: false })
    expect(Menu.applicationMenu?.template).toEqual(buildMenuTemplate({ platform: 'linux', isDev: false }))
  })
})
