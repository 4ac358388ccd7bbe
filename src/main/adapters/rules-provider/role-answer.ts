import type { RoleContext } from '../../ports/model-client'
import type { RoleId } from '../../../shared/domain/agents/roles'
import type { RoleOutput } from '../../../shared/domain/agents/role-outputs'
import { dataReport } from './analysts/data-analyst'
import { macroReport } from './analysts/macro-trader'
import { orderFlowReport } from './analysts/order-flow-analyst'
import { technicalReport } from './analysts/technical-analyst'
import { debateArgument } from './debate'
import { newsDigest } from './news-digest'
import { riskReview } from './risk-review'
import { strategyIdeas } from './strategy-ideas'
import { decideTrades } from './trader-decision'

/** The rules' answer for the context's role, as the role's output object. Pure: same context, same answer. */
export function answerRole(context: RoleContext): RoleOutput<RoleId> {
  const role = context.role
  switch (role) {
    case 'news_collector':
      return newsDigest(context.news, context.snapshot)
    case 'macro_trader':
      return macroReport(context)
    case 'data_analyst':
      return dataReport(context.snapshot)
    case 'technical_analyst':
      return technicalReport(context.snapshot)
    case 'order_flow_analyst':
      return orderFlowReport(context.snapshot)
    case 'bull_analyst':
      return debateArgument(context.snapshot, 'bull')
    case 'bear_analyst':
      return debateArgument(context.snapshot, 'bear')
    case 'strategy_generator':
      return strategyIdeas(context)
    case 'trader':
      return decideTrades(context)
    case 'risk_officer':
      return riskReview(context)
    default: {
      const unknown: never = role
      throw new TypeError(`No rules answer for role ${String(unknown)}`)
    }
  }
}

/**
 * The most cautious valid answer of each role: neutral, no orders, no
 * approval. Used only if a rules answer ever failed its own schema check,
 * so the fallback of every pilot can never itself fail.
 */
export function safeDefaultAnswer(role: RoleId, strategyId: string): RoleOutput<RoleId> {
  const note = 'The rules provider could not form an answer and returned its safe default.'
  switch (role) {
    case 'news_collector':
      return { sentiment: 'neutral', confidence: 0, headlines: [], summary: note }
    case 'macro_trader':
    case 'data_analyst':
    case 'technical_analyst':
    case 'order_flow_analyst':
      return { stance: 'neutral', confidence: 0, summary: note, keyPoints: [], symbols: [] }
    case 'bull_analyst':
    case 'bear_analyst':
      return { thesis: note, arguments: [note], rebuttals: [], conviction: 0 }
    case 'strategy_generator':
      return { strategies: [], summary: note }
    case 'trader':
      return { strategyId: strategyId.slice(0, 80), intent: 'hold', orders: [], ttlSeconds: 60, expectedEdgeBps: 0, slippageBps: 0, confidence: 0, rationale: note }
    case 'risk_officer':
      return { verdict: 'veto', concerns: [note], summary: note }
    default: {
      const unknown: never = role
      throw new TypeError(`No safe default for role ${String(unknown)}`)
    }
  }
}
