import type { DecisionOutcome } from '../../../shared/domain/agents/decision'
import type { RoleId } from '../../../shared/domain/agents/roles'
import type { AnalystReport, DebateArgument, NewsDigest, RiskReview, StrategyIdea, TraderDecision } from '../../../shared/domain/agents/role-outputs'

const MAX = 240

/** A one-line conclusion of a role run for the feed: what it decided, or why nothing came of it. */
export function conclusionOf(role: RoleId, outcome: DecisionOutcome, parsed: unknown, problem: string | null): string {
  if (parsed === null || parsed === undefined) return clip(`${outcome === 'failed' || outcome === 'skipped' ? outcome : 'no action'}: ${problem ?? 'no usable output'}`)
  switch (role) {
    case 'trader': {
      const d = parsed as TraderDecision
      const orders = d.orders.map((o) => `${o.side} ${o.size} ${o.symbol} ${o.type}${o.price ? ` @ ${o.price}` : ''}${o.reduceOnly ? ' (reduce)' : ''}`).join('; ')
      return clip(`${d.intent}${orders ? `: ${orders}` : ''} (confidence ${d.confidence.toFixed(2)}) — ${d.rationale}`)
    }
    case 'risk_officer': {
      const r = parsed as RiskReview
      return clip(`${r.verdict}: ${r.summary}`)
    }
    case 'bull_analyst':
    case 'bear_analyst': {
      const a = parsed as DebateArgument
      return clip(`conviction ${a.conviction.toFixed(2)}: ${a.thesis}`)
    }
    case 'news_collector': {
      const n = parsed as NewsDigest
      return clip(`${n.sentiment} (${n.confidence.toFixed(2)}): ${n.summary}`)
    }
    case 'strategy_generator': {
      const s = parsed as StrategyIdea
      return clip(`${s.strategies.length} strategies: ${s.summary}`)
    }
    default: {
      const a = parsed as AnalystReport
      return clip(`${a.stance} (${a.confidence.toFixed(2)}): ${a.summary}`)
    }
  }
}

const clip = (text: string): string => (text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text)
