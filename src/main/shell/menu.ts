import type { MenuItemConstructorOptions } from 'electron'
import type { MenuApi } from './electron-surface'

export interface MenuOptions {
  platform: NodeJS.Platform
  /** Developer tools and reload appear only in development. */
  isDev: boolean
}

/**
 * A minimal native menu built from Electron's roles: the app menu on macOS,
 * edit (so copy/paste shortcuts work in inputs), view and window. Pages are
 * reached inside the UI, not from here.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    ...(options.isDev ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const) : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ]
  return [
    ...(options.platform === 'darwin' ? [{ role: 'appMenu' } as const] : [{ role: 'fileMenu' } as const]),
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ]
}

export function installApplicationMenu<M>(Menu: MenuApi<M>, options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)))
}
