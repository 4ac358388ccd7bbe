import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { getClient } from '../../../api/client'
import { Card } from '../../../components/Card'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useConnectionStore } from '../../../stores/connection-store'
import { wireModelEvents } from '../../../stores/models-events'
import { loadPrices, loadProviders, useModelsStore } from '../../../stores/models-store'
import { PriceTableEditor } from './PriceTableEditor'
import { ProviderFormView } from './ProviderFormView'
import { ProviderPanel } from './ProviderPanel'
// The key and form layouts (key-field, key-form-actions) are shared with Settings → Exchanges.
import '../exchanges/exchanges.css'
import './models.css'

/** Settings → Models: the model providers with their keys, a new OpenAI-compatible provider, and the price table. */
export function ModelsSection(): React.JSX.Element {
  const { t } = useTranslation()
  const providers = useModelsStore((s) => s.providers)
  const providersError = useModelsStore((s) => s.providersError)
  const prices = useModelsStore((s) => s.prices)
  const pricesError = useModelsStore((s) => s.pricesError)

  const connected = useConnectionStore((s) => s.state === 'open')
  useEffect(() => {
    if (!connected) return
    wireModelEvents(getClient())
    void loadProviders()
    void loadPrices()
  }, [connected])

  return (
    <div className="models" data-testid="settings-models">
      {providersError && <ErrorAlert error={providersError} message={t('modelSettings.loadFailed', { message: providersError.message })} testId="models-load-error" />}
      <Card title={t('modelSettings.providers')} aside={<span className="pill pill-muted">{providers ? t('modelSettings.count', { count: providers.length }) : '—'}</span>} testId="models-providers">
        <p className="field-hint key-intro">{t('modelSettings.intro')}</p>
        <div className="providers-grid">
          {providers?.map((status) => (
            <ProviderPanel key={status.provider.id} status={status} />
          ))}
        </div>
        {!providers && <p className="muted">{providersError ? t('modelSettings.unavailable') : t('common.loading')}</p>}
      </Card>
      <div className="models-grid">
        <Card title={t('modelSettings.addTitle')} testId="models-add">
          <ProviderFormView takenIds={providers?.map((p) => p.provider.id) ?? []} />
        </Card>
        <Card title={t('modelSettings.prices.title')} testId="models-prices">
          {pricesError && <ErrorAlert error={pricesError} message={t('modelSettings.prices.loadFailed', { message: pricesError.message })} testId="prices-load-error" />}
          {prices ? <PriceTableEditor prices={prices} providers={providers ?? []} /> : !pricesError && <p className="muted">{t('common.loading')}</p>}
        </Card>
      </div>
    </div>
  )
}
