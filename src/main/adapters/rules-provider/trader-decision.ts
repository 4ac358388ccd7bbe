import type { RoleContext } from '../../ports/model-client'
import type { ProposedOrder, TraderDecision } from '../../../shared/domain/agents/role-outputs'
import type { SymbolSnapshot } from '../../../shared/domain/agents/snapshot'
import { readSymbol, type SymbolReading } from './market-reading'
import { bps, clamp, isPositiveFinite, roundToStep, show } from './numbers'
import { sizeNewPosition } from './order-sizing'
import { heldPosition } from './positions'
import { STRATEGIES, entryConfidence, type Direction, type StrategySignal } from './strategies'
import { clip } from './text'

const MAX_ORDERS = 4
const MAX_TTL_SECONDS = 86_400
/**
 * Rules have small edges: the expected gain of an entry is taken as a tenth
 * of one ATR, scaled by confidence and capped, not the distance to target.
 */
const EDGE_ATR_SHARE = 0.1
const MAX_EDGE_BPS = 50
/** A hold is neither for nor against the market. */
const HOLD_CONFIDENCE = 0.5

interface Candidate {
  readonly order: ProposedOrder
  readonly closing: boolean
  readonly confidence: number
  readonly edgeBps: number
  readonly halfSpreadBps: number
}

/** Stop or target rounded to the price step, kept only strictly on the side that protects the position. */
function protectiveLevel(level: number | null, entry: number, direction: Direction, kind: 'stop' | 'target', priceStep: number): number | null {
  if (level === null || !Number.isFinite(level)) return null
  const rounded = roundToStep(level, priceStep)
  if (!isPositiveFinite(rounded)) return null
  const wantBelow = (direction === 'long') === (kind === 'stop')
  return (wantBelow ? rounded < entry : rounded > entry) ? rounded : null
}

function closeOrder(symbol: SymbolSnapshot, held: { side: Direction; contracts: number }): ProposedOrder {
  // Market order: an exit must happen, and reduce-only keeps it from ever opening the other side.
  return {
    venue: symbol.venue,
    symbol: symbol.symbol,
    side: held.side === 'long' ? 'sell' : 'buy',
    type: 'market',
    price: null,
    size: held.contracts,
    leverage: null,
    stopLoss: null,
    takeProfit: null,
    reduceOnly: true,
  }
}

function openCandidate(reading: SymbolReading, signal: Extract<StrategySignal, { kind: 'enter' }>, context: RoleContext): Candidate | string {
  const symbol = reading.snapshot
  const touch = signal.direction === 'long' ? reading.ask : reading.bid
  // A limit at the touch caps what the entry costs. Without a usable one, a market order, which fills at
  // the touch when there is one, else near the last price; stops and size are judged from that entry.
  const limit = touch !== null ? roundToStep(touch, symbol.priceStep) : null
  const entry = isPositiveFinite(limit) ? limit : (touch ?? reading.price)
  if (entry === null) return 'no usable entry price'
  // A touch far from the mark means a broken or crossed book: the risk engine would refuse the price, so do not ask.
  const mark = isPositiveFinite(symbol.mark) ? symbol.mark : reading.price
  const bandPct = context.account.limits.priceBandPct
  if (mark !== null && !((Math.abs(entry - mark) / mark) * 100 <= bandPct)) return `skipped ${signal.direction}: entry ${show(entry)} is outside the ${show(bandPct)}% price band around ${show(mark)}`
  // A market order may be valued at the mark, the last price or either side of the book rather than
  // the touch it takes; size it at the dearest, so no valuation can put it over the cap.
  const sizingPrice = isPositiveFinite(limit) ? entry : Math.max(entry, ...[symbol.mark, reading.price, reading.bid, reading.ask].filter(isPositiveFinite))
  const sizing = sizeNewPosition(symbol, sizingPrice, context.account)
  if (!sizing.ok) return `skipped ${signal.direction}: ${sizing.reason}`
  const confidence = clamp(entryConfidence(signal.strength, reading), 0.05, 0.9)
  const atrBps = bps(signal.atr, entry)
  return {
    order: {
      venue: symbol.venue,
      symbol: symbol.symbol,
      side: signal.direction === 'long' ? 'buy' : 'sell',
      type: isPositiveFinite(limit) ? 'limit' : 'market',
      price: isPositiveFinite(limit) ? limit : null,
      size: sizing.size,
      leverage: null,
      stopLoss: protectiveLevel(signal.stopLoss, entry, signal.direction, 'stop', symbol.priceStep),
      takeProfit: protectiveLevel(signal.takeProfit, entry, signal.direction, 'target', symbol.priceStep),
      reduceOnly: false,
    },
    closing: false,
    confidence,
    edgeBps: clamp(Math.round(EDGE_ATR_SHARE * confidence * atrBps), 0, MAX_EDGE_BPS),
    halfSpreadBps: reading.halfSpreadBps,
  }
}

