import type { AppLike, DialogLike } from './electron-surface'

/**
 * A failure before the window exists has nowhere to show but a native box.
 * The app then exits without a quit sequence: there is no kernel to shut down,
 * and a database we refused must stay exactly as it was.
 */
export function failStartup(deps: { app: Pick<AppLike, 'exit'>; dialog: DialogLike }, error: unknown, dataDir: string): void {
  const message = error instanceof Error ? error.message : String(error)
  deps.dialog.showErrorBox(titleFor(error), `${message}\n\nProfile folder: ${dataDir}`)
  deps.app.exit(1)
}

// By name: the shell may not import adapters, and these errors come from the SQLite adapters.
function titleFor(error: unknown): string {
  const name = error instanceof Error ? error.name : ''
  if (name === 'DatabaseOpenError') return 'Cannot open the profile database'
  if (name === 'MarketStoreOpenError') return 'Cannot open the market data file'
  return 'The workstation could not start'
}
