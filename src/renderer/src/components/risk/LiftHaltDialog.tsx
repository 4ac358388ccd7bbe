import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RiskScope } from '../../../../shared/contract/domains/risk'
import type { ContractError } from '../../../../shared/contract/envelope'
import { liftHalt } from '../../stores/risk-store'
import { InlineError } from '../InlineError'
import { Modal } from '../Modal'
import { useScopeLabel } from './use-scope-label'

/** Lifting a halt lets orders through again: the app's confirmation first, then the kernel's second approval. */
export function LiftHaltDialog({ scope, onClose }: { scope: RiskScope; onClose(): void }): React.JSX.Element {
  const { t } = useTranslation()
  const scopeLabel = useScopeLabel(scope)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ContractError | null>(null)

  const confirm = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    const failure = await liftHalt(scope)
    setBusy(false)
    if (failure) setError(failure)
    else onClose()
  }

  return (
    <Modal
      title={t('desk.liftTitle', { scope: scopeLabel })}
      tone="warn"
      role="alertdialog"
      onClose={busy ? undefined : onClose}
      testId="lift-halt-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy} data-autofocus>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn-warn" onClick={() => void confirm()} disabled={busy} data-testid="lift-halt-confirm">
            {busy ? t('desk.lifting') : t('desk.liftConfirm')}
          </button>
        </>
      }
    >
      <p>{t('desk.liftBody')}</p>
      <p className="muted">{t('desk.secondApproval')}</p>
      {error && <InlineError error={error} testId="lift-halt-error" />}
    </Modal>
  )
}
