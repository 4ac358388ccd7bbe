import type { Logger } from '../ports/logger'
import type { ShellLike } from './electron-surface'

/** Opens a URL in the user's browser; resolves false (and logs) when refused or failed. */
export type SafeOpenExternal = (url: string) => Promise<boolean>

/**
 * `shell.openExternal` hands a URL to the OS, which will run whatever handler
 * is registered for its scheme (file:, smb:, custom app schemes ...). Only
 * https: links leave the app; everything else is refused and logged.
 */
export function createSafeOpenExternal(shell: ShellLike, logger: Logger): SafeOpenExternal {
  return async (raw) => {
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      logger.warn('refused to open an unparsable external URL', { url: raw.slice(0, 200) })
      return false
    }
    if (url.protocol !== 'https:') {
      logger.warn('refused to open an external URL: only https: is allowed', { url: raw.slice(0, 200), protocol: url.protocol })
      return false
    }
    try {
      await shell.openExternal(url.href)
      return true
    } catch (error) {
      logger.warn('the OS could not open an external URL', { url: url.href, err: error })
      return false
    }
  }
}
