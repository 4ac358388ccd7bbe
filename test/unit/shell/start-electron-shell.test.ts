import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/main/adapters/logging/memory-logger'
import { openSqliteProfileStore, profileDatabasePath } from '../../../src/main/adapters/sqlite/sqlite-profile-store'
import { openMarketStore } from '../../../src/main/adapters/market-store'
import { createProfilePorts, marketDataPath, sha256Hex } from '../../../src/main/composition/profile-ports'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import type { WorkstationPorts } from '../../../src/main/core/workstation'
import { startElectronShell, type ElectronShellOptions } from '../../../src/main/shell/start-electron-shell'
import { createFakeElectron, createFakeFrame, FakeIpcRenderer } from '../../support/fake-electron'
import { makeTempDir } from '../../support/temp-dir'

const MAIN_DIR = '/opt/workstation/out/main'
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10))

describe('Electron shell start-up', () => {
  let dir: ReturnType<typeof makeTempDir>
  let logger: ReturnType<typeof createMemoryLogger>
  let options: ElectronShellOptions

  beforeEach(() => {
    dir = makeTempDir()
    logger = createMemoryLogger('debug')
    options = {
      version: '9.9.9',
      mainDir: MAIN_DIR,
      devServerUrl: undefined,
      platform: 'linux',
      createPorts: (dataDir): WorkstationPorts => ({ clock: createTestClock(0), logger, store: openSqliteProfileStore(dataDir, () => {}), marketStore: openMarketStore(marketDataPath(dataDir)), sha256: sha256Hex }),
    }
  })
  afterEach(() => dir.remove())

  it('opens one hardened window on the built renderer and serves the contract to it', async () => {
    const fake = createFakeElectron(dir.path)
    const running = await startElectronShell(fake.modules, options)
    expect(running).not.toBeNull()
    expect(fake.app.sandboxEnabled).toBe(true)
    expect(fake.windows).toHaveLength(1)
    const window = fake.windows[0]!
    expect(window.loadedFile).toBe('/opt/workstation/out/renderer/index.html')
    expect(window.options.webPreferences).toMatchObject({ preload: '/opt/workstation/out/preload/index.cjs', sandbox: true, contextIsolation: true })
    expect(fake.Menu.applicationMenu).not.toBeNull()
    expect(fake.session.headersListener).not.toBeNull()
    expect(await fake.session.requestPermission('media')).toBe(false)

    // The window's contents were guarded through web-contents-created.
    expect(window.webContents.navigate('https://evil.example/').defaultPrevented).toBe(true)

    // The main window's page reaches the kernel; an iframe in it does not.
    const page = new FakeIpcRenderer(fake.ipcMain, window.webContents)
    await expect(page.invoke('system.info')).resolves.toMatchObject({ ok: true, value: { version: '9.9.9', shell: 'electron', dataDir: dir.path } })
    const iframe = new FakeIpcRenderer(fake.ipcMain, window.webContents, createFakeFrame(window.webContents.mainFrame.url, window.webContents.mainFrame))
    await expect(iframe.invoke('system.info')).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } })

    fake.app.quit()
    await flush()
  })

  it('asks for second approvals with a native message box modal to the main window', async () => {
    const fake = createFakeElectron(dir.path)
    await startElectronShell(fake.modules, options)
    const page = new FakeIpcRenderer(fake.ipcMain, fake.windows[0]!.webContents)
    const config = ((await page.invoke('risk.getConfig')) as { value: Record<string, unknown> }).value
    const looser = { config: { ...config, maxLeverage: 20 }, confirmed: true }
    await expect(page.invoke('risk.updateConfig', looser)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(fake.dialog.messageBoxes).toHaveLength(1)
    expect(fake.dialog.messageBoxes[0]!.window).toBe(fake.windows[0])
    expect(fake.dialog.messageBoxes[0]!.options).toMatchObject({ message: 'Loosen the risk rules (1 change)', buttons: ['Approve', 'Deny'], cancelId: 1 })
    fake.dialog.responses.push(0)
    await expect(page.invoke('risk.updateConfig', looser)).resolves.toMatchObject({ ok: true, value: { config: { maxLeverage: 20 } } })
    fake.app.quit()
    await flush()
  })

  it('on quit shuts the kernel down exactly once, then quits; IPC is gone afterwards', async () => {
    const fake = createFakeElectron(dir.path)
    await startElectronShell(fake.modules, options)
    fake.app.quit()
    fake.app.quit()
    await flush()
    expect(fake.app.quitted).toBe(true)
    expect(logger.records.filter((r) => r.msg === 'workstation stopped')).toHaveLength(1)
    expect(fake.ipcMain.handlers.size).toBe(0)
    // The audit log records one stop.
    const store = openSqliteProfileStore(dir.path, () => {})
    expect(store.audit.tail(10).filter((e) => e.kind === 'system.stopped')).toHaveLength(1)
    store.close()
  })

  it('closing the last window quits on Linux and Windows', async () => {
    const fake = createFakeElectron(dir.path)
    const running = await startElectronShell(fake.modules, options)
    fake.windows[0]!.close()
    expect(running!.mainWindow()).toBeNull()
    fake.app.emit('window-all-closed')
    await flush()
    expect(fake.app.quitted).toBe(true)
  })

  it('a second instance stops before building anything', async () => {
    const fake = createFakeElectron(dir.path)
    fake.app.lockAvailable = false
    await expect(startElectronShell(fake.modules, options)).resolves.toBeNull()
    expect(fake.windows).toHaveLength(0)
    expect(fake.ipcMain.handlers.size).toBe(0)
  })

  it('a database it cannot open shows a native error box, exits 1, and leaves the file untouched', async () => {
    const file = profileDatabasePath(dir.path)
    writeFileSync(file, 'this is not a SQLite database, and it must stay exactly like this'.repeat(100))
    const digest = (): string => createHash('sha256').update(readFileSync(file)).digest('hex')
    const before = digest()

    const fake = createFakeElectron(dir.path)
    const running = await startElectronShell(fake.modules, { ...options, createPorts: createProfilePorts })
    expect(running).toBeNull()
    expect(fake.dialog.errorBoxes).toHaveLength(1)
    expect(fake.dialog.errorBoxes[0]!.title).toBe('Cannot open the profile database')
    expect(fake.dialog.errorBoxes[0]!.content).toContain(file)
    expect(fake.dialog.errorBoxes[0]!.content).toContain(dir.path)
    expect(fake.app.exitCode).toBe(1)
    expect(fake.windows).toHaveLength(0)
    expect(fake.ipcMain.handlers.size).toBe(0)
    expect(digest()).toBe(before)
    expect(() => readFileSync(join(dir.path, 'workstation.sqlite-wal'))).toThrow()
  })

  it('a market data file from a newer app shows its own error box, exits 1, and leaves both files untouched', async () => {
    const file = marketDataPath(dir.path)
    const db = new Database(file)
    db.pragma('user_version = 99')
    db.close()
    const digest = (): string => createHash('sha256').update(readFileSync(file)).digest('hex')
    const before = digest()

    const fake = createFakeElectron(dir.path)
    const running = await startElectronShell(fake.modules, { ...options, createPorts: createProfilePorts })
    expect(running).toBeNull()
    expect(fake.dialog.errorBoxes).toHaveLength(1)
    expect(fake.dialog.errorBoxes[0]!.title).toBe('Cannot open the market data file')
    expect(fake.dialog.errorBoxes[0]!.content).toMatch(/schema version 99, newer than this app supports/)
    expect(fake.dialog.errorBoxes[0]!.content).toContain(file)
    expect(fake.app.exitCode).toBe(1)
    expect(fake.windows).toHaveLength(0)
    expect(digest()).toBe(before)
    // The profile database opened first was closed again: its WAL was checkpointed away.
    expect(existsSync(join(dir.path, 'workstation.sqlite-wal'))).toBe(false)
  })

  it('any other start-up failure is shown too, before the profile is opened', async () => {
    const fake = createFakeElectron(dir.path)
    let portsBuilt = 0
    const running = await startElectronShell(fake.modules, {
      ...options,
      devServerUrl: 'https://evil.example/',
      createPorts: (dataDir) => (portsBuilt++, options.createPorts(dataDir)),
    })
    expect(running).toBeNull()
    expect(fake.dialog.errorBoxes).toEqual([{ title: 'The workstation could not start', content: expect.stringContaining('"https://evil.example/"') }])
    expect(fake.app.exitCode).toBe(1)
    expect(portsBuilt).toBe(0)
  })

  it('a packaged app ignores ELECTRON_RENDERER_URL; an unpackaged one loads it', async () => {
    const packaged = createFakeElectron(dir.path)
    packaged.app.isPackaged = true
    await startElectronShell(packaged.modules, { ...options, devServerUrl: 'http://localhost:5173' })
    expect(packaged.windows[0]!.loadedFile).toBe('/opt/workstation/out/renderer/index.html')
    packaged.app.quit()
    await flush()

    const dev = createFakeElectron(dir.path)
    await startElectronShell(dev.modules, { ...options, devServerUrl: 'http://localhost:5173' })
    expect(dev.windows[0]!.loadedUrl).toBe('http://localhost:5173/')
    dev.app.quit()
    await flush()
  })
})
