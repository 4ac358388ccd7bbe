import type { RawTransport } from './client'

/** Name of the object the Electron preload exposes on `window`. */
export const BRIDGE_GLOBAL = 'workstation'

/** IPC channels the preload uses besides one `invoke` channel per command. */
export const IPC_EVENT_CHANNEL = 'contract:event'
export const IPC_SUBSCRIBE_CHANNEL = 'contract:subscribe'
export const IPC_UNSUBSCRIBE_CHANNEL = 'contract:unsubscribe'

/** What the preload exposes: exactly the raw transport, nothing of Electron. */
export type PreloadBridge = RawTransport