function intentOf(orders: readonly Candidate[]): TraderDecision['intent'] {
  if (orders.length === 0) return 'hold'
  const closes = orders.filter((c) => c.closing).length
  if (closes === orders.length) return 'close'
  return closes === 0 ? 'open' : 'adjust'
}

const average = (values: readonly number[]): number => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0)

/**
 * The trader's decision under the pilot's rules strategy. Each symbol is
 * read on 15m with the 1h filter; a held position is only ever closed (never
 * added to), and a flat symbol is only ever opened, sized within the limits.
 * Closes come first, then the strongest entries, at most four orders.
 */
export function decideTrades(context: RoleContext): TraderDecision {
  const strategy = STRATEGIES[context.strategy]
  const notes: string[] = []
  const candidates: Candidate[] = []
  for (const symbol of context.snapshot.symbols) {
    const reading = readSymbol(symbol)
    const held = heldPosition(context.account, symbol.symbol)
    const signal = strategy(reading, held?.side ?? null)
    if (signal.kind === 'exit' && held !== null) {
      candidates.push({ order: closeOrder(symbol, held), closing: true, confidence: clamp(signal.strength, 0.05, 0.9), edgeBps: 0, halfSpreadBps: reading.halfSpreadBps })
      notes.push(`${symbol.symbol}: ${signal.reason}`)
    } else if (signal.kind === 'enter') {
      const candidate = openCandidate(reading, signal, context)
      if (typeof candidate === 'string') notes.push(`${symbol.symbol}: ${signal.reason}; ${candidate}`)
      else {
        candidates.push(candidate)
        notes.push(`${symbol.symbol}: ${signal.reason}; size ${show(candidate.order.size)}, stop ${show(candidate.order.stopLoss)}, target ${show(candidate.order.takeProfit)}`)
      }
    } else notes.push(`${symbol.symbol}: ${signal.reason}`)
  }

  const ranked = candidates
    .map((candidate, index) => ({ candidate, index }))
    .sort((a, b) => Number(b.candidate.closing) - Number(a.candidate.closing) || b.candidate.confidence - a.candidate.confidence || a.index - b.index)
    .map(({ candidate }) => candidate)
  const chosen = ranked.slice(0, MAX_ORDERS)
  if (ranked.length > MAX_ORDERS) notes.push(`${ranked.length - MAX_ORDERS} weaker orders left for a later cycle (at most ${MAX_ORDERS} per decision)`)

  const ttl = context.account.limits.defaultTtlSeconds
  const intent = intentOf(chosen)
  return {
    strategyId: `rules.${context.strategy}`,
    intent,
    orders: chosen.map((c) => c.order),
    ttlSeconds: Number.isFinite(ttl) ? clamp(Math.round(ttl), 1, MAX_TTL_SECONDS) : 60,
    expectedEdgeBps: Math.round(average(chosen.filter((c) => !c.closing).map((c) => c.edgeBps))),
    slippageBps: Math.round(clamp(average(chosen.map((c) => c.halfSpreadBps)), 0, 10_000) * 10) / 10,
    confidence: intent === 'hold' ? HOLD_CONFIDENCE : Math.max(...chosen.map((c) => c.confidence)),
    rationale: clip(`Rules ${context.strategy} on 15m with the 1h trend filter. ${notes.join('. ') || 'No symbols in the snapshot.'}`, 2000),
  }
}
