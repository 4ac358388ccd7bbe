/**
 * A small seeded PRNG (xoshiro128**, seeded through splitmix32) and the few
 * distributions the simulator needs. Math.random cannot be seeded, and the
 * simulator must give identical markets for identical seeds.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  /** Standard normal. */
  normal(): number
  /** Poisson count with the given mean. */
  poisson(mean: number): number
}

/** Mixes any number of 32-bit integers into one well-spread 32-bit seed. */
export function hashSeed(...parts: number[]): number {
  let h = 0x9e3779b9
  for (const part of parts) {
    h = Math.imul(h ^ (part | 0), 0x85ebca6b)
    h = (h ^ (h >>> 13)) >>> 0
    h = Math.imul(h, 0xc2b2ae35)
    h = (h ^ (h >>> 16)) >>> 0
  }
  return h >>> 0
}

/** FNV-1a, so a symbol name can key its own random stream. */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

export function createRng(seed: number): Rng {
  // splitmix32 spreads one seed over the four state words; an all-zero state would be stuck.
  let s = seed >>> 0
  const split = (): number => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = split()
  let b = split()
  let c = split()
  let d = split() | 1

  const nextUint = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0
    const t = b << 9
    c ^= a
    d ^= b
    b ^= c
    a ^= d
    c ^= t
    d = rotl(d, 11)
    return result
  }
  const next = (): number => nextUint() / 4294967296

  return {
    next,
    normal() {
      // Box-Muller; 1 - next() keeps the logarithm's argument in (0, 1].
      const u = 1 - next()
      const v = next()
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
    },
    poisson(mean) {
      if (!(mean > 0)) return 0
      if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()))
      // Knuth's method: exact and cheap for the small means used per tick.
      const limit = Math.exp(-mean)
      let count = 0
      for (let p = next(); p > limit; p *= next()) count++
      return count
    },
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0
}
