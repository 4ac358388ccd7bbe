import { ModelPriceSchema, ProviderIdSchema, type ModelPrice } from '../../../../../shared/domain/agents/model'
import { parseDecimal } from '../../../trading/ticket-form'

// The price table as the editor holds it: rows of text until saved, then
// USD per million tokens as ModelPriceSchema takes them. Each row's problems
// are reported by field, and a provider and model priced twice is refused
// (the kernel would not know which price to charge).

export interface PriceRow {
  /** A stable React key: rows have no id of their own until saved. */
  key: number
  providerId: string
  model: string
  input: string
  output: string
}

export type PriceField = 'providerId' | 'model' | 'input' | 'output'
export type PriceProblem = 'provider' | 'model' | 'price' | 'duplicate'

export const MAX_PRICE = 10_000
export const MAX_PRICE_ROWS = 500

export function rowsFromPrices(prices: readonly ModelPrice[], firstKey = 1): PriceRow[] {
  return prices.map((p, i) => ({ key: firstKey + i, providerId: p.providerId, model: p.model, input: String(p.inputPerMTok), output: String(p.outputPerMTok) }))
}

export interface BuiltPrices {
  /** Null while any row has a problem: nothing is saved then. */
  prices: ModelPrice[] | null
  problems: Record<number, Partial<Record<PriceField, PriceProblem>>>
  count: number
}

function price(text: string): number | null {
  const value = parseDecimal(text)
  return value === null || Number.isNaN(value) || value < 0 || value > MAX_PRICE ? null : value
}

export function pricesFromRows(rows: readonly PriceRow[]): BuiltPrices {
  const problems: BuiltPrices['problems'] = {}
  const flag = (row: PriceRow, field: PriceField, problem: PriceProblem): void => void ((problems[row.key] ??= {})[field] = problem)
  const seen = new Map<string, number>()
  const prices: ModelPrice[] = []
  for (const row of rows) {
    const model = row.model.trim()
    if (!ProviderIdSchema.safeParse(row.providerId).success) flag(row, 'providerId', 'provider')
    if (model === '' || model.length > 120) flag(row, 'model', 'model')
    const input = price(row.input)
    const output = price(row.output)
    if (input === null) flag(row, 'input', 'price')
    if (output === null) flag(row, 'output', 'price')
    const identity = `${row.providerId}\u0000${model}`
    if (model !== '' && seen.has(identity)) flag(row, 'model', 'duplicate')
    seen.set(identity, row.key)
    if (!problems[row.key] && input !== null && output !== null) {
      prices.push(ModelPriceSchema.parse({ providerId: row.providerId, model, inputPerMTok: input, outputPerMTok: output }))
    }
  }
  const count = Object.keys(problems).length
  return { prices: count === 0 && rows.length <= MAX_PRICE_ROWS ? prices : null, problems, count }
}

/** Whether the rows say the same as the saved table, in the same order. */
export function sameAsPrices(rows: readonly PriceRow[], prices: readonly ModelPrice[]): boolean {
  const built = pricesFromRows(rows).prices
  if (!built || built.length !== prices.length) return false
  return built.every((p, i) => {
    const q = prices[i]!
    return p.providerId === q.providerId && p.model === q.model && p.inputPerMTok === q.inputPerMTok && p.outputPerMTok === q.outputPerMTok
  })
}
