import { EventEmitter } from 'node:events'
import { pathToFileURL } from 'node:url'
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions, MessageBoxOptions } from 'electron'
import type { IpcRendererLike } from '../../src/preload/bridge'
import type {
  AppLike,
  ContentsLike,
  FrameLike,
  GuardableContents,
  HeadersReceivedDetails,
  IpcEventLike,
  IpcListener,
  IpcMainLike,
  MainWindowLike,
  SessionLike,
} from '../../src/main/shell/electron-surface'

/**
 * A small in-process fake of the Electron APIs the shell and the preload use.
 * Messages cross through structuredClone, as they do between Electron's
 * processes, and are delivered asynchronously. Nothing here loads 'electron'.
 */

let nextId = 1

// ---------- frames and web contents ----------

export interface FakeFrame extends FrameLike {
  url: string
  parent: FakeFrame | null
  detached: boolean
}

export function createFakeFrame(url: string, parent: FakeFrame | null = null): FakeFrame {
  const id = nextId++
  return { url, parent, detached: false, processId: 1000 + id, routingId: id }
}

export interface FakeNavigationEvent {
  readonly url: string
  defaultPrevented: boolean
  preventDefault(): void
}

function preventable<T extends object>(fields: T): T & { defaultPrevented: boolean; preventDefault(): void } {
  return {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true
    },
  }
}

type RendererSink = (channel: string, args: unknown[]) => void

export class FakeWebContents extends EventEmitter implements ContentsLike, GuardableContents {
  readonly id = nextId++
  mainFrame: FakeFrame
  /** Every message main sent to this contents, as sent. */
  readonly sent: { channel: string; args: unknown[] }[] = []
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null
  private destroyed = false
  private readonly sinks = new Set<RendererSink>()

  constructor(url = 'about:blank') {
    super()
    this.mainFrame = createFakeFrame(url)
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed')
    this.sent.push({ channel, args })
    const cloned = structuredClone(args)
    queueMicrotask(() => {
      for (const sink of this.sinks) sink(channel, cloned)
    })
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.mainFrame.detached = true
    this.emit('destroyed')
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler
  }

  /** What a page's `location.href = url` would trigger; returns the event to inspect. */
  navigate(url: string): FakeNavigationEvent {
    const event = preventable({ url })
    this.emit('will-navigate', event)
    if (!event.defaultPrevented) this.mainFrame.url = url
    return event
  }

  attachWebview(): { defaultPrevented: boolean } {
    const event = preventable({})
    this.emit('will-attach-webview', event)
    return event
  }

  /** What a page's `window.open(url)` would trigger. */
  openWindow(url: string): { action: string } {
    if (!this.windowOpenHandler) return { action: 'allow' }
    return this.windowOpenHandler({ url })
  }

  /** Used by the fake ipcRenderer to receive `send`s. */
  connect(sink: RendererSink): void {
    this.sinks.add(sink)
  }
}

// ---------- ipcMain / ipcRenderer ----------

type InvokeHandler = (event: IpcEventLike, ...args: unknown[]) => unknown

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, InvokeHandler>()
  readonly listeners = new Map<string, Set<IpcListener>>()

  handle(channel: string, listener: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, listener)
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }

  on(channel: string, listener: IpcListener): this {
    let set = this.listeners.get(channel)
    if (!set) this.listeners.set(channel, (set = new Set()))
    set.add(listener)
    return this
  }

  removeListener(channel: string, listener: IpcListener): this {
    this.listeners.get(channel)?.delete(listener)
    return this
  }

  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0
  }
}

/** The event object ipcRenderer listeners receive; `sender` is ipcRenderer itself, as in Electron. */
export interface FakeIpcRendererEvent {
  sender: FakeIpcRenderer
  senderId: number
}

export class FakeIpcRenderer implements IpcRendererLike {
  readonly invoked: { channel: string; args: unknown[] }[] = []
  readonly sentToMain: { channel: string; args: unknown[] }[] = []
  private readonly listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>()

