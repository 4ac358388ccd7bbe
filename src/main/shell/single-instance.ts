import type { AppLike } from './electron-surface'

/**
 * Two instances on one profile would open the same SQLite file twice and run
 * two kernels. The second one quits at once; the first brings its window up.
 * Returns false when this process is the second instance.
 */
export function claimSingleInstance(app: Pick<AppLike, 'requestSingleInstanceLock' | 'quit' | 'on'>, focusFirst: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  app.on('second-instance', focusFirst)
  return true
}
