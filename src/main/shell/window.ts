import { APP_PRODUCT_NAME } from '../composition/app-version'
import type { Logger } from '../ports/logger'
import type { BrowserWindowClass, MainWindowLike } from './electron-surface'
import type { RendererEntry } from './renderer-entry'
import { secureWebPreferences } from './security'

/** package.json's productName; the page's own <title> replaces it once loaded. */
export const WINDOW_TITLE = APP_PRODUCT_NAME

export interface MainWindowOptions {
  preloadPath: string
  entry: RendererEntry
  logger: Logger
}

/**
 * Opens the main window with the hardened web preferences and loads the
 * renderer. It is shown once painted, so the user never sees a white flash.
 */
export function openMainWindow<W extends MainWindowLike>(BrowserWindow: BrowserWindowClass<W>, options: MainWindowOptions): W {
  const window = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#0F172A',
    webPreferences: secureWebPreferences(options.preloadPath),
  })
  window.once('ready-to-show', () => window.show())
  const { entry, logger } = options
  const loading = entry.kind === 'dev' ? window.loadURL(entry.url) : window.loadFile(entry.file)
  loading.catch((error: unknown) => logger.error('the main window could not load the renderer', { entry, err: error }))
  return window
}

/** Brings a window to the front, restoring it if minimised. */
export function focusWindow(window: MainWindowLike | null): void {
  if (window === null || window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
