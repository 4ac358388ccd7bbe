import type { IntentLink } from '../../../shared/domain/agents/decision'
import type { PilotConfig } from '../../../shared/domain/agents/pilot'
import type { ProposedOrder, TraderDecision } from '../../../shared/domain/agents/role-outputs'
import type { MarketSnapshot } from '../../../shared/domain/agents/snapshot'
import { OrderIntentSchema, type OrderIntent } from '../../../shared/domain/intent'

export interface IntentDraft {
  /** The intent to submit, or null when the order was refused before risk (with why). */
  intent: OrderIntent | null
  order: ProposedOrder
  refusal: string | null
}

/** Orders below a second of life cannot be worked; the order path's own lower bound. */
const MIN_TTL_MS = 1000

/**
 * Turns the trader's structured decision into order intents for the order
 * path. Only what the pilot may trade at all is checked here — its own venue
 * and symbols, and a price for limit orders; everything else (size, leverage,
 * price band, exposure) is the risk engine's to judge, so a model's order is
 * held to exactly the rules a person's is.
 */
export function intentsFromDecision(decision: TraderDecision, pilot: PilotConfig, snapshot: MarketSnapshot, decisionId: string, at: number, newId: () => string): IntentDraft[] {
  if (decision.intent === 'hold') return []
  return decision.orders.map((order) => {
    const refusal = refusalOf(order, pilot, snapshot)
    if (refusal) return { intent: null, order, refusal }
    const candidate = {
      id: newId(),
      accountId: pilot.accountId,
      venue: pilot.venue,
      symbol: order.symbol,
      side: order.side,
      type: order.type,
      amount: order.size,
      price: order.type === 'limit' ? order.price : null,
      timeInForce: order.type === 'limit' ? 'GTC' : 'IOC',
      postOnly: false,
      reduceOnly: order.reduceOnly,
      leverage: order.leverage,
      ttlMs: Math.max(MIN_TTL_MS, decision.ttlSeconds * 1000),
      partialFillPolicy: 'cancel_rest',
      stopLoss: order.stopLoss,
      takeProfit: order.takeProfit,
      origin: { kind: 'pilot', pilotId: pilot.id, decisionId },
      createdAt: at,
    }
    const parsed = OrderIntentSchema.safeParse(candidate)
    if (!parsed.success) return { intent: null, order, refusal: `not a valid intent: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` }
    return { intent: parsed.data, order, refusal: null }
  })
}

function refusalOf(order: ProposedOrder, pilot: PilotConfig, snapshot: MarketSnapshot): string | null {
  if (order.venue !== pilot.venue) return `venue ${order.venue} is not this pilot's venue (${pilot.venue})`
  if (!pilot.symbols.includes(order.symbol)) return `${order.symbol} is not one of this pilot's symbols (${pilot.symbols.join(', ')})`
  if (!snapshot.symbols.some((s) => s.venue === order.venue && s.symbol === order.symbol)) return `${order.symbol} is not in this cycle's snapshot`
  if (order.type === 'limit' && order.price === null) return 'a limit order needs a price'
  return null
}

/** The feed's link for an intent refused before it reached the order path. */
export function refusedLink(draft: IntentDraft, intentId: string): IntentLink {
  return {
    intentId,
    symbol: draft.order.symbol,
    side: draft.order.side,
    amount: draft.order.size,
    status: 'refused',
    reasons: [],
    message: draft.refusal,
    clientOrderId: null,
    orderStatus: null,
    filled: null,
  }
}
