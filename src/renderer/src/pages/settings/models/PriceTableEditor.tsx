import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProviderStatus } from '../../../../../shared/contract/domains/models'
import type { ContractError } from '../../../../../shared/contract/envelope'
import type { ModelPrice } from '../../../../../shared/domain/agents/model'
import { InlineError } from '../../../components/InlineError'
import { savePrices } from '../../../stores/models-store'
import { pricesFromRows, rowsFromPrices, sameAsPrices, type PriceField, type PriceRow } from './price-table'

interface PriceTableEditorProps {
  /** The saved table; the editor starts from it and starts over when it changes while nothing is edited. */
  prices: readonly ModelPrice[]
  providers: readonly ProviderStatus[]
}

/** USD per million tokens for each provider and model, used for every run's cost: add and remove rows, then save the whole table. */
export function PriceTableEditor({ prices, providers }: PriceTableEditorProps): React.JSX.Element {
  const { t } = useTranslation()
  const listId = useId()
  const [rows, setRows] = useState<PriceRow[]>(() => rowsFromPrices(prices))
  const [seen, setSeen] = useState(prices)
  const [nextKey, setNextKey] = useState(prices.length + 1)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ContractError | null>(null)
  const [savedCount, setSavedCount] = useState<number | null>(null)
  const built = useMemo(() => pricesFromRows(rows), [rows])
  const dirty = !sameAsPrices(rows, prices)

  // A new table from the kernel replaces pristine rows at once (React's adjust-state-during-render pattern).
  if (prices !== seen) {
    setSeen(prices)
    if (sameAsPrices(rows, seen)) {
      setRows(rowsFromPrices(prices, nextKey))
      setNextKey(nextKey + prices.length)
    }
  }

  const edit = (key: number, patch: Partial<PriceRow>): void => {
    setRows((r) => r.map((row) => (row.key === key ? { ...row, ...patch } : row)))
    setSavedCount(null)
  }
  const add = (): void => {
    const provider = providers.find((p) => p.provider.kind !== 'rules') ?? providers[0]
    setRows((r) => [...r, { key: nextKey, providerId: provider?.provider.id ?? '', model: provider?.provider.models[0] ?? '', input: '', output: '' }])
    setNextKey(nextKey + 1)
    setSavedCount(null)
  }
  const remove = (key: number): void => setRows((r) => r.filter((row) => row.key !== key))

  const save = async (): Promise<void> => {
    if (!built.prices) return
    setBusy(true)
    setError(null)
    const envelope = await savePrices(built.prices)
    setBusy(false)
    if (!envelope.ok) return setError(envelope.error)
    setRows(rowsFromPrices(envelope.value, nextKey))
    setNextKey(nextKey + envelope.value.length)
    setSavedCount(envelope.value.length)
  }

  const problem = (row: PriceRow, field: PriceField) => built.problems[row.key]?.[field]
  const problemText = (row: PriceRow): string | null => {
    const found = built.problems[row.key]
    if (!found) return null
    return [...new Set(Object.values(found))].map((p) => t(`modelSettings.prices.problems.${p}`)).join(' · ')
  }

  return (
    <div className="price-editor" data-testid="price-table">
      <table className="data-table compact price-table">
        <thead>
          <tr>
            <th>{t('modelSettings.prices.provider')}</th>
            <th>{t('modelSettings.prices.model')}</th>
            <th className="num">{t('modelSettings.prices.input')}</th>
            <th className="num">{t('modelSettings.prices.output')}</th>
            <th className="actions" aria-label={t('modelSettings.prices.remove')} />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const provider = providers.find((p) => p.provider.id === row.providerId)
            const message = problemText(row)
            return (
              <tr key={row.key} data-testid={`price-row-${index}`} aria-invalid={message ? true : undefined} title={message ?? undefined}>
                <td>
                  <select value={row.providerId} onChange={(e) => edit(row.key, { providerId: e.target.value })} aria-invalid={problem(row, 'providerId') ? true : undefined} aria-label={t('modelSettings.prices.provider')} data-testid="price-provider">
                    {!provider && <option value={row.providerId}>{row.providerId || '—'}</option>}
                    {providers.map((p) => (
                      <option key={p.provider.id} value={p.provider.id}>
                        {p.provider.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input className="input" list={`${listId}-${row.providerId}`} value={row.model} onChange={(e) => edit(row.key, { model: e.target.value })} aria-invalid={problem(row, 'model') ? true : undefined} aria-label={t('modelSettings.prices.model')} data-testid="price-model" />
                </td>
                <td className="num">
                  <input className="input num-input" inputMode="decimal" value={row.input} onChange={(e) => edit(row.key, { input: e.target.value })} aria-invalid={problem(row, 'input') ? true : undefined} aria-label={t('modelSettings.prices.input')} data-testid="price-input" />
                </td>
                <td className="num">
                  <input className="input num-input" inputMode="decimal" value={row.output} onChange={(e) => edit(row.key, { output: e.target.value })} aria-invalid={problem(row, 'output') ? true : undefined} aria-label={t('modelSettings.prices.output')} data-testid="price-output" />
                </td>
                <td className="actions">
                  <button type="button" className="btn btn-tiny" onClick={() => remove(row.key)} aria-label={t('modelSettings.prices.removeRow', { model: row.model || '—' })} data-testid="price-remove">
                    ×
                  </button>
                </td>
              </tr>
            )
          })}
          {rows.length === 0 && (
            <tr className="empty-row">
              <td colSpan={5}>{t('modelSettings.prices.empty')}</td>
            </tr>
          )}
        </tbody>
      </table>
      {providers.map((p) => (
        <datalist key={p.provider.id} id={`${listId}-${p.provider.id}`}>
          {p.provider.models.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
      ))}
      {built.count > 0 && (
        <p className="risk-issue" data-testid="price-problems">
          {t('modelSettings.prices.invalid', { count: built.count })}
        </p>
      )}
      <div className="price-actions">
        <button type="button" className="btn btn-small" onClick={add} disabled={providers.length === 0} data-testid="price-add">
          {t('modelSettings.prices.add')}
        </button>
        <span className="price-actions-end">
          {savedCount !== null && !dirty && (
            <span className="tone-up" role="status">
              {t('modelSettings.prices.saved', { count: savedCount })}
            </span>
          )}
          <button type="button" className="btn btn-small" disabled={!dirty || busy} onClick={() => setRows(rowsFromPrices(prices, nextKey))} data-testid="price-discard">
            {t('modelSettings.prices.discard')}
          </button>
          <button type="button" className="btn btn-primary btn-small" disabled={!dirty || !built.prices || busy} onClick={() => void save()} data-testid="price-save">
            {t('modelSettings.prices.save')}
          </button>
        </span>
      </div>
      <p className="field-hint">{t('modelSettings.prices.hint')}</p>
      {error && <InlineError error={error} prefix={t('modelSettings.prices.saveFailed')} testId="price-save-error" />}
    </div>
  )
}
