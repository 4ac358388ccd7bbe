/**
 * Money is held in binary floats, so every amount the portfolio adds to a
 * ledger (realized PnL, fees, funding, transfers, spot flows) is rounded to
 * 1e-8 (satoshi and USDT-wallet precision) before and after it is summed:
 * without that, thousands of fills would drift the balance by float noise
 * and a reconciliation against the venue would report phantom differences.
 * Prices (average entry) are not rounded: a weighted average is not a money
 * amount, and venues report it unrounded too.
 *
 * Exact to 1e-8 up to about 9e7 per amount (2^53 / 1e8); beyond that the
 * rounding is a no-op and the float is returned as it is.
 */
export const MONEY_DECIMALS = 8

const FACTOR = 10 ** MONEY_DECIMALS

export function roundMoney(value: number): number {
  const rounded = Math.round(value * FACTOR) / FACTOR
  // Math.round(-0.000000001 * 1e8) is -0; a ledger showing "-0" confuses people and toEqual.
  return rounded === 0 ? 0 : rounded
}

/** a + b, both treated as money. */
export function addMoney(a: number, b: number): number {
  return roundMoney(roundMoney(a) + roundMoney(b))
}
