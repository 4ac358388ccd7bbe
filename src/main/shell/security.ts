import type { WebPreferences } from 'electron'
import type { Logger } from '../ports/logger'
import type { SessionLike } from './electron-surface'
import { CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy'

export { CONTENT_SECURITY_POLICY }

/**
 * Web preferences of every window: the renderer is an untrusted web page that
 * reaches the main process only through the preload's one object.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  }
}

/**
 * Adds the CSP header to every response of the session and denies every
 * permission (camera, notifications, clipboard read, geolocation ...): the UI
 * needs none, and native features go through the contract instead.
 * file:// pages carry no headers; the built index.html has the policy as a meta tag.
 */
export function hardenSession(session: SessionLike, logger: Logger): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = { ...details.responseHeaders }
    // Added next to any policy the server sent, never instead of it: the browser enforces all of them.
    const key = Object.keys(headers).find((name) => name.toLowerCase() === 'content-security-policy') ?? 'Content-Security-Policy'
    headers[key] = [...(headers[key] ?? []), CONTENT_SECURITY_POLICY]
    callback({ responseHeaders: headers })
  })
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn('denied a permission request', { permission })
    callback(false)
  })
  session.setPermissionCheckHandler(() => false)
}
