import type { Logger } from '../ports/logger'
import type { AppLike } from './electron-surface'

/**
 * Holds the first quit until `shutdown` has finished (timers stopped, SQLite
 * checkpointed and closed, logs flushed), then quits for real. Further quit
 * requests while it runs are absorbed; shutdown runs exactly once, and a
 * failing shutdown still lets the app quit.
 */
export function shutdownBeforeQuit(app: Pick<AppLike, 'on' | 'quit'>, shutdown: () => Promise<void>, logger: Logger): void {
  let state: 'running' | 'stopping' | 'stopped' = 'running'
  app.on('before-quit', (event) => {
    if (state === 'stopped') return
    event.preventDefault()
    if (state === 'stopping') return
    state = 'stopping'
    shutdown()
      .catch((error: unknown) => logger.error('shutdown failed; quitting anyway', { err: error }))
      .finally(() => {
        state = 'stopped'
        app.quit()
      })
  })
}
