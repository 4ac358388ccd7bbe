/**
 * The funding a position receives (positive) or pays (negative) at one
 * funding time, for venues that report only the rate: a positive rate moves
 * money from longs to shorts, in proportion to the notional at the mark.
 * The simulated exchange computes the same figure (exchange-engine.ts).
 */
export function fundingAmount(contracts: number, contractSize: number, markPrice: number, rate: number): number {
  const amount = -contracts * contractSize * markPrice * rate
  return amount === 0 ? 0 : amount
}
