import type { RiskReason, RiskReasonCode } from '../../../shared/domain/risk'

/**
 * A reason for people and machines. The verdict crosses the contract, whose
 * schema refuses NaN and infinities, so limits and actuals that are not
 * finite (an absurd size, a missing equity) travel as null and the message
 * carries the received text instead.
 */
export function reason(code: RiskReasonCode, message: string, limit: number | null = null, actual: number | null = null): RiskReason {
  return { code, message, limit: finiteOrNull(limit), actual: finiteOrNull(actual) }
}

export function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null
}

/** A number for a message: short, locale-free (the same text on every machine), and honest about NaN. */
export function show(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  return String(Number(value.toPrecision(8)))
}

/** A percentage for a message, two decimals. */
export function showPct(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}%` : String(value)
}

export function isPositiveFinite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0
}

/** Exhaustiveness check for switches over unions. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`)
}
