import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContractError } from '../../../shared/contract/envelope'
import { InlineError } from './InlineError'
import { Modal } from './Modal'

interface ConfirmDialogProps {
  title: string
  confirmLabel: string
  children: ReactNode
  /** Resolves with the kernel's refusal, or null when done. */
  onConfirm(): Promise<ContractError | null>
  onClose(): void
  testId: string
}

/** A destructive step (delete a key, remove a provider) confirmed once, starting on Cancel. */
export function ConfirmDialog({ title, confirmLabel, children, onConfirm, onClose, testId }: ConfirmDialogProps): React.JSX.Element {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ContractError | null>(null)
  const confirm = async (): Promise<void> => {
    setBusy(true)
    const failure = await onConfirm()
    setBusy(false)
    if (failure) setError(failure)
    else onClose()
  }
  return (
    <Modal
      title={title}
      tone="danger"
      role="alertdialog"
      onClose={busy ? undefined : onClose}
      testId={testId}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy} data-autofocus>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn-danger" onClick={() => void confirm()} disabled={busy} data-testid={`${testId}-confirm`}>
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {error && <InlineError error={error} />}
    </Modal>
  )
}
