import { afterEach, describe, expect, it, vi } from 'vitest'
import { BRIDGE_GLOBAL, IPC_EVENT_CHANNEL, IPC_SUBSCRIBE_CHANNEL, IPC_UNSUBSCRIBE_CHANNEL, type PreloadBridge } from '../../../src/shared/contract/bridge'
import { createPreloadBridge, exposeWorkstationBridge } from '../../../src/preload/bridge'
import { createFakeContextBridge, FakeIpcMain, FakeIpcRenderer, FakeWebContents, type FakeIpcRendererEvent } from '../../support/fake-electron'

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

function setup() {
  const ipcMain = new FakeIpcMain()
  const contents = new FakeWebContents('file:///app/index.html')
  const ipcRenderer = new FakeIpcRenderer(ipcMain, contents)
  const bridge = createPreloadBridge(ipcRenderer)
  return { ipcMain, contents, ipcRenderer, bridge }
}

describe('preload bridge', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('exposes exactly one object, window.workstation, with only call and subscribe', () => {
    const page = createFakeContextBridge()
    const ipcRenderer = new FakeIpcRenderer(new FakeIpcMain(), new FakeWebContents())
    exposeWorkstationBridge({ contextBridge: page.contextBridge, ipcRenderer })
    expect(page.exposedKeys).toEqual([BRIDGE_GLOBAL])
    const exposed = page.window[BRIDGE_GLOBAL] as Record<string, unknown>
    expect(Object.keys(exposed).sort()).toEqual(['call', 'subscribe'])
    expect(Object.values(exposed).every((value) => typeof value === 'function')).toBe(true)
    // Nothing of ipcRenderer is reachable from what the page holds.
    expect(Object.values(exposed)).not.toContain(ipcRenderer)
  })

  it.each(['orders.teleport', 'contract:subscribe', 'contract:event', '__proto__', 'toString', ''])(
    'call(%j) answers unknown_channel without touching IPC',
    async (channel) => {
      const { ipcRenderer, bridge } = setup()
      const envelope = await bridge.call(channel, {})
      expect(envelope).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
      if (!envelope.ok) expect(envelope.error.message).toContain('expected one of system.info')
      expect(ipcRenderer.invoked).toEqual([])
      expect(ipcRenderer.sentToMain).toEqual([])
    },
  )

  it('call on a contract channel invokes that channel with the input and returns the envelope', async () => {
    const { ipcMain, ipcRenderer, bridge } = setup()
    ipcMain.handle('system.ping', (_event, input) => ({ ok: true, value: { echoed: input } }))
    const envelope = await bridge.call('system.ping', { nonce: 'a' })
    expect(ipcRenderer.invoked).toEqual([{ channel: 'system.ping', args: [{ nonce: 'a' }] }])
    expect(envelope).toEqual({ ok: true, value: { echoed: { nonce: 'a' } } })
  })

  it('an input IPC cannot clone becomes invalid_input, a missing handler unavailable; neither throws', async () => {
    const { bridge } = setup()
    const uncloneable = await bridge.call('system.ping', { nonce: () => 1 })
    expect(uncloneable).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const noHandler = await bridge.call('system.info', undefined)
    expect(noHandler).toMatchObject({ ok: false, error: { code: 'unavailable' } })
    if (!noHandler.ok) expect(noHandler.error.message).toContain('No handler registered')
  })

  it('subscribe to a non-contract channel is a no-op that never touches IPC', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { ipcRenderer, bridge } = setup()
    const off = bridge.subscribe('orders.teleported', () => {})
    off()
    bridge.subscribe(IPC_EVENT_CHANNEL, () => {})
    expect(ipcRenderer.sentToMain).toEqual([])
    expect(ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(0)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"orders.teleported"; expected one of system.heartbeat'))
  })

  it('sends subscribe on the first listener of a channel and unsubscribe after the last', () => {
    const { ipcRenderer, bridge } = setup()
    const a = bridge.subscribe('system.heartbeat', () => {})
    const b = bridge.subscribe('system.heartbeat', () => {})
    const c = bridge.subscribe('settings.changed', () => {})
    expect(ipcRenderer.sentToMain).toEqual([
      { channel: IPC_SUBSCRIBE_CHANNEL, args: ['system.heartbeat'] },
      { channel: IPC_SUBSCRIBE_CHANNEL, args: ['settings.changed'] },
    ])
    a()
    a() // a second call of the same unsubscribe must not remove b's interest
    expect(ipcRenderer.sentToMain).toHaveLength(2)
    b()
    expect(ipcRenderer.sentToMain.at(-1)).toEqual({ channel: IPC_UNSUBSCRIBE_CHANNEL, args: ['system.heartbeat'] })
    expect(ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(1)
    c()
    expect(ipcRenderer.sentToMain.at(-1)).toEqual({ channel: IPC_UNSUBSCRIBE_CHANNEL, args: ['settings.changed'] })
    expect(ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(0)
  })

  it('listeners receive the payload alone, never the IpcRendererEvent', async () => {
    const { contents, bridge } = setup()
    const calls: unknown[][] = []
    bridge.subscribe('system.heartbeat', (...args: unknown[]) => calls.push(args))
    contents.send(IPC_EVENT_CHANNEL, { channel: 'system.heartbeat', payload: { seq: 1, at: 5 } })
    await flush()
    expect(calls).toEqual([[{ seq: 1, at: 5 }]])
    // The fake delivers an event whose `sender` is ipcRenderer, as Electron does; it must not surface.
    const leaked = calls.flat().some((arg) => typeof arg === 'object' && arg !== null && 'sender' in (arg as FakeIpcRendererEvent))
    expect(leaked).toBe(false)
  })

  it('routes events by channel, ignores malformed messages, and survives a throwing listener', async () => {
    const { contents, bridge } = setup()
    const beats: unknown[] = []
    const settings: unknown[] = []
    bridge.subscribe('system.heartbeat', () => {
      throw new Error('listener bug')
    })
    bridge.subscribe('system.heartbeat', (payload) => beats.push(payload))
    bridge.subscribe('settings.changed', (payload) => settings.push(payload))
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    contents.send(IPC_EVENT_CHANNEL, { channel: 'system.heartbeat', payload: 1 })
    contents.send(IPC_EVENT_CHANNEL, { channel: 'orders.teleported', payload: 2 })
    contents.send(IPC_EVENT_CHANNEL, 'not an object')
    contents.send(IPC_EVENT_CHANNEL, { channel: 'settings.changed' })
    contents.send(IPC_EVENT_CHANNEL, { channel: 'settings.changed', payload: 3 })
    await flush()
    expect(beats).toEqual([1])
    expect(settings).toEqual([3])
    expect(error).toHaveBeenCalledTimes(1)
  })

  it('stops delivering to a listener once unsubscribed', async () => {
    const { contents, bridge } = setup()
    const seen: unknown[] = []
    const off = bridge.subscribe('system.heartbeat', (payload) => seen.push(payload))
    contents.send(IPC_EVENT_CHANNEL, { channel: 'system.heartbeat', payload: 1 })
    await flush()
    off()
    contents.send(IPC_EVENT_CHANNEL, { channel: 'system.heartbeat', payload: 2 })
    await flush()
    expect(seen).toEqual([1])
  })

  it('the exposed object is the transport itself (call resolves an envelope)', async () => {
    const page = createFakeContextBridge()
    const ipcMain = new FakeIpcMain()
    ipcMain.handle('system.info', () => ({ ok: true, value: 'info' }))
    exposeWorkstationBridge({ contextBridge: page.contextBridge, ipcRenderer: new FakeIpcRenderer(ipcMain, new FakeWebContents()) })
    const bridge = page.window[BRIDGE_GLOBAL] as PreloadBridge
    await expect(bridge.call('system.info', undefined)).resolves.toEqual({ ok: true, value: 'info' })
  })
})
