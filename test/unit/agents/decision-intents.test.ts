import { describe, expect, it } from 'vitest'
import { intentsFromDecision } from '../../../src/main/core/agents/decision-intents'
import type { PilotConfig } from '../../../src/shared/domain/agents/pilot'
import type { ProposedOrder, TraderDecision } from '../../../src/shared/domain/agents/role-outputs'
import type { MarketSnapshot } from '../../../src/shared/domain/agents/snapshot'
import { OrderIntentSchema } from '../../../src/shared/domain/intent'

const pilot = { id: 'p1', accountId: 'arena-p1', venue: 'sim', symbols: ['BTC/USDT:USDT'] } as PilotConfig
const snapshot = { hash: 'h', takenAt: 0, symbols: [{ venue: 'sim', symbol: 'BTC/USDT:USDT' }] } as unknown as MarketSnapshot
const order = (extra: Partial<ProposedOrder> = {}): ProposedOrder => ({ venue: 'sim', symbol: 'BTC/USDT:USDT', side: 'buy', type: 'market', price: null, size: 0.1, leverage: null, stopLoss: 60_000, takeProfit: null, reduceOnly: false, ...extra })
const decision = (orders: ProposedOrder[], extra: Partial<TraderDecision> = {}): TraderDecision => ({ strategyId: 's', intent: 'open', orders, ttlSeconds: 90, expectedEdgeBps: 5, slippageBps: 1, confidence: 0.6, rationale: 'r', ...extra })
let n = 0
const newId = () => `intent-${String(++n).padStart(4, '0')}`

describe('trader decisions to order intents', () => {
  it('turns each order into a valid pilot intent on the pilot account', () => {
    const [draft] = intentsFromDecision(decision([order()]), pilot, snapshot, 'decision-1', 1000, newId)
    expect(draft!.refusal).toBeNull()
    expect(OrderIntentSchema.parse(draft!.intent)).toMatchObject({
      accountId: 'arena-p1',
      venue: 'sim',
      amount: 0.1,
      timeInForce: 'IOC',
      ttlMs: 90_000,
      stopLoss: 60_000,
      origin: { kind: 'pilot', pilotId: 'p1', decisionId: 'decision-1' },
    })
  })

  it('a hold produces nothing, whatever orders it lists', () => {
    expect(intentsFromDecision(decision([order()], { intent: 'hold' }), pilot, snapshot, 'd', 0, newId)).toEqual([])
  })

  it.each([
    ['another venue', order({ venue: 'okx' }), /not this pilot's venue/],
    ['a symbol outside the pilot', order({ symbol: 'DOGE/USDT:USDT' }), /not one of this pilot's symbols/],
    ['a limit without a price', order({ type: 'limit', price: null }), /needs a price/],
  ])('refuses %s before risk', (_name, proposed, why) => {
    const [draft] = intentsFromDecision(decision([proposed]), pilot, snapshot, 'd', 0, newId)
    expect(draft!.intent).toBeNull()
    expect(draft!.refusal).toMatch(why)
  })

  it('leaves size, leverage and price to the risk engine: absurd but well-formed values pass through', () => {
    const [draft] = intentsFromDecision(decision([order({ size: 1e6, leverage: 100 })]), pilot, snapshot, 'd', 0, newId)
    expect(draft!.intent).toMatchObject({ amount: 1e6, leverage: 100 })
  })
})
