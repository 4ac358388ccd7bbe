import type { BookLevel } from '../../../../../shared/domain/market'
import { BookSide } from './book-side'

/**
 * One decoded book message. Levels are flat [price, size, price, size, ...]
 * arrays: no tuple allocation per level on the hot path.
 */
export interface BookFrame {
  action: 'snapshot' | 'update'
  bids: number[]
  asks: number[]
  /** The venue's sequence number of this message (OKX seqId), when it has one. */
  seq: number | null
  /** The sequence number this message follows (OKX prevSeqId; -1 on snapshots). */
  prevSeq: number | null
  timestamp: number
}

/** What applying a frame did. Anything but 'applied' leaves the book unusable until a snapshot. */
export type ApplyOutcome = 'applied' | 'gap' | 'crossed' | 'awaiting_snapshot'

/**
 * An L2 book kept from snapshots and deltas, checking sequence continuity:
 * an update must follow the last applied sequence exactly, otherwise a
 * message was lost and the book is wrong until the next snapshot.
 */
export class L2Book {
  readonly bids = new BookSide('bids')
  readonly asks = new BookSide('asks')
  sequence: number | null = null
  timestamp = 0
  private synced = false

  get isSynced(): boolean {
    return this.synced
  }

  apply(frame: BookFrame): ApplyOutcome {
    if (frame.action === 'snapshot') {
      this.bids.clear()
      this.asks.clear()
      this.synced = true
    } else {
      if (!this.synced) return 'awaiting_snapshot'
      if (frame.prevSeq !== null && frame.prevSeq !== -1 && this.sequence !== null && frame.prevSeq !== this.sequence) {
        this.synced = false
        return 'gap'
      }
    }
    applyLevels(this.bids, frame.bids)
    applyLevels(this.asks, frame.asks)
    if (frame.seq !== null) this.sequence = frame.seq
    this.timestamp = frame.timestamp
    const bid = this.bids.best()
    const ask = this.asks.best()
    if (bid && ask && bid[0] >= ask[0]) {
      this.synced = false
      return 'crossed'
    }
    return 'applied'
  }

  /** Forget everything; the next snapshot starts over. */
  reset(): void {
    this.bids.clear()
    this.asks.clear()
    this.sequence = null
    this.synced = false
  }

  top(depth: number): { bids: BookLevel[]; asks: BookLevel[] } {
    return { bids: this.bids.levels(depth), asks: this.asks.levels(depth) }
  }
}

function applyLevels(side: BookSide, flat: number[]): void {
  for (let i = 0; i < flat.length; i += 2) side.set(flat[i]!, flat[i + 1]!)
}
