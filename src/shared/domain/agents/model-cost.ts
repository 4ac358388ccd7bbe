import type { ModelPrice, ModelRef, TokenUsage } from './model'

const TOKENS_PER_PRICE_UNIT = 1_000_000

/** The price row of one model, or null when the table has none (a local model, or one the user has not priced). */
export function findModelPrice(prices: readonly ModelPrice[], ref: ModelRef): ModelPrice | null {
  return prices.find((price) => price.providerId === ref.providerId && price.model === ref.model) ?? null
}

/**
 * What one call cost in USD, from the user's price table. A model without a
 * price costs 0: the call still counts against the token budget, and the
 * price editor is where the user says otherwise.
 */
export function costUsd(prices: readonly ModelPrice[], ref: ModelRef, usage: TokenUsage): number {
  const price = findModelPrice(prices, ref)
  if (!price) return 0
  return (usage.promptTokens * price.inputPerMTok + usage.completionTokens * price.outputPerMTok) / TOKENS_PER_PRICE_UNIT
}
