import type { Logger } from '../ports/logger'
import type { GuardableContents } from './electron-surface'
import type { SafeOpenExternal } from './open-external'

export interface WebContentsGuardOptions {
  isAppUrl(url: string): boolean
  openExternal: SafeOpenExternal
  logger: Logger
}

/**
 * Keeps every web contents on the app's own page: navigation elsewhere is
 * cancelled, window.open never creates a window (an https link goes to the
 * user's browser instead), and <webview> cannot attach. Applied from
 * `web-contents-created`, so it covers windows the app did not open itself.
 */
export function guardWebContents(contents: GuardableContents, options: WebContentsGuardOptions): void {
  const { isAppUrl, openExternal, logger } = options
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return
    event.preventDefault()
    logger.warn('blocked navigation away from the app', { url: event.url.slice(0, 200) })
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    logger.warn('blocked a <webview> from attaching')
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https:')) void openExternal(url)
    else logger.warn('blocked window.open', { url: url.slice(0, 200) })
    return { action: 'deny' }
  })
}
