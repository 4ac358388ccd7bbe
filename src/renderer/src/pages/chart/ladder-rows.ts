import type { BookLevel } from '../../../../shared/domain/market'

/** Levels shown per side. */
export const LADDER_LEVELS = 15

export interface LadderRow {
  price: number
  size: number
  /** Cumulative size from the touch out to this level. */
  total: number
}

/** The best `levels` of one side (best first, as the kernel sends them) with running totals. */
export function ladderSide(levels: readonly BookLevel[], count = LADDER_LEVELS): LadderRow[] {
  let total = 0
  return levels.slice(0, count).map(([price, size]) => {
    total += size
    return { price, size, total }
  })
}
