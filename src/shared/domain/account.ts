import { z } from 'zod'
import { VenueIdSchema } from './market'

export const AccountIdSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'expected 1-40 lowercase letters, digits, _ or -')
export type AccountId = z.infer<typeof AccountIdSchema>

/** Paper accounts trade on the simulated exchange; live ones on the venue itself. */
export const AccountModeSchema = z.enum(['paper', 'live'])
export type AccountMode = z.infer<typeof AccountModeSchema>

/**
 * One trading account: a venue, a mode, and optionally the pilot that owns
 * it (each arena pilot trades its own account). A live account sends nothing
 * until the trader enables live trading on it, which is a risky action.
 */
export const AccountSchema = z.strictObject({
  id: AccountIdSchema,
  name: z.string().min(1).max(80),
  venue: VenueIdSchema,
  mode: AccountModeSchema,
  pilotId: z.string().max(64).nullable(),
  liveEnabled: z.boolean(),
  createdAt: z.number().int(),
})
export type Account = z.infer<typeof AccountSchema>
