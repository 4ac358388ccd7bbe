import type { BookLevel } from '../../../../../shared/domain/market'

/**
 * One side of an L2 book in two parallel typed arrays, sorted so that the
 * best level is last. Nearly all updates touch the top of the book, and with
 * the top at the end an insert or delete there moves only a few elements.
 *
 * Keys are prices for bids (ascending: highest, the best, last) and negated
 * prices for asks (ascending: lowest price, the best, last).
 */
export class BookSide {
  private keys: Float64Array
  private sizes: Float64Array
  private count = 0

  constructor(
    readonly side: 'bids' | 'asks',
    initialCapacity = 512,
  ) {
    this.keys = new Float64Array(initialCapacity)
    this.sizes = new Float64Array(initialCapacity)
  }

  get length(): number {
    return this.count
  }

  clear(): void {
    this.count = 0
  }

  /** Sets the size at `price`; 0 removes the level. */
  set(price: number, size: number): void {
    const key = this.side === 'bids' ? price : -price
    const at = this.lowerBound(key)
    if (at < this.count && this.keys[at] === key) {
      if (size === 0) this.removeAt(at)
      else this.sizes[at] = size
      return
    }
    if (size === 0) return
    this.insertAt(at, key, size)
  }

  /** The best `depth` levels, best first, as [price, size]. */
  levels(depth = Number.POSITIVE_INFINITY): BookLevel[] {
    const out: BookLevel[] = []
    const sign = this.side === 'bids' ? 1 : -1
    for (let i = this.count - 1; i >= 0 && out.length < depth; i--) out.push([sign * this.keys[i]!, this.sizes[i]!])
    return out
  }

  best(): BookLevel | null {
    if (this.count === 0) return null
    const i = this.count - 1
    return [this.side === 'bids' ? this.keys[i]! : -this.keys[i]!, this.sizes[i]!]
  }

  // First index whose key is >= `key`. The best level is checked first: most updates land there.
  private lowerBound(key: number): number {
    if (this.count > 0) {
      const top = this.keys[this.count - 1]!
      if (key > top) return this.count
      if (key === top) return this.count - 1
    }
    let lo = 0
    let hi = this.count
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.keys[mid]! < key) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private insertAt(at: number, key: number, size: number): void {
    if (this.count === this.keys.length) this.grow()
    if (at < this.count) {
      this.keys.copyWithin(at + 1, at, this.count)
      this.sizes.copyWithin(at + 1, at, this.count)
    }
    this.keys[at] = key
    this.sizes[at] = size
    this.count++
  }

  private removeAt(at: number): void {
    if (at < this.count - 1) {
      this.keys.copyWithin(at, at + 1, this.count)
      this.sizes.copyWithin(at, at + 1, this.count)
    }
    this.count--
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2)
    const sizes = new Float64Array(this.sizes.length * 2)
    keys.set(this.keys)
    sizes.set(this.sizes)
    this.keys = keys
    this.sizes = sizes
  }
}
