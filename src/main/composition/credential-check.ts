import type { EndpointOverrides } from '../adapters/ccxt'
import { VENUE_PROFILES } from '../adapters/ccxt/venue-profiles'
import type { Clock } from '../ports/clock'
import type { Logger } from '../ports/logger'
import type { ApiCredentials, CredentialCheck } from '../ports/venue-access'
import { isVenueError } from '../ports/venue-error'

export interface CredentialCheckInput {
  venue: string
  credentials: ApiCredentials
  clock: Clock
  logger: Logger
  endpoints?: EndpointOverrides | undefined
}

/**
 * A read-only call with candidate credentials before they are stored: the
 * balances, on the live venue first and, when the key is refused there and
 * the venue has a demo environment, on that, which tells a demo key from a
 * live one. The venue's own message says what was wrong; it never contains
 * the key (the adapter translates errors without the request).
 */
export async function verifyCcxtCredentials(input: CredentialCheckInput): Promise<CredentialCheck> {
  const profile = VENUE_PROFILES.find((p) => p.id === input.venue)
  if (!profile) return { ok: false, message: `${input.venue} has no live trading adapter; keys cannot be used there` }
  const { createCcxtVenue } = await import('../adapters/ccxt')
  const { credentials } = input

  const attempt = async (demo: boolean): Promise<CredentialCheck> => {
    const venue = await createCcxtVenue({
      venueId: profile.id,
      demo,
      credentials: { apiKey: credentials.apiKey, secret: credentials.secret, ...(credentials.passphrase ? { password: credentials.passphrase } : {}) },
      clock: input.clock,
      logger: input.logger,
      maxAttempts: 1,
      ...(input.endpoints ? { endpoints: input.endpoints } : {}),
    })
    try {
      await venue.execution.balances()
      return { ok: true, demo, permissions: await venue.keyPermissions() }
    } finally {
      await venue.close()
    }
  }

  try {
    return await attempt(false)
  } catch (error) {
    const refused = isVenueError(error) && error.kind === 'auth'
    if (refused && profile.demo !== null) {
      try {
        return await attempt(true)
      } catch {
        // The live answer says more about a key that works nowhere.
      }
    }
    return { ok: false, message: isVenueError(error) ? error.message : `the test call failed: ${error instanceof Error ? error.message : String(error)}` }
  }
}
