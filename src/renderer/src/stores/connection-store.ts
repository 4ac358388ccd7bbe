import { create } from 'zustand'
import type { Heartbeat } from '../../../shared/domain/system'
import type { ConnectionState } from '../api/websocket-transport'

export interface ReceivedHeartbeat extends Heartbeat {
  /** performance.now() when it arrived: ages are measured on the local monotonic clock, immune to clock skew. */
  receivedAt: number
}

export interface ConnectionStoreState {
  kind: 'electron' | 'websocket' | null
  state: ConnectionState
  everOpened: boolean
  heartbeat: ReceivedHeartbeat | null
}

export const useConnectionStore = create<ConnectionStoreState>()(() => ({
  kind: null,
  state: 'connecting',
  everOpened: false,
  heartbeat: null,
}))

export function connectionStateChanged(state: ConnectionState): void {
  useConnectionStore.setState((prev) => ({ state, everOpened: prev.everOpened || state === 'open' }))
}

export function heartbeatReceived(heartbeat: Heartbeat, receivedAt: number = performance.now()): void {
  useConnectionStore.setState({ heartbeat: { ...heartbeat, receivedAt } })
}
