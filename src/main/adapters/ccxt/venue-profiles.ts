import type { VenueDescriptor } from '../../../shared/domain/venue'
import { VenueError } from '../../ports/venue-error'
import { BINANCE_PROFILE, BINANCE_USDM_PROFILE } from './profiles/binance'
import { BYBIT_PROFILE } from './profiles/bybit'
import { OKX_PROFILE } from './profiles/okx'
import { COINBASE_PROFILE, HTX_PROFILE, KRAKEN_PROFILE, PARADEX_PROFILE } from './profiles/other-venues'
import type { VenueProfile } from './profiles/venue-profile'

export type { ClientOrderIdRule, EndpointClass, RateLimitRule, VenueProfile } from './profiles/venue-profile'

/** Every venue the ccxt adapter can drive, in the order the UI lists them. */
export const VENUE_PROFILES: readonly VenueProfile[] = [
  OKX_PROFILE,
  BINANCE_PROFILE,
  BINANCE_USDM_PROFILE,
  BYBIT_PROFILE,
  COINBASE_PROFILE,
  KRAKEN_PROFILE,
  HTX_PROFILE,
  PARADEX_PROFILE,
]

export function getVenueProfile(venueId: string): VenueProfile {
  const profile = VENUE_PROFILES.find((p) => p.id === venueId)
  if (!profile) {
    const known = VENUE_PROFILES.map((p) => p.id).join(', ')
    throw new VenueError('unsupported', venueId, `venue '${venueId}' has no ccxt profile; expected one of ${known}`)
  }
  return profile
}

export function describeVenue(profile: VenueProfile): VenueDescriptor {
  return { id: profile.id, name: profile.name, simulated: false, capabilities: profile.capabilities }
}

/** What the venue picker shows: one descriptor per supported venue. */
export function listVenueDescriptors(): VenueDescriptor[] {
  return VENUE_PROFILES.map(describeVenue)
}
