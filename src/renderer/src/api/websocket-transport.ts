import type { RawTransport } from '../../../shared/contract/client'
import { fail, type Envelope } from '../../../shared/contract/envelope'
import { ServerFrameSchema } from '../../../shared/contract/frames'

export type ConnectionState = 'connecting' | 'open' | 'closed'

export interface WebSocketTransport extends RawTransport {
  onStateChange(listener: (state: ConnectionState) => void): () => void
  close(): void
}

const RECONNECT_MIN_MS = 250
const RECONNECT_MAX_MS = 5000

/**
 * The headless transport: contract frames over one WebSocket, reconnecting
 * with backoff. Calls made while disconnected fail fast with `unavailable`
 * rather than hang; subscriptions are restored after each reconnect.
 */
export function createWebSocketTransport(url: string, WebSocketImpl: typeof WebSocket = WebSocket): WebSocketTransport {
  let socket: WebSocket | null = null
  let state: ConnectionState = 'connecting'
  let nextId = 1
  let attempt = 0
  let closedByUser = false
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const stateListeners = new Set<(state: ConnectionState) => void>()

  const setState = (next: ConnectionState): void => {
    if (state === next) return
    state = next
    for (const listener of stateListeners) listener(next)
  }

  const sendFrame = (frame: unknown): boolean => {
    if (!socket || socket.readyState !== WebSocketImpl.OPEN) return false
    socket.send(JSON.stringify(frame))
    return true
  }

  const connect = (): void => {
    setState('connecting')
    const ws = new WebSocketImpl(url)
    socket = ws
    ws.onopen = () => {
      attempt = 0
      setState('open')
      for (const channel of listeners.keys()) sendFrame({ type: 'subscribe', channel })
    }
    ws.onmessage = (message: MessageEvent) => {
      let frame
      try {
        frame = ServerFrameSchema.parse(JSON.parse(String(message.data)))
      } catch {
        return // A frame we cannot read is dropped; the kernel is trusted but the wire may not be.
      }
      if (frame.type === 'event') {
        for (const listener of listeners.get(frame.channel) ?? []) listener(frame.payload)
        return
      }
      if (typeof frame.id !== 'number') return
      const resolve = pending.get(frame.id)
      pending.delete(frame.id)
      resolve?.(frame.ok ? { ok: true, value: frame.value } : { ok: false, error: frame.error })
    }
    ws.onclose = () => {
      socket = null
      for (const resolve of pending.values()) resolve(fail('unavailable', 'Connection to the workstation was lost before it answered'))
      pending.clear()
      setState('closed')
      if (closedByUser) return
      const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** attempt++) * (0.5 + Math.random() / 2)
      setTimeout(connect, delay)
    }
  }
  connect()

  return {
    call(channel, input) {
      const id = nextId++
      return new Promise((resolve) => {
        pending.set(id, resolve)
        if (!sendFrame({ type: 'call', id, channel, input })) {
          pending.delete(id)
          resolve(fail('unavailable', 'Not connected to the workstation'))
        }
      })
    },
    subscribe(channel, listener) {
      let set = listeners.get(channel)
      if (!set) {
        listeners.set(channel, (set = new Set()))
        sendFrame({ type: 'subscribe', channel })
      }
      set.add(listener)
      return () => {
        set.delete(listener)
        if (set.size === 0 && listeners.get(channel) === set) {
          listeners.delete(channel)
          sendFrame({ type: 'unsubscribe', channel })
        }
      }
    },
    onStateChange(listener) {
      stateListeners.add(listener)
      listener(state)
      return () => void stateListeners.delete(listener)
    },
    close() {
      closedByUser = true
      socket?.close()
    },
  }
}
