import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_RISK_CONFIG } from '../../../../shared/domain/risk'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useConnectionStore } from '../../stores/connection-store'
import { loadRiskConfig, useRiskStore } from '../../stores/risk-store'
import { RiskEditor } from './RiskEditor'
import './risk.css'

/**
 * The risk rules in force, editable field by field. Until the kernel answers,
 * the built-in defaults are shown read-only and labelled as such, so the page
 * says what the rules are without pretending they are the ones in force.
 */
export function RiskPage(): React.JSX.Element {
  const { t } = useTranslation()
  const config = useRiskStore((s) => s.config)
  const error = useRiskStore((s) => s.configError)

  const connected = useConnectionStore((s) => s.state === 'open')
  useEffect(() => {
    if (connected) void loadRiskConfig()
  }, [connected])

  return (
    <div className="page page-risk" data-testid="page-risk">
      <RiskEditor
        latest={config}
        fallback={DEFAULT_RISK_CONFIG}
        notices={
          <>
            {error && <ErrorAlert error={error} message={t('risk.loadFailed', { message: error.message })} testId="risk-load-error" />}
            {!config && (
              <p className="notice" data-testid="risk-defaults-note">
                {error ? t('risk.defaultsShown') : t('risk.loading')}
              </p>
            )}
          </>
        }
      />
    </div>
  )
}
