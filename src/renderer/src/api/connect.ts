import { createClient } from '../../../shared/contract/client'
import { connectionStateChanged, heartbeatReceived, useConnectionStore } from '../stores/connection-store'
import { loadOrderPathFrame, wireOrderPathEvents } from '../stores/order-path-events'
import { loadSettings, settingsChanged } from '../stores/settings-store'
import { loadSystemInfo } from '../stores/system-store'
import { setClient } from './client'
import { selectTransport } from './select-transport'

export type ConnectResult = { ok: true } | { ok: false; reason: string }

/**
 * Picks the transport, publishes the client and feeds the stores from it.
 * Runs once per window, before React renders, so no component owns a
 * subscription that a re-mount could double.
 */
export function connect(win: Window = window): ConnectResult {
  let selected
  try {
    selected = selectTransport(win)
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) }
  }
  const client = createClient(selected.transport)
  setClient(client)
  useConnectionStore.setState({ kind: selected.kind })

  // Events first: the transport re-subscribes by itself after a reconnect.
  client.on('system.heartbeat', (beat) => heartbeatReceived(beat))
  client.on('settings.changed', (settings) => settingsChanged(settings))
  wireOrderPathEvents(client)

  selected.onStateChange((state) => {
    connectionStateChanged(state)
    // A reconnect may reach a restarted kernel: ask again rather than trust what we had.
    if (state === 'open') {
      void loadSystemInfo()
      void loadSettings()
      loadOrderPathFrame()
    }
  })
  return { ok: true }
}
