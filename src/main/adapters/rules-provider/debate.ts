import type { DebateArgument } from '../../../shared/domain/agents/role-outputs'
import type { MarketSnapshot } from '../../../shared/domain/agents/snapshot'
import { readSymbol, type SymbolReading } from './market-reading'
import { show } from './numbers'
import { capList, clip } from './text'

type Camp = 'bull' | 'bear'

/** One indicator reading that favours a camp, and what the other camp answers to it. */
interface Fact {
  readonly camp: Camp
  readonly text: string
  readonly answer: string
}

function factsOf(reading: SymbolReading): Fact[] {
  const name = reading.snapshot.symbol
  const { entry } = reading
  const facts: Fact[] = []
  const add = (camp: Camp, text: string, answer: string) => facts.push({ camp, text: `${name}: ${text}`, answer })
  if (reading.entryTrend === 'up') add('bull', `15m EMA20 ${show(entry.ema20)} above EMA50 ${show(entry.ema50)}`, 'a 15m trend turns quickly')
  if (reading.entryTrend === 'down') add('bear', `15m EMA20 ${show(entry.ema20)} below EMA50 ${show(entry.ema50)}`, 'a 15m trend turns quickly')
  const histogram = entry.macd?.histogram
  if (histogram !== undefined && histogram > 0) add('bull', `15m MACD histogram positive (${show(histogram)})`, 'momentum readings lag the price')
  if (histogram !== undefined && histogram < 0) add('bear', `15m MACD histogram negative (${show(histogram)})`, 'momentum readings lag the price')
  if (reading.filterTrend === 'up') add('bull', '1h trend up', 'the 1h trend may already be late')
  if (reading.filterTrend === 'down') add('bear', '1h trend down', 'the 1h trend may already be late')
  if (entry.rsi14 !== null && entry.rsi14 < 30) add('bull', `15m RSI ${show(entry.rsi14)} oversold, room to bounce`, 'oversold can stay oversold in a falling market')
  if (entry.rsi14 !== null && entry.rsi14 > 70) add('bear', `15m RSI ${show(entry.rsi14)} overbought, room to fall`, 'overbought can stay overbought in a strong trend')
  const price = reading.price
  if (price !== null && entry.donchian20 && price > entry.donchian20.high) add('bull', `price ${show(price)} above the 20-bar high ${show(entry.donchian20.high)}`, 'many breakouts fail')
  if (price !== null && entry.donchian20 && price < entry.donchian20.low) add('bear', `price ${show(price)} below the 20-bar low ${show(entry.donchian20.low)}`, 'many breakdowns fail')
  const change = reading.snapshot.change24hPct
  if (change !== null && change > 0) add('bull', `up ${show(change)}% in 24h`, 'one day says little')
  if (change !== null && change < 0) add('bear', `down ${show(-change)}% in 24h`, 'one day says little')
  if (reading.bookImbalance !== null && reading.bookImbalance > 0.2) add('bull', `bids outweigh asks in the book (${show(reading.bookImbalance)})`, 'resting size can be pulled')
  if (reading.bookImbalance !== null && reading.bookImbalance < -0.2) add('bear', `asks outweigh bids in the book (${show(reading.bookImbalance)})`, 'resting size can be pulled')
  return facts
}

/**
 * One side of the debate from the indicators: its arguments are the readings
 * that favour it, its rebuttals answer the readings that favour the other
 * side, and its conviction is its share of all readings.
 */
export function debateArgument(snapshot: MarketSnapshot, camp: Camp): DebateArgument {
  const facts = snapshot.symbols.flatMap((symbol) => factsOf(readSymbol(symbol)))
  const ours = facts.filter((f) => f.camp === camp)
  const theirs = facts.filter((f) => f.camp !== camp)
  const side = camp === 'bull' ? 'long' : 'short'
  const thesis = facts.length
    ? `The ${side} case: ${ours.length} of ${facts.length} indicator readings favour it.`
    : `No indicator reading in the snapshot speaks for or against a ${side}.`
  const args = ours.length ? ours.map((f) => f.text) : [`No indicator reading supports a ${side} right now.`]
  return {
    thesis: clip(thesis, 1200),
    arguments: capList(args, 8, 400),
    rebuttals: capList(
      theirs.map((f) => `${f.text}: ${f.answer}`),
      8,
      400,
    ),
    conviction: facts.length ? ours.length / facts.length : 0,
  }
}
