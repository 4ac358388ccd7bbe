import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { IPC_EVENT_CHANNEL, IPC_SUBSCRIBE_CHANNEL, IPC_UNSUBSCRIBE_CHANNEL } from '../../../src/shared/contract/bridge'
import { commandNames } from '../../../src/shared/contract/channels'
import type { Workstation } from '../../../src/main/core/workstation'
import { registerIpcTransport } from '../../../src/main/shell/ipc-transport'
import { isAppUrl, type RendererEntry } from '../../../src/main/shell/renderer-entry'
import { createSenderGuard } from '../../../src/main/shell/sender-guard'
import { until } from '../../contract/contract-suite'
import { createFakeFrame, FakeIpcMain, FakeIpcRenderer, FakeWebContents } from '../../support/fake-electron'
import { makeTempDir } from '../../support/temp-dir'
import { createTestKernel, type TestKernel } from '../../support/test-kernel'

const APP_URL = 'file:///opt/workstation/out/renderer/index.html'
const entry: RendererEntry = { kind: 'file', file: '/opt/workstation/out/renderer/index.html' }
const DEFAULT_SETTINGS = { language: null, theme: 'dark', logLevel: 'info' }

describe('Electron IPC transport', () => {
  let dir: ReturnType<typeof makeTempDir>
  let kernel: TestKernel
  let main: FakeWebContents
  let ipcMain: FakeIpcMain
  let dispatched: string[]
  let dispose: () => void

  beforeEach(() => {
    dir = makeTempDir()
    kernel = createTestKernel(dir.path, 'electron')
    main = new FakeWebContents(APP_URL)
    ipcMain = new FakeIpcMain()
    dispatched = []
    // Records every call that reaches the kernel, so a refused call is seen not to.
    const workstation: Pick<Workstation, 'dispatch' | 'subscribe'> = {
      dispatch: (channel, input) => {
        dispatched.push(String(channel))
        return kernel.workstation.dispatch(channel, input)
      },
      subscribe: kernel.workstation.subscribe,
    }
    dispose = registerIpcTransport({
      ipcMain,
      workstation,
      logger: kernel.logger,
      checkSender: createSenderGuard({ mainContents: () => main, isAppUrl: (url) => isAppUrl(entry, url) }),
    })
  })

  afterEach(async () => {
    dispose()
    await kernel.workstation.shutdown()
    dir.remove()
  })

  const auditHead = (): number => kernel.store.audit.tail(1)[0]!.seq

  it('registers one invoke handler per contract command, and nothing else', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...commandNames].sort())
  })

  it('serves a call from the main frame of the main window', async () => {
    const envelope = await new FakeIpcRenderer(ipcMain, main).invoke('system.ping', { nonce: 'n' })
    expect(envelope).toEqual({ ok: true, value: { nonce: 'n', at: kernel.clock.now() } })
    expect(dispatched).toEqual(['system.ping'])
  })

  describe('refuses with forbidden, running nothing', () => {
    const senders: [string, () => FakeIpcRenderer][] = [
      ['an iframe inside the main window, even on the app URL', () => new FakeIpcRenderer(ipcMain, main, createFakeFrame(APP_URL, main.mainFrame))],
      ['another window showing the app URL', () => new FakeIpcRenderer(ipcMain, new FakeWebContents(APP_URL))],
      [
        'the main frame after it navigated to a foreign site',
        () => {
          main.mainFrame.url = 'https://evil.example/'
          return new FakeIpcRenderer(ipcMain, main)
        },
      ],
      [
        'the main frame showing another local file',
        () => {
          main.mainFrame.url = 'file:///tmp/downloaded.html'
          return new FakeIpcRenderer(ipcMain, main)
        },
      ],
      [
        'a detached frame',
        () => {
          main.mainFrame.detached = true
          return new FakeIpcRenderer(ipcMain, main)
        },
      ],
    ]

    it.each(senders)('%s', async (_name, makeSender) => {
      const sender = makeSender()
      const before = auditHead()
      const envelope = await sender.invoke('settings.update', { language: 'zh-CN' })
      expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(dispatched).toEqual([])
      expect(kernel.workstation.settings.get()).toEqual(DEFAULT_SETTINGS)
      expect(auditHead()).toBe(before)
      expect(kernel.logger.records.some((r) => r.level === 'warn' && r.msg === 'refused an IPC message from an untrusted sender')).toBe(true)
    })

    it('after the main window is gone', async () => {
      const sender = new FakeIpcRenderer(ipcMain, main)
      main.destroy()
      const envelope = await sender.invoke('settings.update', { language: 'zh-CN' })
      expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(dispatched).toEqual([])
      expect(kernel.workstation.settings.get()).toEqual(DEFAULT_SETTINGS)
    })
  })

  it('ignores subscriptions from an untrusted frame', async () => {
    const iframe = new FakeIpcRenderer(ipcMain, main, createFakeFrame(APP_URL, main.mainFrame))
    iframe.send(IPC_SUBSCRIBE_CHANNEL, 'system.heartbeat')
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(kernel.workstation.bus.listenerCount('system.heartbeat')).toBe(0)
    kernel.clock.advance(1000)
    expect(main.sent).toEqual([])
  })

  it('ignores subscriptions to channels outside the contract', async () => {
    new FakeIpcRenderer(ipcMain, main).send(IPC_SUBSCRIBE_CHANNEL, 'orders.teleported')
    await until(() => kernel.logger.records.some((r) => r.msg === 'ignored a subscription to an unknown event channel'))
    expect(main.sent).toEqual([])
  })

  it('forwards subscribed events as {channel, payload} to that window once per channel, until unsubscribed', async () => {
    const renderer = new FakeIpcRenderer(ipcMain, main)
    renderer.send(IPC_SUBSCRIBE_CHANNEL, 'system.heartbeat')
    renderer.send(IPC_SUBSCRIBE_CHANNEL, 'system.heartbeat')
    await until(() => kernel.workstation.bus.listenerCount('system.heartbeat') > 0)
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(kernel.workstation.bus.listenerCount('system.heartbeat')).toBe(1)

    kernel.clock.advance(1000)
    expect(main.sent).toHaveLength(1)
    expect(main.sent[0]).toEqual({ channel: IPC_EVENT_CHANNEL, args: [{ channel: 'system.heartbeat', payload: { seq: expect.any(Number), at: kernel.clock.now() } }] })

    renderer.send(IPC_UNSUBSCRIBE_CHANNEL, 'system.heartbeat')
    await until(() => kernel.workstation.bus.listenerCount('system.heartbeat') === 0)
    kernel.clock.advance(1000)
    expect(main.sent).toHaveLength(1)
  })

  it('drops a window’s subscriptions when its web contents is destroyed', async () => {
    const renderer = new FakeIpcRenderer(ipcMain, main)
    renderer.send(IPC_SUBSCRIBE_CHANNEL, 'system.heartbeat')
    renderer.send(IPC_SUBSCRIBE_CHANNEL, 'settings.changed')
    await until(() => kernel.workstation.bus.listenerCount('settings.changed') === 1 && kernel.workstation.bus.listenerCount('system.heartbeat') === 1)
    main.destroy()
    expect(kernel.workstation.bus.listenerCount('system.heartbeat')).toBe(0)
    expect(kernel.workstation.bus.listenerCount('settings.changed')).toBe(0)
    expect(() => kernel.clock.advance(1000)).not.toThrow()
  })

  it('the disposer removes every handler, listener and subscription', async () => {
    new FakeIpcRenderer(ipcMain, main).send(IPC_SUBSCRIBE_CHANNEL, 'system.heartbeat')
    await until(() => kernel.workstation.bus.listenerCount('system.heartbeat') === 1)
    dispose()
    expect(ipcMain.handlers.size).toBe(0)
    expect(ipcMain.listenerCount(IPC_SUBSCRIBE_CHANNEL)).toBe(0)
    expect(ipcMain.listenerCount(IPC_UNSUBSCRIBE_CHANNEL)).toBe(0)
    expect(kernel.workstation.bus.listenerCount('system.heartbeat')).toBe(0)
  })
})
