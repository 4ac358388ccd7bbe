import type { WorkstationClient } from '../../../shared/contract/client'

// The one client of this window. Set once at startup by connect.ts; store
// actions reach the kernel through it rather than through React context, so
// they can be called from anywhere (event handlers, subscriptions, tests).
let current: WorkstationClient | null = null

export function setClient(client: WorkstationClient): void {
  current = client
}

export function getClient(): WorkstationClient {
  if (!current) throw new Error('Workstation client used before connect() selected a transport')
  return current
}
