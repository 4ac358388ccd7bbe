import { BRIDGE_GLOBAL, type PreloadBridge } from '../../../shared/contract/bridge'
import type { RawTransport } from '../../../shared/contract/client'
import { createWebSocketTransport, type ConnectionState } from './websocket-transport'

export interface SelectedTransport {
  kind: 'electron' | 'websocket'
  transport: RawTransport
  onStateChange(listener: (state: ConnectionState) => void): () => void
}

/**
 * Picks the transport by itself: the preload's object inside Electron, or the
 * WebSocket of the headless server when the page URL carries its token.
 */
export function selectTransport(win: Window = window): SelectedTransport {
  const bridge = (win as unknown as Record<string, PreloadBridge | undefined>)[BRIDGE_GLOBAL]
  if (bridge) {
    return { kind: 'electron', transport: bridge, onStateChange: (listener) => (listener('open'), () => {}) }
  }
  const token = new URLSearchParams(win.location.search).get('token')
  if (!token) throw new Error('No workstation connection: open the URL printed by `npm run serve` (it carries ?token=...)')
  const scheme = win.location.protocol === 'https:' ? 'wss:' : 'ws:'
  const ws = createWebSocketTransport(`${scheme}//${win.location.host}/ws?token=${encodeURIComponent(token)}`)
  return { kind: 'websocket', transport: ws, onStateChange: ws.onStateChange }
}
