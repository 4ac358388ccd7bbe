/**
 * One instrument's public order book with OKX sequence numbers. Every change
 * yields a delta (changed levels, size 0 = level removed) stamped with
 * seqId/prevSeqId, which is exactly what the WS 'books' channel pushes.
 * Our own resting orders are not part of this book: they only fill through
 * printTrade (see matching.ts), which keeps the book fully under test control.
 */
import { EPS, fix, floorStep } from './num'
import type { Level, Side } from './types'

export interface BookDelta {
  asks: Level[]
  bids: Level[]
  seqId: number
  prevSeqId: number
  ts: number
}

export class OrderBook {
  private readonly bids = new Map<number, number>()
  private readonly asks = new Map<number, number>()
  /** Last seqId pushed. OKX starts at an arbitrary large number; so do we. */
  seqId = 10_000
  /** Set by faults.sequenceGap: the next delta skips one seqId. */
  private gapPending = false

  constructor(bids: Level[], asks: Level[]) {
    for (const [p, s] of bids) if (s > 0) this.bids.set(p, s)
    for (const [p, s] of asks) if (s > 0) this.asks.set(p, s)
  }

  side(side: 'bids' | 'asks', depth = Infinity): Level[] {
    const map = side === 'bids' ? this.bids : this.asks
    const sorted = [...map.entries()].sort((a, b) => (side === 'bids' ? b[0] - a[0] : a[0] - b[0]))
    return sorted.slice(0, depth).map(([p, s]) => [p, s])
  }

  best(side: 'bids' | 'asks'): Level | undefined {
    return this.side(side, 1)[0]
  }

  requestGap(): void {
    this.gapPending = true
  }

  /** Replaces the whole book and returns the delta against the previous one (null when nothing changed). */
  replace(bids: Level[], asks: Level[]): BookDelta | null {
    const changedBids = replaceSide(this.bids, bids)
    const changedAsks = replaceSide(this.asks, asks)
    return this.delta(changedBids, changedAsks)
  }

  /**
   * Takes liquidity for a taker order: a buy consumes asks at prices <= limitPx,
   * a sell consumes bids at prices >= limitPx (no limit for market orders).
   * `maxQty` caps the size taken; `maxQuote` caps the quote spent (spot market buys in quote);
   * `lot` rounds each take down to the instrument's lot size.
   * Returns the fills per level without touching the book; call `consume` to apply them.
   */
  quote(takerSide: Side, maxQty: number, limitPx: number | null, maxQuote = Infinity, lot = 0): Level[] {
    const levels = this.side(takerSide === 'buy' ? 'asks' : 'bids')
    const fills: Level[] = []
    let left = maxQty
    let quoteLeft = maxQuote
    for (const [px, size] of levels) {
      if (left <= EPS || quoteLeft <= EPS) break
      if (limitPx !== null && (takerSide === 'buy' ? px > limitPx + EPS : px < limitPx - EPS)) break
      let take = Math.min(size, left)
      if (take * px > quoteLeft) take = quoteLeft / px
      take = lot > 0 ? floorStep(take, lot) : fix(take)
      if (take <= EPS) break
      fills.push([px, take])
      left = fix(left - take)
      quoteLeft = fix(quoteLeft - take * px)
    }
    return fills
  }

  /** Removes taken liquidity and returns the delta. */
  consume(takerSide: Side, fills: Level[]): BookDelta | null {
    const map = takerSide === 'buy' ? this.asks : this.bids
    const changed: Level[] = []
    for (const [px, size] of fills) {
      const rest = fix((map.get(px) ?? 0) - size)
      if (rest <= EPS) map.delete(px)
      else map.set(px, rest)
      changed.push([px, rest <= EPS ? 0 : rest])
    }
    return takerSide === 'buy' ? this.delta([], changed) : this.delta(changed, [])
  }

  private delta(bids: Level[], asks: Level[]): BookDelta | null {
    if (bids.length === 0 && asks.length === 0) return null
    let prevSeqId = this.seqId
    if (this.gapPending) {
      // A lost update: the sequence moves past a seqId nobody received.
      prevSeqId += 1
      this.gapPending = false
    }
    this.seqId = prevSeqId + 1
    return { bids, asks, prevSeqId, seqId: this.seqId, ts: Date.now() }
  }
}

function replaceSide(map: Map<number, number>, next: Level[]): Level[] {
  const wanted = new Map<number, number>()
  for (const [p, s] of next) if (s > 0) wanted.set(p, (wanted.get(p) ?? 0) + s)
  const changed: Level[] = []
  for (const p of map.keys()) if (!wanted.has(p)) changed.push([p, 0])
  for (const [p, s] of wanted) if (map.get(p) !== s) changed.push([p, s])
  map.clear()
  for (const [p, s] of wanted) map.set(p, s)
  return changed
}
