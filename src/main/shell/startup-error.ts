import type { AppLike, DialogLike } from './electron-surface'

/**
 * A failure before the window exists has nowhere to show but a native box.
 * The app then exits without a quit sequence: there is no kernel to shut down,
 * and a database we refused must stay exactly as it was.
 */
export function failStartup(deps: { app: Pick<AppLike, 'exit'>; dialog: DialogLike }, error: unknown, dataDir: string): void {
  const message = error instanceof Error ? error.message : String(error)
  const title = isDatabaseOpenError(error) ? 'Cannot open the profile database' : 'The workstation could not start'
  deps.dialog.showErrorBox(title, `${message}\n\nProfile folder: ${dataDir}`)
  deps.app.exit(1)
}

// By name: the shell may not import adapters, and the error comes from the SQLite adapter.
function isDatabaseOpenError(error: unknown): boolean {
  return error instanceof Error && error.name === 'DatabaseOpenError'
}