  /** `frame` is the sending frame; by default the contents' main frame at the time of each message. */
  constructor(
    private readonly ipcMain: FakeIpcMain,
    private readonly contents: FakeWebContents,
    private readonly frame?: FakeFrame,
  ) {
    contents.connect((channel, args) => {
      for (const listener of [...(this.listeners.get(channel) ?? [])]) listener({ sender: this, senderId: 0 } satisfies FakeIpcRendererEvent, ...args)
    })
  }

  private event(): IpcEventLike {
    return { sender: this.contents, senderFrame: this.contents.isDestroyed() ? null : (this.frame ?? this.contents.mainFrame) }
  }

  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args })
    const cloned = structuredClone(args) // throws DataCloneError like Electron for functions
    await Promise.resolve()
    const handler = this.ipcMain.handlers.get(channel)
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`)
    return structuredClone(await handler(this.event(), ...cloned))
  }

  send(channel: string, ...args: unknown[]): void {
    this.sentToMain.push({ channel, args })
    const cloned = structuredClone(args)
    const event = this.event()
    queueMicrotask(() => {
      for (const listener of [...(this.ipcMain.listeners.get(channel) ?? [])]) listener(event, ...cloned)
    })
  }

  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): this {
    let set = this.listeners.get(channel)
    if (!set) this.listeners.set(channel, (set = new Set()))
    set.add(listener)
    return this
  }

  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): this {
    this.listeners.get(channel)?.delete(listener)
    return this
  }

  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0
  }
}

// ---------- contextBridge ----------

export interface FakeContextBridge {
  contextBridge: { exposeInMainWorld(apiKey: string, api: unknown): void }
  /** The page's `window`, holding whatever was exposed. */
  window: Record<string, unknown>
  exposedKeys: string[]
}

export function createFakeContextBridge(): FakeContextBridge {
  const window: Record<string, unknown> = {}
  const exposedKeys: string[] = []
  return {
    window,
    exposedKeys,
    contextBridge: {
      exposeInMainWorld(apiKey, api) {
        if (apiKey in window) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${apiKey}`)
        exposedKeys.push(apiKey)
        // Electron copies the object into the page's world; a frozen shallow copy is close enough.
        window[apiKey] = typeof api === 'object' && api !== null ? Object.freeze({ ...api }) : api
      },
    },
  }
}

// ---------- session, shell, dialog, Menu ----------

type HeadersListener = Parameters<SessionLike['webRequest']['onHeadersReceived']>[0]
type PermissionRequestHandler = Parameters<SessionLike['setPermissionRequestHandler']>[0]
type PermissionCheckHandler = Parameters<SessionLike['setPermissionCheckHandler']>[0]

export class FakeSession implements SessionLike {
  headersListener: HeadersListener | null = null
  permissionRequestHandler: PermissionRequestHandler | null = null
  permissionCheckHandler: PermissionCheckHandler | null = null

  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener): void => {
      this.headersListener = listener
    },
  }

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler
  }

  /** Runs a response through the headers listener; returns the headers the page would get. */
  respond(details: HeadersReceivedDetails): Promise<Record<string, string | string[]> | undefined> {
    const listener = this.headersListener
    if (!listener) return Promise.resolve(details.responseHeaders)
    return new Promise((resolve) => listener(details, (response) => resolve(response.responseHeaders)))
  }

  /** Resolves with what the request handler granted (true when no handler is set, like Electron). */
  requestPermission(permission: string): Promise<boolean> {
    const handler = this.permissionRequestHandler
    if (!handler) return Promise.resolve(true)
    return new Promise((resolve) => handler({}, permission, resolve))
  }

  checkPermission(permission: string, origin: string): boolean {
    return this.permissionCheckHandler ? this.permissionCheckHandler({}, permission, origin) : true
  }
}

export class FakeShell {
  readonly opened: string[] = []
  failWith: Error | null = null

  async openExternal(url: string): Promise<void> {
    if (this.failWith) throw this.failWith
    this.opened.push(url)
  }
}

