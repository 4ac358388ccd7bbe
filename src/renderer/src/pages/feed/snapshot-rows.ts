import type { IndicatorSet, MarketSnapshot, SymbolSnapshot } from '../../../../shared/domain/agents/snapshot'
import { formatMoney, formatPct } from '../../format/numbers'

// A market snapshot as a compact table: one row per symbol, prices at the
// venue's own precision, and the indicators of one timeframe.

const DASH = '—'

/** Decimals of a price step: 0.1 → 1, 0.0005 → 4, 5 → 0. */
export function decimalsOfStep(step: number): number {
  if (!Number.isFinite(step) || step <= 0 || step >= 1) return 0
  const text = step.toExponential()
  const [mantissa, exponent] = text.split('e') as [string, string]
  const mantissaDecimals = mantissa.split('.')[1]?.length ?? 0
  return Math.min(12, Math.max(0, mantissaDecimals - Number(exponent)))
}

export interface SnapshotRow {
  symbol: string
  venue: string
  last: string
  bid: string
  ask: string
  change: string
  changeTone: 'up' | 'down' | 'flat'
  funding: string
  rsi: string
  ema20: string
  ema50: string
  macd: string
  atr: string
}

/** Timeframes that carry indicators in this snapshot, in the order of the first symbol. */
export function snapshotTimeframes(snapshot: MarketSnapshot): string[] {
  const out: string[] = []
  for (const symbol of snapshot.symbols) for (const tf of Object.keys(symbol.indicators)) if (!out.includes(tf)) out.push(tf)
  return out
}

export function snapshotRows(snapshot: MarketSnapshot, timeframe: string): SnapshotRow[] {
  return snapshot.symbols.map((s) => rowOf(s, timeframe))
}

function rowOf(s: SymbolSnapshot, timeframe: string): SnapshotRow {
  const decimals = decimalsOfStep(s.priceStep)
  const price = (value: number | null | undefined): string => formatMoney(value, decimals)
  // The record is keyed by timeframe, but a snapshot may hold fewer than all of them.
  const ind = (s.indicators as Partial<Record<string, IndicatorSet>>)[timeframe]
  const change = s.change24hPct
  return {
    symbol: s.symbol,
    venue: s.venue,
    last: price(s.last),
    bid: price(s.bid),
    ask: price(s.ask),
    change: change === null ? DASH : `${change > 0 ? '+' : ''}${formatPct(change)}`,
    changeTone: change === null || change === 0 ? 'flat' : change > 0 ? 'up' : 'down',
    funding: s.funding ? formatPct(s.funding.rate * 100, 4) : DASH,
    rsi: formatMoney(ind?.rsi14, 1),
    ema20: price(ind?.ema20),
    ema50: price(ind?.ema50),
    macd: formatMoney(ind?.macd?.histogram, Math.max(2, decimals)),
    atr: price(ind?.atr14),
  }
}
