import { z } from 'zod'
import { AccountIdSchema } from '../../domain/account'
import { IntentIdSchema, IntentOriginSchema, OrderIntentSchema } from '../../domain/intent'
import { SymbolSchema, VenueIdSchema } from '../../domain/market'
import { FillSchema, OrderSideSchema, OrderStatusSchema, OrderTypeSchema, TimeInForceSchema } from '../../domain/order'
import { RiskVerdictSchema } from '../../domain/risk'
import { command, event } from '../define'

/** An order as the trader drafts it on the ticket; the kernel adds id, time and origin. */
export const OrderDraftSchema = OrderIntentSchema.omit({ id: true, createdAt: true, origin: true })
export type OrderDraft = z.infer<typeof OrderDraftSchema>

/** The execution engine's view of an order, for the blotter. */
export const ManagedOrderStateSchema = z.union([z.enum(['pending', 'sent', 'unknown']), OrderStatusSchema])
export type ManagedOrderState = z.infer<typeof ManagedOrderStateSchema>

export const ManagedOrderSchema = z.strictObject({
  intentId: IntentIdSchema,
  accountId: AccountIdSchema,
  venue: VenueIdSchema,
  symbol: SymbolSchema,
  side: OrderSideSchema,
  type: OrderTypeSchema,
  timeInForce: TimeInForceSchema,
  postOnly: z.boolean(),
  reduceOnly: z.boolean(),
  amount: z.number(),
  price: z.number().nullable(),
  clientOrderId: z.string(),
  venueOrderId: z.string().nullable(),
  state: ManagedOrderStateSchema,
  filled: z.number(),
  averagePrice: z.number().nullable(),
  fees: z.number(),
  feeCurrency: z.string().nullable(),
  /** Average fill price against the reference price at submission, in percent (positive = worse). */
  slippagePct: z.number().nullable(),
  origin: IntentOriginSchema,
  /** An order found on the venue with our prefix that we had no record of. */
  imported: z.boolean(),
  reason: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
})
export type ManagedOrder = z.infer<typeof ManagedOrderSchema>

export const SubmitOutcomeSchema = z.strictObject({
  intentId: IntentIdSchema,
  verdict: RiskVerdictSchema,
  /** rejected: by risk or an approval; sent: on its way to the venue. */
  status: z.enum(['rejected', 'sent', 'approval_denied']),
  message: z.string(),
  order: ManagedOrderSchema.nullable(),
})
export type SubmitOutcome = z.infer<typeof SubmitOutcomeSchema>

export const orderCommands = {
  'orders.preview': command({
    summary: 'The risk verdict and execution estimate of a draft, without sending anything',
    input: OrderDraftSchema,
    output: RiskVerdictSchema,
  }),
  'orders.submit': command({
    summary: 'Sends a draft through risk, approvals and execution; confirmed says the trader confirmed it in the app',
    input: z.strictObject({ draft: OrderDraftSchema, confirmed: z.boolean() }),
    output: SubmitOutcomeSchema,
  }),
  'orders.cancel': command({
    summary: 'Cancels one working order',
    input: z.strictObject({ intentId: IntentIdSchema }),
    output: ManagedOrderSchema,
  }),
  'orders.list': command({
    summary: 'Working orders, or the most recent history, optionally for one account',
    input: z.strictObject({ accountId: AccountIdSchema.optional(), scope: z.enum(['open', 'history']), limit: z.number().int().min(1).max(1000).default(200) }),
    output: z.array(ManagedOrderSchema),
  }),
} as const

export const orderEvents = {
  'orders.updated': event({
    summary: 'An order changed state, filled, or was imported from the venue',
    payload: ManagedOrderSchema,
  }),
  'orders.filled': event({
    summary: 'A fill was recorded (once per venue trade id)',
    payload: z.strictObject({ accountId: AccountIdSchema, intentId: IntentIdSchema.nullable(), fill: FillSchema }),
  }),
} as const
