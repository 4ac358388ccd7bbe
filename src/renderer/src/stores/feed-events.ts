import type { WorkstationClient } from '../../../shared/contract/client'
import { pilotChanged } from './arena-pilots-store'
import { decisionRecorded } from './feed-store'

/**
 * The decision feed's live updates, for as long as the page is open; the
 * page searches again when it opens, so nothing missed while it was closed
 * stays missing. Returns the unsubscribe.
 */
export function subscribeFeedEvents(client: WorkstationClient): () => void {
  const off = [client.on('feed.decisionRecorded', decisionRecorded), client.on('pilots.changed', pilotChanged)]
  return () => off.forEach((unsubscribe) => unsubscribe())
}
