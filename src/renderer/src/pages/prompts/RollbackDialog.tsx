import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContractError } from '../../../../shared/contract/envelope'
import type { PromptVersion } from '../../../../shared/domain/agents/prompt'
import { InlineError } from '../../components/InlineError'
import { Modal } from '../../components/Modal'
import { rollbackTo } from '../../stores/prompts-editor-store'
import { DiffView } from './DiffView'
import { diffPrompts } from './prompt-diff'
import { MAX_NOTE } from './SaveDialog'

interface RollbackDialogProps {
  current: PromptVersion
  target: PromptVersion
  roleName: string
  /** Unsaved edits stay in the editor; the dialog says so. */
  hasEdits: boolean
  onDone(version: PromptVersion): void
  onClose(): void
}

/** What going back to an earlier version changes, from the current one; confirmed, it becomes a new version recording the rollback. */
export function RollbackDialog({ current, target, roleName, hasEdits, onDone, onClose }: RollbackDialogProps): React.JSX.Element {
  const { t } = useTranslation()
  const noteId = useId()
  const diff = useMemo(() => diffPrompts(current, target), [current, target])
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ContractError | null>(null)

  const confirm = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    const envelope = await rollbackTo(target.role, target.version, note.trim())
    setBusy(false)
    if (envelope.ok) onDone(envelope.value)
    else setError(envelope.error)
  }

  return (
    <Modal
      title={t('promptStudio.rollback.title', { role: roleName, version: target.version })}
      tone="warn"
      role="alertdialog"
      wide
      onClose={busy ? undefined : onClose}
      testId="prompt-rollback-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy} data-autofocus>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn-warn" onClick={() => void confirm()} disabled={busy} data-testid="prompt-rollback-confirm">
            {busy ? t('promptStudio.rollback.working') : t('promptStudio.rollback.confirm', { version: target.version })}
          </button>
        </>
      }
    >
      <p>{t('promptStudio.rollback.intro', { current: current.version, version: target.version, next: current.version + 1 })}</p>
      {hasEdits && <p className="notice notice-warn">{t('promptStudio.rollback.editsKept')}</p>}
      <DiffView diff={diff} testId="prompt-rollback-diff" />
      <div className="prompt-field">
        <label htmlFor={noteId}>{t('promptStudio.rollback.note')}</label>
        <input id={noteId} className="input" maxLength={MAX_NOTE} value={note} onChange={(e) => setNote(e.target.value)} data-testid="prompt-rollback-note" />
      </div>
      {error && <InlineError error={error} prefix={t('promptStudio.rollback.failed')} testId="prompt-rollback-error" />}
    </Modal>
  )
}
