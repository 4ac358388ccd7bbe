import type { AnalystReport } from '../../../../shared/domain/agents/role-outputs'
import { clamp } from '../numbers'
import { capList, clip } from '../text'

export type Stance = AnalystReport['stance']

export interface SymbolView {
  readonly symbol: string
  readonly stance: Stance
  readonly note: string
}

/** A vote in [-1, 1] turned into a stance; small votes stay neutral. */
export function stanceOfScore(score: number, threshold: number): Stance {
  if (score >= threshold) return 'bullish'
  if (score <= -threshold) return 'bearish'
  return 'neutral'
}

/**
 * An analyst report from per-symbol views: the overall stance is the
 * majority of the symbols that have one, and confidence grows with how
 * lopsided that majority is (capped: rules never claim certainty).
 */
export function analystReport(views: readonly SymbolView[], lens: string, extraPoints: readonly string[] = []): AnalystReport {
  const bullish = views.filter((v) => v.stance === 'bullish').length
  const bearish = views.filter((v) => v.stance === 'bearish').length
  const stance: Stance = bullish > bearish ? 'bullish' : bearish > bullish ? 'bearish' : 'neutral'
  const confidence = views.length ? clamp((Math.abs(bullish - bearish) / views.length) * 0.8, 0, 0.8) : 0
  const summary = views.length
    ? `${lens}: ${bullish} of ${views.length} symbols read bullish, ${bearish} bearish; overall ${stance}.`
    : `${lens}: no symbols in the snapshot.`
  return {
    stance,
    confidence,
    summary: clip(summary, 1200),
    keyPoints: capList([...extraPoints, ...views.map((v) => `${v.symbol}: ${v.note}`)], 8, 300),
    // The schema names symbols by 3 to 64 characters; a malformed name is left to the key points.
    symbols: views
      .filter((v) => v.symbol.length >= 3 && v.symbol.length <= 64)
      .slice(0, 10)
      .map((v) => ({ symbol: v.symbol, stance: v.stance, note: clip(v.note, 300) })),
  }
}
