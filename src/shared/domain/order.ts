import { z } from 'zod'
import { SymbolSchema, VenueIdSchema } from './market'

export const OrderSideSchema = z.enum(['buy', 'sell'])
export type OrderSide = z.infer<typeof OrderSideSchema>

export const OrderTypeSchema = z.enum(['market', 'limit'])
export type OrderType = z.infer<typeof OrderTypeSchema>

/** GTC rests, IOC fills what it can at once, FOK fills entirely at once or not at all. */
export const TimeInForceSchema = z.enum(['GTC', 'IOC', 'FOK'])
export type TimeInForce = z.infer<typeof TimeInForceSchema>

/** Our client order ids: venue-valid on every venue we support (OKX: 1-32 alphanumerics). */
export const ClientOrderIdSchema = z.string().regex(/^[A-Za-z0-9]{1,32}$/, 'expected 1-32 letters or digits')
export type ClientOrderId = z.infer<typeof ClientOrderIdSchema>

/** What an execution client is asked to place. Sizes are in contracts (swap) or base units (spot). */
export const OrderRequestSchema = z.strictObject({
  clientOrderId: ClientOrderIdSchema,
  symbol: SymbolSchema,
  side: OrderSideSchema,
  type: OrderTypeSchema,
  amount: z.number().positive(),
  price: z.number().positive().nullable(),
  timeInForce: TimeInForceSchema,
  postOnly: z.boolean(),
  reduceOnly: z.boolean(),
})
export type OrderRequest = z.infer<typeof OrderRequestSchema>

/** Terminal states never change once reached. */
export const OrderStatusSchema = z.enum(['open', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired'])
export type OrderStatus = z.infer<typeof OrderStatusSchema>

export const TERMINAL_ORDER_STATUSES: readonly OrderStatus[] = ['filled', 'cancelled', 'rejected', 'expired']

export function isTerminalStatus(status: OrderStatus): boolean {
  return TERMINAL_ORDER_STATUSES.includes(status)
}

/** The venue's view of one order. */
export const OrderStateSchema = z.strictObject({
  venue: VenueIdSchema,
  clientOrderId: ClientOrderIdSchema,
  venueOrderId: z.string().nullable(),
  symbol: SymbolSchema,
  side: OrderSideSchema,
  type: OrderTypeSchema,
  timeInForce: TimeInForceSchema,
  postOnly: z.boolean(),
  reduceOnly: z.boolean(),
  amount: z.number().positive(),
  price: z.number().positive().nullable(),
  filled: z.number().nonnegative(),
  averagePrice: z.number().positive().nullable(),
  status: OrderStatusSchema,
  /** Why the venue rejected, cancelled or expired it, when it said. */
  reason: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
})
export type OrderState = z.infer<typeof OrderStateSchema>

export const LiquiditySchema = z.enum(['maker', 'taker'])

export const FillSchema = z.strictObject({
  venue: VenueIdSchema,
  /** The venue's trade id: fills are de-duplicated by it. */
  tradeId: z.string(),
  clientOrderId: ClientOrderIdSchema.nullable(),
  venueOrderId: z.string().nullable(),
  symbol: SymbolSchema,
  side: OrderSideSchema,
  price: z.number().positive(),
  amount: z.number().positive(),
  /** Fee paid (positive) or rebate received (negative), in feeCurrency. */
  fee: z.number(),
  feeCurrency: z.string(),
  liquidity: LiquiditySchema,
  timestamp: z.number().int(),
})
export type Fill = z.infer<typeof FillSchema>

export const BalanceSchema = z.strictObject({
  currency: z.string(),
  total: z.number(),
  free: z.number(),
  used: z.number(),
})
export type Balance = z.infer<typeof BalanceSchema>

export const PositionSchema = z.strictObject({
  venue: VenueIdSchema,
  symbol: SymbolSchema,
  side: z.enum(['long', 'short']),
  /** Size in contracts, always positive; `side` gives the direction. */
  contracts: z.number().positive(),
  entryPrice: z.number().positive(),
  markPrice: z.number().positive().nullable(),
  unrealizedPnl: z.number(),
  leverage: z.number().positive(),
  margin: z.number().nonnegative(),
  liquidationPrice: z.number().nonnegative().nullable(),
})
export type Position = z.infer<typeof PositionSchema>
