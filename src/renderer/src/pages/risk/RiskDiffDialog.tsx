import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContractError } from '../../../../shared/contract/envelope'
import type { RiskConfig } from '../../../../shared/domain/risk'
import { InlineError } from '../../components/InlineError'
import { Modal } from '../../components/Modal'
import { saveRiskConfig } from '../../stores/risk-store'
import { isLoosening, type ConfigChange } from '../../trading/risk-config-diff'
import { formatRiskValue } from './format-risk-value'

interface RiskDiffDialogProps {
  config: RiskConfig
  changes: readonly ConfigChange[]
  onSaved(saved: RiskConfig, kernelChanges: number): void
  onClose(): void
}

/** Every change, loosening ones marked; Save sends the whole config with the version the edits started from. */
export function RiskDiffDialog({ config, changes, onSaved, onClose }: RiskDiffDialogProps): React.JSX.Element {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ContractError | null>(null)
  const loosening = isLoosening(changes)

  const save = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    const envelope = await saveRiskConfig(config)
    setBusy(false)
    if (envelope.ok) onSaved(envelope.value.config, envelope.value.changes.length)
    else setError(envelope.error)
  }

  return (
    <Modal
      title={t('risk.diff.title', { version: config.version })}
      tone={loosening ? 'warn' : 'default'}
      role="alertdialog"
      wide
      onClose={busy ? undefined : onClose}
      testId="risk-diff-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy} data-autofocus>
            {t('common.cancel')}
          </button>
          <button type="button" className={loosening ? 'btn btn-warn' : 'btn btn-primary'} onClick={() => void save()} disabled={busy} data-testid="risk-diff-confirm">
            {busy ? t('risk.saving') : t('risk.diff.confirm', { count: changes.length })}
          </button>
        </>
      }
    >
      <table className="data-table compact diff-table">
        <thead>
          <tr>
            <th>{t('risk.diff.rule')}</th>
            <th className="num">{t('risk.diff.from')}</th>
            <th className="num">{t('risk.diff.to')}</th>
            <th>{t('risk.diff.direction')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c, i) => (
            <tr key={i} data-direction={c.direction}>
              <td>{t(`risk.fields.${c.path}.label`)}</td>
              <td className="num">{formatRiskValue(c.path, c.from)}</td>
              <td className="num">{formatRiskValue(c.path, c.to)}</td>
              <td>
                <span className={`mini-badge ${c.direction === 'loosening' ? 'badge-warn' : 'badge-ok'}`}>{t(`risk.direction.${c.direction}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {loosening && <p className="confirm-note">{t('risk.diff.looseningNote')}</p>}
      <p className="field-hint">{t('risk.diff.kernelDecides')}</p>
      {error && <InlineError error={error} prefix={t('risk.saveFailed')} testId="risk-save-error" />}
    </Modal>
  )
}
