/** Small numeric helpers shared by the rules: clamping, exchange steps, and readable numbers in text. */

export function clamp(value: number, min: number, max: number): number {
  if (Number.isNaN(value)) return min
  return Math.min(max, Math.max(min, value))
}

export const isPositiveFinite = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0

/** Decimal places of a step such as 0.01, 0.25 or 1e-7, so results print without binary noise. */
export function stepDecimals(step: number): number {
  const [mantissa, exponent] = step.toExponential().split('e')
  const mantissaDecimals = mantissa!.split('.')[1]?.length ?? 0
  return Math.min(100, Math.max(0, mantissaDecimals - Number(exponent)))
}

/** Whole steps that fit in value (rounded down), as a clean number; a hair of float error is forgiven. */
export function floorToStep(value: number, step: number): number {
  const steps = Math.floor(value / step + 1e-9)
  return Number((steps * step).toFixed(stepDecimals(step)))
}

export function roundToStep(value: number, step: number): number {
  return Number((Math.round(value / step) * step).toFixed(stepDecimals(step)))
}

/** A number for rationales: six significant digits, 'n/a' when it is not a number. */
export function show(value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'n/a'
  return String(Number(value.toPrecision(6)))
}

/** Basis points of part relative to whole. */
export function bps(part: number, whole: number): number {
  return whole > 0 ? (part / whole) * 10_000 : 0
}
