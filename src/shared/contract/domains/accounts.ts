import { z } from 'zod'
import { AccountIdSchema, AccountModeSchema, AccountSchema } from '../../domain/account'
import { VenueIdSchema } from '../../domain/market'
import { BreakerStateSchema } from '../../domain/risk'
import { command, event } from '../define'

/** An account as the UI lists it: what it is, and whether it may trade now. */
export const AccountStatusSchema = AccountSchema.extend({
  breaker: BreakerStateSchema,
  paused: z.boolean(),
  /** For live accounts: whether a key is stored in the keychain (never the key itself). */
  keyStored: z.boolean(),
})
export type AccountStatus = z.infer<typeof AccountStatusSchema>

export const accountCommands = {
  'accounts.list': command({
    summary: 'Every trading account with its trading state',
    input: z.void(),
    output: z.array(AccountStatusSchema),
  }),
  'accounts.create': command({
    summary: 'Adds a paper or live account on a venue; live accounts start with live trading off',
    input: z.strictObject({ id: AccountIdSchema, name: z.string().min(1).max(80), venue: VenueIdSchema, mode: AccountModeSchema, startingBalance: z.number().positive().max(1e9).optional() }),
    output: AccountStatusSchema,
  }),
  'accounts.setLiveTrading': command({
    summary: 'Turns live trading on or off for a live account; turning it on is a risky action needing two approvals',
    input: z.strictObject({ accountId: AccountIdSchema, enabled: z.boolean(), confirmed: z.boolean() }),
    output: AccountStatusSchema,
  }),
} as const

export const accountEvents = {
  'accounts.changed': event({
    summary: 'An account was added or its trading state changed',
    payload: AccountStatusSchema,
  }),
} as const
