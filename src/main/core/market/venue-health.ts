import type { VenueConnection } from '../../../shared/contract/domains/market'
import type { ComponentState } from '../../../shared/domain/health'
import type { FeedStatus, VenueId } from '../../../shared/domain/market'
import type { FeedState } from './feed-monitor'
import { assertNever, describeStream } from './stream-ref'

const NAMED_PROBLEMS = 3

/** The health component of a venue: `venue:sim`, `venue:okx`. */
export function venueComponentName(venue: VenueId): string {
  return `venue:${venue}`
}

/**
 * A venue is degraded when its market list failed to load or any watched
 * stream is not delivering; the detail names the streams so the trader knows
 * which prices not to trust. A venue nobody has connected yet is healthy, not
 * degraded: live venues connect on first use, so most of them sit idle, and
 * the detail says so rather than implying a live connection.
 */
export function venueHealth(
  venue: VenueId,
  connection: { state: VenueConnection; detail: string | null },
  feeds: readonly FeedState[],
): { state: ComponentState; detail: string | undefined } {
  const problems: string[] = []
  if (connection.state === 'failed') problems.push(`market list failed to load: ${connection.detail ?? 'no reason given'}`)
  for (const feed of feeds) {
    if (feed.ref.venue !== venue || !isTrouble(feed.status)) continue
    problems.push(`${describeStream(feed.ref)} ${feed.status}${feed.detail ? ` (${feed.detail})` : ''}`)
  }
  if (problems.length === 0) return { state: 'running', detail: quietDetail(connection.state) }
  const named = problems.slice(0, NAMED_PROBLEMS).join('; ')
  const more = problems.length - NAMED_PROBLEMS
  return { state: 'degraded', detail: more > 0 ? `${named}; and ${more} more` : named }
}

function quietDetail(state: VenueConnection): string | undefined {
  switch (state) {
    case 'idle':
      return 'not connected; connects when first used'
    case 'connecting':
      return 'loading the market list'
    case 'connected':
    case 'failed':
      return undefined
    default:
      return assertNever(state)
  }
}

function isTrouble(status: FeedStatus): boolean {
  switch (status) {
    case 'connecting':
    case 'live':
      return false
    case 'stale':
    case 'reconnecting':
    case 'closed':
      return true
    default:
      return assertNever(status)
  }
}
