import type Database from 'better-sqlite3'
import { z } from 'zod'
import { ModelPriceSchema, ModelProviderSchema, ProviderIdSchema, type ModelPrice } from '../../../shared/domain/agents/model'
import type { ProviderRepository } from '../../ports/agent-store'
import { readStored, validInput, validStored, type OnCorruptAgentRow } from './sqlite-agent-rows'

interface PriceRow {
  provider_id: string
  model: string
  input_per_mtok: number
  output_per_mtok: number
}

const PricesSchema = z.array(ModelPriceSchema).superRefine((prices, ctx) => {
  const seen = new Set<string>()
  prices.forEach((price, index) => {
    const key = `${price.providerId}\u0000${price.model}`
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index], message: `${price.providerId}/${price.model} is priced twice` })
    seen.add(key)
  })
})

/**
 * Model providers and the price sheet (migration 4). The provider config has
 * no key field (the schema is strict), so a key can never reach this table.
 * Prices stand apart from providers: a preset may be priced before it is added.
 */
export function createSqliteProviderRepository(db: Database.Database, onCorrupt: OnCorruptAgentRow): ProviderRepository {
  const all = db.prepare<[], { id: string; config: string }>('SELECT id, config FROM model_providers ORDER BY id')
  const upsert = db.prepare('INSERT INTO model_providers (id, config) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET config = excluded.config')
  const remove = db.prepare('DELETE FROM model_providers WHERE id = ?')
  const allPrices = db.prepare<[], PriceRow>('SELECT * FROM model_prices ORDER BY provider_id, model')
  const clearPrices = db.prepare('DELETE FROM model_prices')
  const insertPrice = db.prepare('INSERT INTO model_prices (provider_id, model, input_per_mtok, output_per_mtok) VALUES (?, ?, ?, ?)')

  const setPrices = db.transaction((prices: readonly ModelPrice[]) => {
    clearPrices.run()
    for (const price of prices) insertPrice.run(price.providerId, price.model, price.inputPerMTok, price.outputPerMTok)
  })

  return {
    list: () => all.all().flatMap((row) => readStored(ModelProviderSchema, row.config, { table: 'model_providers', key: row.id }, onCorrupt) ?? []),
    upsert(provider) {
      const valid = validInput(ModelProviderSchema, provider, 'model provider')
      upsert.run(valid.id, JSON.stringify(valid))
    },
    remove: (id) => remove.run(validInput(ProviderIdSchema, id, 'provider id')).changes > 0,
    prices: () =>
      allPrices.all().flatMap((row) => {
        const price = { providerId: row.provider_id, model: row.model, inputPerMTok: row.input_per_mtok, outputPerMTok: row.output_per_mtok }
        return validStored(ModelPriceSchema, price, { table: 'model_prices', key: `${row.provider_id}/${row.model}` }, onCorrupt) ?? []
      }),
    setPrices(prices) {
      setPrices(validInput(PricesSchema, prices, 'model prices'))
    },
  }
}
