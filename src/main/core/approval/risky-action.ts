import { z } from 'zod'
import { AccountIdSchema } from '../../../shared/domain/account'
import { IntentIdSchema } from '../../../shared/domain/intent'
import { SymbolSchema, VenueIdSchema } from '../../../shared/domain/market'
import { OrderSideSchema, OrderTypeSchema } from '../../../shared/domain/order'

const positive = z.number().positive()
const leverage = z.number().min(1).max(1000)

/** Whole desk, one account or one pilot: what a halt or a flatten applies to. */
export const ActionScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('desk') }),
  z.strictObject({ kind: z.literal('account'), accountId: AccountIdSchema }),
  z.strictObject({ kind: z.literal('pilot'), pilotId: z.string().min(1).max(64) }),
])
export type ActionScope = z.infer<typeof ActionScopeSchema>

/** The facts of an order the trader must see; everything else stays in the intent. */
export const OrderSummarySchema = z.strictObject({
  intentId: IntentIdSchema,
  accountId: AccountIdSchema,
  venue: VenueIdSchema,
  symbol: SymbolSchema,
  side: OrderSideSchema,
  type: OrderTypeSchema,
  amount: positive,
  price: positive.nullable(),
  reduceOnly: z.boolean(),
})
export type OrderSummary = z.infer<typeof OrderSummarySchema>

const RuleValueSchema = z.union([z.number(), z.string().max(64), z.null()])

/**
 * One risk setting change, shaped like the risk config diff's RiskConfigChange
 * (path, from, to): maxLeverage 10 → 20, or a symbol added to allowSymbols
 * (from null). All changes of a save are bound, tightening ones included.
 */
export const RiskRuleChangeSchema = z.strictObject({
  path: z.string().regex(/^[A-Za-z][A-Za-z0-9.]{0,63}$/, 'expected a risk setting path such as breakers.dailyDrawdownPct'),
  from: RuleValueSchema,
  to: RuleValueSchema,
})
export type RiskRuleChange = z.infer<typeof RiskRuleChangeSchema>

/**
 * Every action that needs a second approval, with exactly the parameters the
 * approval binds. Built by main from validated data; parsing it again at the
 * gate keeps anything malformed, or a whole API key, out of the hash and the
 * audit log.
 */
export const RiskyActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('place_order'), order: OrderSummarySchema, notional: positive, leverage: leverage.nullable(), mark: positive }),
  z.strictObject({ kind: z.literal('change_leverage'), accountId: AccountIdSchema, symbol: SymbolSchema, from: leverage.nullable(), to: leverage }),
  z.strictObject({ kind: z.literal('enable_live_mode'), accountId: AccountIdSchema }),
  z.strictObject({ kind: z.literal('lift_halt'), scope: ActionScopeSchema }),
  z.strictObject({ kind: z.literal('flatten_all'), scope: ActionScopeSchema }),
  z.strictObject({ kind: z.literal('loosen_risk_rule'), changes: z.array(RiskRuleChangeSchema).min(1).max(32) }),
  z.strictObject({
    kind: z.literal('add_api_key'),
    venue: VenueIdSchema,
    accountId: AccountIdSchema,
    // Four printable characters and no more: the secret, even the key id, never enters the gate.
    keyIdLast4: z.string().regex(/^[!-~]{4}$/, 'expected the last 4 characters of the key id'),
  }),
])
export type RiskyAction = z.infer<typeof RiskyActionSchema>
export type RiskyActionKind = RiskyAction['kind']

function scopeKey(scope: ActionScope): string {
  if (scope.kind === 'desk') return 'desk'
  return scope.kind === 'account' ? `account:${scope.accountId}` : `pilot:${scope.pilotId}`
}

/**
 * What an action is about. A newer request about the same subject supersedes
 * a pending one, so the trader never approves a version that was replaced.
 */
export function subjectOf(action: RiskyAction): string {
  switch (action.kind) {
    case 'place_order':
      return `order:${action.order.intentId}`
    case 'change_leverage':
      return `leverage:${action.accountId}:${action.symbol}`
    case 'enable_live_mode':
      return `live:${action.accountId}`
    case 'lift_halt':
    case 'flatten_all':
      return `${action.kind}:${scopeKey(action.scope)}`
    case 'loosen_risk_rule':
      return 'risk-config'
    case 'add_api_key':
      return `api-key:${action.venue}:${action.accountId}`
  }
}
