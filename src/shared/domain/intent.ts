import { z } from 'zod'
import { AccountIdSchema } from './account'
import { SymbolSchema, VenueIdSchema } from './market'
import { OrderSideSchema, OrderTypeSchema, TimeInForceSchema } from './order'

export const IntentIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'expected 8-64 letters, digits, _ or -')
export type IntentId = z.infer<typeof IntentIdSchema>

/** Who proposed an order. Every origin passes the same risk rules. */
export const IntentOriginSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('manual') }),
  z.strictObject({ kind: z.literal('pilot'), pilotId: z.string().min(1).max(64), decisionId: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('scanner'), scannerId: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('kill_switch') }),
])
export type IntentOrigin = z.infer<typeof IntentOriginSchema>

/** What to do with the rest of a partially filled order when its TTL runs out. */
export const PartialFillPolicySchema = z.enum(['keep_rest', 'cancel_rest'])

// Finite numbers only: NaN and infinities are refused at the boundary; absurd
// but finite sizes (1e308) are the risk engine's to refuse with a reason.
const positive = z.number().positive()

/**
 * A proposal to trade, from whoever: the order path turns it into a venue
 * order only after the risk engine and, where needed, two approvals.
 * Sizes are in contracts for perpetuals and base units for spot.
 */
export const OrderIntentSchema = z.strictObject({
  id: IntentIdSchema,
  accountId: AccountIdSchema,
  venue: VenueIdSchema,
  symbol: SymbolSchema,
  side: OrderSideSchema,
  type: OrderTypeSchema,
  amount: positive,
  price: positive.nullable(),
  timeInForce: TimeInForceSchema,
  postOnly: z.boolean(),
  reduceOnly: z.boolean(),
  leverage: z.number().min(1).max(1000).nullable(),
  /** How long the order may stay unconfirmed or open before the engine cancels it. */
  ttlMs: z.number().int().min(1000).max(30 * 24 * 3600 * 1000),
  partialFillPolicy: PartialFillPolicySchema,
  stopLoss: positive.nullable(),
  takeProfit: positive.nullable(),
  origin: IntentOriginSchema,
  createdAt: z.number().int(),
})
export type OrderIntent = z.infer<typeof OrderIntentSchema>
