import { z } from 'zod'
import { MarketTypeSchema, VenueIdSchema } from './market'
import { OrderTypeSchema, TimeInForceSchema } from './order'

/** What a venue adapter can do, declared as data rather than discovered by branching. */
export const VenueCapabilitiesSchema = z.strictObject({
  marketTypes: z.array(MarketTypeSchema),
  orderTypes: z.array(OrderTypeSchema),
  timeInForce: z.array(TimeInForceSchema),
  postOnly: z.boolean(),
  reduceOnly: z.boolean(),
  amend: z.boolean(),
  /** Streams served over WebSocket; the rest are polled over REST. */
  websocket: z.strictObject({
    ticker: z.boolean(),
    book: z.boolean(),
    trades: z.boolean(),
    candles: z.boolean(),
    orders: z.boolean(),
  }),
  /** The venue has a demo or testnet mode with fake money. */
  demoMode: z.boolean(),
  fetchHistory: z.boolean(),
})
export type VenueCapabilities = z.infer<typeof VenueCapabilitiesSchema>

export const VenueDescriptorSchema = z.strictObject({
  id: VenueIdSchema,
  name: z.string(),
  /** True for the built-in market simulator: the UI labels its data as simulated. */
  simulated: z.boolean(),
  capabilities: VenueCapabilitiesSchema,
})
export type VenueDescriptor = z.infer<typeof VenueDescriptorSchema>

/**
 * Every SDK or wire error is translated into one of these at the adapter
 * edge; only `retryable` and `rate_limited` are ever retried, and `ambiguous`
 * means the request may have been applied: ask the venue before resending.
 */
export const VenueErrorKindSchema = z.enum(['retryable', 'rejected', 'auth', 'rate_limited', 'ambiguous', 'not_found', 'unsupported'])
export type VenueErrorKind = z.infer<typeof VenueErrorKindSchema>

/** Machine-readable reasons a venue refuses an order or a change to one. */
export const RejectReasonSchema = z.enum([
  'duplicate_client_order_id',
  'post_only_would_take',
  'reduce_only_would_increase',
  'fill_or_kill_unfillable',
  'invalid_size',
  'invalid_price',
  'insufficient_funds',
  'unknown_symbol',
  'order_not_open',
  'unsupported_order',
  'other',
])
export type RejectReason = z.infer<typeof RejectReasonSchema>
