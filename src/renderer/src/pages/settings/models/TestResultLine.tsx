import { useTranslation } from 'react-i18next'
import type { ModelTestResult } from '../../../../../shared/contract/domains/models'

/** The outcome of a test call: the model and its latency, or the provider's error as the kernel reported it. */
export function TestResultLine({ result, providerId }: { result: ModelTestResult; providerId: string }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <p className={result.ok ? 'model-test tone-up' : 'model-test tone-down'} role="status" data-testid={`provider-test-result-${providerId}`} data-ok={result.ok}>
      {result.ok
        ? t('modelSettings.test.ok', { model: result.model, latency: Math.round(result.latencyMs) })
        : t('modelSettings.test.failed', { model: result.model, latency: Math.round(result.latencyMs), message: result.message })}
    </p>
  )
}
