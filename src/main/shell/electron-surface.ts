import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron'
import type { MessageBoxDialog } from './native-approver'

/**
 * The few parts of Electron's main-process API the shell uses, written as
 * structural types. The real modules satisfy them (index.ts passes them in and
 * the compiler checks it); tests pass small fakes. Type-only imports of
 * 'electron' here: loading the real package outside Electron would try to
 * download its runtime.
 */

export interface PreventableEvent {
  preventDefault(): void
}

/** A frame as `event.senderFrame` and `webContents.mainFrame` describe it. */
export interface FrameLike {
  readonly url: string
  readonly processId: number
  readonly routingId: number
  readonly parent: unknown
  readonly detached: boolean
}

/** The renderer side of one window, as IPC sees it. */
export interface ContentsLike {
  readonly id: number
  readonly mainFrame: FrameLike
  isDestroyed(): boolean
  send(channel: string, ...args: unknown[]): void
  once(event: 'destroyed', listener: () => void): unknown
}

export interface IpcEventLike {
  readonly sender: ContentsLike
  readonly senderFrame: FrameLike | null
}

export type IpcListener = (event: IpcEventLike, ...args: unknown[]) => void

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void
  removeHandler(channel: string): void
  on(channel: string, listener: IpcListener): unknown
  removeListener(channel: string, listener: IpcListener): unknown
}

/** What the navigation guard touches on any web contents. */
export interface GuardableContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent & { readonly url: string }) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void
}

export interface HeadersReceivedDetails {
  readonly url: string
  readonly responseHeaders?: Record<string, string[]>
}

export interface SessionLike {
  readonly webRequest: {
    onHeadersReceived(
      listener: (details: HeadersReceivedDetails, callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void) => void,
    ): void
  }
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void
  setPermissionCheckHandler(handler: (contents: unknown, permission: string, requestingOrigin: string) => boolean): void
}

export interface ShellLike {
  openExternal(url: string): Promise<void>
}

export interface DialogLike {
  showErrorBox(title: string, content: string): void
}

export interface MenuApi<M> {
  buildFromTemplate(template: MenuItemConstructorOptions[]): M
  setApplicationMenu(menu: M | null): void
}

export interface MainWindowLike {
  readonly webContents: ContentsLike
  loadURL(url: string): Promise<void>
  loadFile(file: string): Promise<void>
  once(event: 'ready-to-show', listener: () => void): unknown
  on(event: 'closed', listener: () => void): unknown
  show(): void
  focus(): void
  restore(): void
  isMinimized(): boolean
  isDestroyed(): boolean
}

export type BrowserWindowClass<W extends MainWindowLike = MainWindowLike> = new (options: BrowserWindowConstructorOptions) => W

export interface AppLike {
  readonly isPackaged: boolean
  requestSingleInstanceLock(): boolean
  enableSandbox(): void
  whenReady(): Promise<unknown>
  getPath(name: 'userData'): string
  quit(): void
  exit(exitCode?: number): void
  on(event: 'second-instance', listener: () => void): unknown
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown
  on(event: 'window-all-closed', listener: () => void): unknown
  on(event: 'activate', listener: () => void): unknown
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardableContents) => void): unknown
}

/**
 * Everything `startElectronShell` needs from 'electron', passed in by index.ts.
 * W is the window class's instances: the dialog shows the second approval's
 * message box modal to one of them.
 */
export interface ElectronModules<M = unknown, W extends MainWindowLike = MainWindowLike> {
  app: AppLike
  BrowserWindow: BrowserWindowClass<W>
  ipcMain: IpcMainLike
  Menu: MenuApi<M>
  dialog: DialogLike & MessageBoxDialog<W>
  session: { readonly defaultSession: SessionLike }
  shell: ShellLike
}
