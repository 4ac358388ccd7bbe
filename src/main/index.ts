import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { APP_VERSION } from './composition/app-version'
import { createProfilePorts } from './composition/profile-ports'
import { startElectronShell } from './shell/start-electron-shell'

// Electron entry: hands the real Electron modules and the real profile ports to the shell.
startElectronShell(
  { app, BrowserWindow, dialog, ipcMain, Menu, session, shell },
  {
    version: APP_VERSION,
    mainDir: dirname(fileURLToPath(import.meta.url)),
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    platform: process.platform,
    createPorts: createProfilePorts,
  },
).catch((error: unknown) => {
  // Reached only by a bug in the shell itself; failures it expects are shown to the user already.
  dialog.showErrorBox('The workstation stopped unexpectedly', error instanceof Error ? (error.stack ?? error.message) : String(error))
  app.exit(1)
})
