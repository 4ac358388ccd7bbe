import type { ProposedOrder, RoleOutput, TraderDecision } from '../../../src/shared/domain/agents/role-outputs'
import type { RoleId } from '../../../src/shared/domain/agents/roles'
import type { ChatRequestBody, FakeAnswer, FakeResponder } from '../fake-openai'

/**
 * Which role a chat request is for, read from the shipped prompts' opening
 * lines. Test support only: a prompt edited in a test must keep its opening.
 */
const ROLE_MARKERS: ReadonlyArray<readonly [RoleId, RegExp]> = [
  ['bear_analyst', /short and stay-flat side/],
  ['bull_analyst', /argue the long side/],
  ['data_analyst', /You are the data analyst/],
  ['macro_trader', /You are the macro trader/],
  ['news_collector', /You are the news desk/],
  ['order_flow_analyst', /You are the order flow analyst/],
  ['risk_officer', /You are the risk officer/],
  ['strategy_generator', /You are the strategy researcher/],
  ['technical_analyst', /You are the technical analyst/],
  ['trader', /You are the trader/],
]

export function roleOfRequest(body: ChatRequestBody): RoleId | null {
  const system = body.messages.find((m) => m.role === 'system')
  const text = typeof system?.content === 'string' ? system.content : ''
  return ROLE_MARKERS.find(([, marker]) => marker.test(text))?.[0] ?? null
}

/** A schema-valid answer for each non-trading role. */
export function analystAnswer(role: Exclude<RoleId, 'trader'>): RoleOutput<RoleId> {
  switch (role) {
    case 'news_collector':
      return { sentiment: 'neutral', confidence: 0.4, headlines: [], summary: 'Quiet tape, no market-moving headlines.' }
    case 'bull_analyst':
      return { thesis: 'Trend intact above the 1h EMA50.', arguments: ['Higher lows on 15m'], rebuttals: [], conviction: 0.6 }
    case 'bear_analyst':
      return { thesis: 'Momentum fading into resistance.', arguments: ['MACD histogram shrinking'], rebuttals: [], conviction: 0.4 }
    case 'strategy_generator':
      return { strategies: [], summary: 'No new strategy this cycle.' }
    case 'risk_officer':
      return { verdict: 'approve', concerns: [], summary: 'Within limits.' }
    default:
      return { stance: 'bullish', confidence: 0.55, summary: `${role} sees a mild uptrend.`, keyPoints: ['EMA20 above EMA50'], symbols: [] }
  }
}

export function traderDecision(orders: ProposedOrder[], overrides: Partial<TraderDecision> = {}): TraderDecision {
  return {
    strategyId: 'test.momentum',
    intent: orders.length > 0 ? 'open' : 'hold',
    orders,
    ttlSeconds: 120,
    expectedEdgeBps: 12,
    slippageBps: 2,
    confidence: 0.7,
    rationale: 'Scripted by the test.',
    ...overrides,
  }
}

export function marketOrder(symbol: string, side: 'buy' | 'sell', size: number, extra: Partial<ProposedOrder> = {}): ProposedOrder {
  return { venue: 'sim', symbol, side, type: 'market', price: null, size, leverage: null, stopLoss: null, takeProfit: null, reduceOnly: false, ...extra }
}

/**
 * Answers every role of a pipeline: analysts with valid reports, the trader
 * with `trader` (a fake answer: valid JSON, prose, a fault …), and the risk
 * officer with `riskOfficer` (approve by default).
 */
export function deskResponder(trader: () => FakeAnswer, riskOfficer: () => FakeAnswer = () => ({ json: analystAnswer('risk_officer') })): FakeResponder {
  return (body) => {
    const role = roleOfRequest(body)
    if (role === null) return undefined
    if (role === 'trader') return trader()
    if (role === 'risk_officer') return riskOfficer()
    return { json: analystAnswer(role) }
  }
}
