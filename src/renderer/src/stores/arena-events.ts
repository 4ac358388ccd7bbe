import type { WorkstationClient } from '../../../shared/contract/client'
import { cycleCompleted, pilotChanged } from './arena-pilots-store'
import { arenaUpdated, requestArenaRefresh } from './arena-store'

/**
 * The Arena's live updates while the page is open: the leaderboard from its
 * event, pilot states as they change, and a coalesced refetch of curves and
 * positions after each cycle. Returns the unsubscribe.
 */
export function subscribeArenaEvents(client: WorkstationClient): () => void {
  const off = [
    client.on('arena.updated', arenaUpdated),
    client.on('pilots.changed', pilotChanged),
    client.on('pilots.cycleCompleted', (report) => {
      cycleCompleted(report)
      requestArenaRefresh()
    }),
  ]
  return () => off.forEach((unsubscribe) => unsubscribe())
}
