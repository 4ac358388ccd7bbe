import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { toggleSymbol } from '../../stores/pilot-editor-form'
import { usePilotEditorStore } from '../../stores/pilot-editor-store'
import { LoadError } from '../feed/LoadError'

interface SymbolPickerProps {
  venue: string
  value: readonly string[]
  onChange(symbols: string[]): void
}

/**
 * The venue's active markets as toggles, in the venue's order. A symbol the
 * pilot trades that the venue no longer lists stays visible (and can be
 * removed) rather than vanishing from the pilot on save.
 */
export function SymbolPicker({ venue, value, onChange }: SymbolPickerProps): React.JSX.Element {
  const { t } = useTranslation()
  const markets = usePilotEditorStore((s) => s.markets[venue])
  const error = usePilotEditorStore((s) => s.marketsError[venue])
  const catalog = useMemo(() => markets?.map((m) => m.symbol) ?? [], [markets])
  const unlisted = markets ? value.filter((s) => !catalog.includes(s)) : []
  const shown = markets ? [...unlisted, ...catalog] : [...value]

  return (
    <div className="pilot-symbols">
      <div className="pilot-symbol-list" role="group" aria-label={t('pilotSettings.symbols')} data-testid="pilot-settings-symbols">
        {shown.map((symbol) => {
          const on = value.includes(symbol)
          const gone = unlisted.includes(symbol)
          return (
            <label key={symbol} className={on ? 'pilot-symbol on' : 'pilot-symbol'} title={gone ? t('pilotSettings.symbolUnlisted') : undefined}>
              <input type="checkbox" checked={on} onChange={() => onChange(toggleSymbol(value, symbol, catalog))} data-testid="pilot-settings-symbol" data-symbol={symbol} />
              <span className="mono">{symbol}</span>
              {gone && <span className="dim">({t('pilotSettings.symbolUnlisted')})</span>}
            </label>
          )
        })}
      </div>
      {!markets && !error && <p className="field-hint">{t('pilotSettings.symbolsLoading', { venue })}</p>}
      {error && <LoadError error={error} text={t('pilotSettings.symbolsFailed', { venue, message: error.message })} testId="pilot-settings-symbols-error" />}
    </div>
  )
}
