import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { APP_VERSION } from './composition/app-version'
import { createProfilePorts } from './composition/profile-ports'
import { findResourcesDir } from './composition/resources-dir'
import { startElectronShell } from './shell/start-electron-shell'

// Electron entry: hands the real Electron modules and the real profile ports to the shell.
const mainDir = dirname(fileURLToPath(import.meta.url))
startElectronShell(
  { app, BrowserWindow, dialog, ipcMain, Menu, session, shell },
  {
    version: APP_VERSION,
    mainDir,
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    platform: process.platform,
    // Prompts ship under resources/: beside the app in a package, at the repository root in development.
    createPorts: (dataDir) => createProfilePorts(dataDir, {}, { resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : findResourcesDir(mainDir) }),
  },
).catch((error: unknown) => {
  // Reached only by a bug in the shell itself; failures it expects are shown to the user already.
  dialog.showErrorBox('The workstation stopped unexpectedly', error instanceof Error ? (error.stack ?? error.message) : String(error))
  app.exit(1)
})
