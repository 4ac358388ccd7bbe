/**
 * Number helpers. The fake keeps prices and sizes as JS numbers and only
 * turns them into strings at the wire, the way OKX sends them ("60000.1",
 * "0.00000001"): never exponent notation, no float noise like 0.30000000000000004.
 */

/**
 * Drops float noise after arithmetic: 15 significant digits (what a double
 * holds reliably), then 12 decimals (far below any tick, lot or fee here).
 */
export function fix(n: number): number {
  return Number(Number(n.toPrecision(15)).toFixed(12))
}

/** Plain decimal string with no trailing zeros and never exponent notation. */
export function str(n: number | undefined | null): string {
  if (n === undefined || n === null || !Number.isFinite(n)) return ''
  const v = fix(n)
  if (v === 0) return '0'
  let s = String(v)
  // String() switches to exponent notation below 1e-6; toFixed is exact enough at that size.
  if (/e/i.test(s)) s = v.toFixed(12).replace(/0+$/, '').replace(/\.$/, '')
  return s
}

/** True when `value` is a whole multiple of `step` (within float tolerance). */
export function isMultiple(value: number, step: number): boolean {
  const q = value / step
  return Math.abs(q - Math.round(q)) < 1e-7
}

/** Rounds down to a multiple of `step`. */
export function floorStep(value: number, step: number): number {
  return fix(Math.floor(value / step + 1e-9) * step)
}

/** Parses an OKX numeric string (or number); NaN when absent or not a number. */
export function parseNum(v: unknown): number {
  if (typeof v === 'number') return v
  if (typeof v !== 'string' || v.trim() === '') return Number.NaN
  return Number(v)
}

export const EPS = 1e-9
