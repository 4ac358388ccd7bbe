import type { PilotConfig } from '../../../shared/domain/agents/pilot'
import type { PromptVariable } from '../../../shared/domain/agents/prompt'
import type { RoleId } from '../../../shared/domain/agents/roles'
import type { AccountView, MarketSnapshot, SymbolSnapshot } from '../../../shared/domain/agents/snapshot'

/** Candles per timeframe shown to a model: the snapshot keeps more for the indicators. */
const PROMPT_CANDLES = 20

export interface PromptInputSources {
  pilot: PilotConfig
  snapshot: MarketSnapshot
  account: AccountView
  /** The news block, already sanitised and delimited. */
  news: string
  upstream: Partial<Record<RoleId, unknown>>
  outputSchema: Record<string, unknown>
  now: number
}

const ANALYSTS: readonly RoleId[] = ['news_collector', 'macro_trader', 'data_analyst', 'technical_analyst', 'order_flow_analyst', 'strategy_generator']

/**
 * The values of the template variables for one role run. Data is rendered as
 * compact JSON: models read it well, and it is exactly reproducible.
 */
export function promptVariables(sources: PromptInputSources): Record<PromptVariable, string> {
  const { pilot, snapshot, account, upstream } = sources
  const { limits, ...holdings } = account
  const reports = pick(upstream, ANALYSTS)
  const debate = pick(upstream, ['bull_analyst', 'bear_analyst'])
  return {
    pilot: `${pilot.name} (${pilot.id})`,
    symbols: pilot.symbols.join(', '),
    venue: pilot.venue,
    snapshot: renderSnapshot(snapshot),
    account: JSON.stringify(holdings),
    limits: JSON.stringify(limits),
    news: sources.news,
    reports: reports ? JSON.stringify(reports) : 'none',
    debate: debate ? JSON.stringify(debate) : 'none',
    decision: upstream.trader === undefined ? 'none' : JSON.stringify(upstream.trader),
    output_schema: JSON.stringify(sources.outputSchema),
    now: new Date(sources.now).toISOString(),
  }
}

// Every role of a cycle reads the same frozen snapshot: render it once (it is the largest part of each prompt).
const rendered = new WeakMap<MarketSnapshot, string>()

export function renderSnapshot(snapshot: MarketSnapshot): string {
  let text = rendered.get(snapshot)
  if (text === undefined) {
    text = JSON.stringify({ takenAt: new Date(snapshot.takenAt).toISOString(), hash: snapshot.hash, symbols: snapshot.symbols.map(compactSymbol) })
    rendered.set(snapshot, text)
  }
  return text
}

function pick(upstream: Partial<Record<RoleId, unknown>>, roles: readonly RoleId[]): Record<string, unknown> | null {
  const entries = roles.filter((r) => upstream[r] !== undefined).map((r) => [r, upstream[r]] as const)
  return entries.length > 0 ? Object.fromEntries(entries) : null
}

function compactSymbol(s: SymbolSnapshot): Record<string, unknown> {
  return {
    venue: s.venue,
    symbol: s.symbol,
    last: s.last,
    bid: s.bid,
    ask: s.ask,
    mark: s.mark,
    change24hPct: s.change24hPct,
    funding: s.funding,
    rules: { contractSize: s.contractSize, amountStep: s.amountStep, priceStep: s.priceStep, minAmount: s.minAmount },
    book: { bids: s.book.bids.slice(0, 5), asks: s.book.asks.slice(0, 5) },
    indicators: s.indicators,
    // [time, open, high, low, close, volume], oldest first.
    candles: Object.fromEntries(Object.entries(s.candles).map(([tf, cs]) => [tf, cs.slice(-PROMPT_CANDLES).map((c) => [c.timestamp, c.open, c.high, c.low, c.close, c.volume])])),
  }
}

/** One line for the feed card: prices, equity and positions the run saw. */
export function inputSummary(snapshot: MarketSnapshot, account: AccountView): string {
  const prices = snapshot.symbols.map((s) => `${s.symbol} ${formatNumber(s.last)}`).join(' · ')
  const positions = account.positions.length === 0 ? 'flat' : account.positions.map((p) => `${p.side} ${p.contracts} ${p.symbol}`).join(', ')
  return `${prices || 'no market data'} · equity ${formatNumber(account.equity)} ${account.currency} · ${positions}`
}

const formatNumber = (n: number): string => (Math.abs(n) >= 100 ? n.toFixed(2) : n.toPrecision(6).replace(/\.?0+$/, ''))
