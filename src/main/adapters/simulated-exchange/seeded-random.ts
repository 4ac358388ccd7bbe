/** A source of numbers in [0, 1); seeded so a run can be replayed exactly. */
export type Random = () => number

/**
 * Mulberry32: tiny, fast and good enough for latency jitter. Math.random is
 * avoided on purpose, since two runs with the same seed must match bit for bit.
 */
export function createSeededRandom(seed: number): Random {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, received ${seed}`)
  let state = Math.trunc(seed) >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
