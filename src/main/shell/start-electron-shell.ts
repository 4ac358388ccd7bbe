import { join } from 'node:path'
import { createWorkstation, type Workstation, type WorkstationPorts } from '../core/workstation'
import type { ElectronModules, MainWindowLike } from './electron-surface'
import { registerIpcTransport } from './ipc-transport'
import { installApplicationMenu } from './menu'
import { createSafeOpenExternal } from './open-external'
import { shutdownBeforeQuit } from './quit-lifecycle'
import { isAppUrl, resolveRendererEntry } from './renderer-entry'
import { createNativeApprover } from './native-approver'
import { hardenSession } from './security'
import { createSenderGuard } from './sender-guard'
import { claimSingleInstance } from './single-instance'
import { failStartup } from './startup-error'
import { guardWebContents } from './web-contents-guard'
import { focusWindow, openMainWindow } from './window'

export interface ElectronShellOptions {
  version: string
  /** Folder of the built main bundle (out/main); preload and renderer sit beside it. */
  mainDir: string
  /** electron-vite's dev server URL (ELECTRON_RENDERER_URL), honoured only when unpackaged. */
  devServerUrl: string | undefined
  platform: NodeJS.Platform
  createPorts(dataDir: string): WorkstationPorts
}

export interface RunningElectronShell {
  workstation: Workstation
  mainWindow(): MainWindowLike | null
}

/**
 * The Electron shell's lifecycle, in order: single-instance lock, sandbox for
 * every renderer, then on ready the profile's ports and kernel, session and
 * navigation hardening, the menu, IPC, quit handling and the main window.
 * Resolves null when this process is not going to run (second instance, or a
 * start-up failure already shown to the user).
 */
export async function startElectronShell<M, W extends MainWindowLike>(electron: ElectronModules<M, W>, options: ElectronShellOptions): Promise<RunningElectronShell | null> {
  const { app, BrowserWindow, ipcMain, Menu, dialog, session, shell } = electron
  let mainWindow: W | null = null

  if (!claimSingleInstance(app, () => focusWindow(mainWindow))) return null
  app.enableSandbox()
  await app.whenReady()

  const dataDir = app.getPath('userData')
  let workstation: Workstation
  let ports: WorkstationPorts
  let entry: ReturnType<typeof resolveRendererEntry>
  try {
    entry = resolveRendererEntry({ devServerUrl: options.devServerUrl, isPackaged: app.isPackaged, rendererIndex: join(options.mainDir, '../renderer/index.html') })
    ports = options.createPorts(dataDir)
    // The second approval: a native message box, modal to the main window, drawn outside the renderer.
    const approver = createNativeApprover({ dialog, window: () => mainWindow, clock: ports.clock })
    workstation = createWorkstation({ version: options.version, shell: 'electron', dataDir }, { ...ports, approver })
  } catch (error) {
    failStartup({ app, dialog }, error, dataDir)
    return null
  }
  const { logger } = ports
  const ownUrl = (url: string): boolean => isAppUrl(entry, url)

  hardenSession(session.defaultSession, logger)
  const openExternal = createSafeOpenExternal(shell, logger)
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, { isAppUrl: ownUrl, openExternal, logger }))
  installApplicationMenu(Menu, { platform: options.platform, isDev: !app.isPackaged })

  const disposeIpc = registerIpcTransport({
    ipcMain,
    workstation,
    logger,
    checkSender: createSenderGuard({ mainContents: () => mainWindow?.webContents ?? null, isAppUrl: ownUrl }),
  })
  shutdownBeforeQuit(
    app,
    async () => {
      disposeIpc()
      await workstation.shutdown()
    },
    logger,
  )

  const openWindow = (): void => {
    const window = openMainWindow(BrowserWindow, { preloadPath: join(options.mainDir, '../preload/index.cjs'), entry, logger })
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null
    })
    mainWindow = window
  }
  openWindow()

  // macOS keeps apps alive without windows and reopens one from the dock.
  app.on('window-all-closed', () => {
    if (options.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (mainWindow === null) openWindow()
  })

  return { workstation, mainWindow: () => mainWindow }
}
