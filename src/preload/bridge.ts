import { BRIDGE_GLOBAL, IPC_EVENT_CHANNEL, IPC_SUBSCRIBE_CHANNEL, IPC_UNSUBSCRIBE_CHANNEL, type PreloadBridge } from '../shared/contract/bridge'
import { commandNames, eventNames, isCommandName, isEventName, type EventName } from '../shared/contract/channels'
import { fail, type Envelope } from '../shared/contract/envelope'

/** The parts of Electron's ipcRenderer the bridge uses; index.ts passes the real one, tests a fake. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  send(channel: string, ...args: unknown[]): void
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

export interface BridgeDeps {
  contextBridge: { exposeInMainWorld(apiKey: string, api: unknown): void }
  ipcRenderer: IpcRendererLike
}

interface Subscription {
  listener: (payload: unknown) => void
}

/**
 * The raw transport on top of ipcRenderer. Only contract channels reach IPC;
 * listeners get the payload alone, never the IpcRendererEvent (its `sender`
 * is ipcRenderer itself, which would hand the page raw IPC).
 */
export function createPreloadBridge(ipcRenderer: IpcRendererLike): PreloadBridge {
  const listeners = new Map<EventName, Set<Subscription>>()

  const onEvent = (_event: unknown, message: unknown): void => {
    if (!isEventMessage(message)) return
    for (const subscription of [...(listeners.get(message.channel) ?? [])]) {
      try {
        subscription.listener(message.payload)
      } catch (error) {
        // One failing listener must not starve the others of the event.
        console.error(`workstation: a listener for ${message.channel} threw`, error)
      }
    }
  }

  const call = async (channel: string, input: unknown): Promise<Envelope<unknown>> => {
    if (!isCommandName(channel)) {
      return fail('unknown_channel', `Unknown channel ${describe(channel)}; expected one of ${commandNames.join(', ')}`)
    }
    try {
      return (await ipcRenderer.invoke(channel, input)) as Envelope<unknown>
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      if (/could not be cloned/i.test(message)) {
        return fail('invalid_input', `Input for ${channel} cannot cross to the main process (functions, DOM nodes and class instances cannot): ${message}`)
      }
      return fail('unavailable', `${channel} did not reach the workstation: ${message}`)
    }
  }

  const subscribe = (channel: string, listener: (payload: unknown) => void): (() => void) => {
    if (!isEventName(channel) || typeof listener !== 'function') {
      console.warn(`workstation: ignored a subscription to ${describe(channel)}; expected one of ${eventNames.join(', ')} and a listener function`)
      return () => {}
    }
    if (listeners.size === 0) ipcRenderer.on(IPC_EVENT_CHANNEL, onEvent)
    let set = listeners.get(channel)
    if (!set) {
      listeners.set(channel, (set = new Set()))
      ipcRenderer.send(IPC_SUBSCRIBE_CHANNEL, channel)
    }
    // A fresh object per call, so the same function subscribed twice needs two unsubscribes.
    const subscription: Subscription = { listener }
    set.add(subscription)
    const own = set
    return () => {
      if (!own.delete(subscription) || own.size > 0 || listeners.get(channel) !== own) return
      listeners.delete(channel)
      ipcRenderer.send(IPC_UNSUBSCRIBE_CHANNEL, channel)
      if (listeners.size === 0) ipcRenderer.removeListener(IPC_EVENT_CHANNEL, onEvent)
    }
  }

  return { call, subscribe }
}

/** Exposes the bridge as the page's only way to the main process: `window.workstation`. */
export function exposeWorkstationBridge(deps: BridgeDeps): void {
  deps.contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createPreloadBridge(deps.ipcRenderer))
}

function isEventMessage(message: unknown): message is { channel: EventName; payload: unknown } {
  return typeof message === 'object' && message !== null && 'channel' in message && isEventName(message.channel) && 'payload' in message
}

function describe(channel: unknown): string {
  return JSON.stringify(String(channel)).slice(0, 140)
}