export class FakeDialog {
  readonly errorBoxes: { title: string; content: string }[] = []
  readonly messageBoxes: { window: unknown; options: MessageBoxOptions }[] = []
  /** The button the next message boxes answer with; the cancel button (deny) when empty. */
  readonly responses: number[] = []

  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content })
  }

  showMessageBox(window: unknown, options: MessageBoxOptions): Promise<{ response: number }> {
    this.messageBoxes.push({ window, options })
    return Promise.resolve({ response: this.responses.shift() ?? options.cancelId ?? 0 })
  }
}

export interface FakeMenu {
  template: MenuItemConstructorOptions[]
}

export class FakeMenuApi {
  applicationMenu: FakeMenu | null = null

  buildFromTemplate(template: MenuItemConstructorOptions[]): FakeMenu {
    return { template }
  }

  setApplicationMenu(menu: FakeMenu | null): void {
    this.applicationMenu = menu
  }
}

// ---------- app and BrowserWindow ----------

export class FakeApp extends EventEmitter implements AppLike {
  isPackaged = false
  lockAvailable = true
  sandboxEnabled = false
  quitRequests = 0
  quitted = false
  exitCode: number | null = null

  constructor(private readonly userData: string) {
    super()
  }

  requestSingleInstanceLock(): boolean {
    return this.lockAvailable
  }

  enableSandbox(): void {
    this.sandboxEnabled = true
  }

  whenReady(): Promise<void> {
    return Promise.resolve()
  }

  getPath(name: 'userData'): string {
    if (name !== 'userData') throw new Error(`FakeApp.getPath only knows userData, received ${String(name)}`)
    return this.userData
  }

  /** Like Electron: emits a preventable before-quit; quits only if nobody prevented it. */
  quit(): void {
    this.quitRequests++
    const event = preventable({})
    this.emit('before-quit', event)
    if (!event.defaultPrevented) this.quitted = true
  }

  exit(exitCode = 0): void {
    this.exitCode = exitCode
  }
}

export class FakeBrowserWindow extends EventEmitter implements MainWindowLike {
  readonly webContents: FakeWebContents
  loadedUrl: string | null = null
  loadedFile: string | null = null
  shown = false
  focused = false
  minimized = false
  private destroyed = false

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super()
    this.webContents = new FakeWebContents()
  }

  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url
    this.webContents.mainFrame.url = url
  }

  async loadFile(file: string): Promise<void> {
    this.loadedFile = file
    this.webContents.mainFrame.url = pathToFileURL(file).href
  }

  show(): void {
    this.shown = true
  }

  focus(): void {
    this.focused = true
  }

  restore(): void {
    this.minimized = false
  }

  isMinimized(): boolean {
    return this.minimized
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  close(): void {
    this.destroyed = true
    this.webContents.destroy()
    this.emit('closed')
  }
}

/** A BrowserWindow class whose instances announce their contents on `app`, as Electron does. */
export function createFakeBrowserWindowClass(app: FakeApp): { BrowserWindow: new (options: BrowserWindowConstructorOptions) => FakeBrowserWindow; windows: FakeBrowserWindow[] } {
  const windows: FakeBrowserWindow[] = []
  class BrowserWindow extends FakeBrowserWindow {
    constructor(options: BrowserWindowConstructorOptions) {
      super(options)
      windows.push(this)
      app.emit('web-contents-created', {}, this.webContents)
    }
  }
  return { BrowserWindow, windows }
}

/** Everything `startElectronShell` takes, as fakes, plus handles to inspect them. */
export function createFakeElectron(userData: string) {
  const app = new FakeApp(userData)
  const { BrowserWindow, windows } = createFakeBrowserWindowClass(app)
  const ipcMain = new FakeIpcMain()
  const session = new FakeSession()
  const shell = new FakeShell()
  const dialog = new FakeDialog()
  const Menu = new FakeMenuApi()
  return {
    modules: { app, BrowserWindow, ipcMain, Menu, dialog, session: { defaultSession: session }, shell },
    app,
    windows,
    ipcMain,
    session,
    shell,
    dialog,
    Menu,
  }
}
