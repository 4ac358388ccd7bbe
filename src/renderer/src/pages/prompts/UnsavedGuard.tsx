import { useTranslation } from 'react-i18next'
import type { RoleId } from '../../../../shared/domain/agents/roles'
import { Modal } from '../../components/Modal'

/** Asked before another role is opened over unsaved edits: keep editing, or drop them. */
export function UnsavedGuard({ from, to, onDiscard, onStay }: { from: RoleId; to: RoleId; onDiscard(): void; onStay(): void }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Modal
      title={t('promptStudio.guard.title')}
      tone="warn"
      role="alertdialog"
      onClose={onStay}
      testId="prompt-unsaved-guard"
      footer={
        <>
          <button type="button" className="btn" onClick={onStay} data-autofocus data-testid="prompt-guard-stay">
            {t('promptStudio.guard.stay')}
          </button>
          <button type="button" className="btn btn-warn" onClick={onDiscard} data-testid="prompt-guard-discard">
            {t('promptStudio.guard.discard')}
          </button>
        </>
      }
    >
      <p>{t('promptStudio.guard.body', { from: t(`agentRoles.${from}`), to: t(`agentRoles.${to}`) })}</p>
    </Modal>
  )
}
