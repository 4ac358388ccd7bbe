import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContractError } from '../../../../shared/contract/envelope'
import type { PromptContent, PromptIssue, PromptVersion } from '../../../../shared/domain/agents/prompt'
import { InlineError } from '../../components/InlineError'
import { Modal } from '../../components/Modal'
import { saveDraft } from '../../stores/prompts-editor-store'
import { DiffView } from './DiffView'
import { IssueList } from './IssueList'
import { diffPrompts } from './prompt-diff'
import { issuesFromError } from './prompt-errors'

interface SaveDialogProps {
  base: PromptVersion
  content: PromptContent
  roleName: string
  onSaved(version: PromptVersion): void
  onClose(): void
}

export const MAX_NOTE = 500

/** What the save changes against the current version, and a note saying why; the next run of the role uses it. */
export function SaveDialog({ base, content, roleName, onSaved, onClose }: SaveDialogProps): React.JSX.Element {
  const { t } = useTranslation()
  const noteId = useId()
  const diff = useMemo(() => diffPrompts(base, content), [base, content])
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ContractError | null>(null)
  const [issues, setIssues] = useState<PromptIssue[]>([])

  const save = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    const envelope = await saveDraft(content, note.trim())
    setBusy(false)
    if (envelope.ok) return onSaved(envelope.value)
    const refused = issuesFromError(envelope.error)
    setError(envelope.error)
    setIssues(refused ?? [])
  }

  return (
    <Modal
      title={t('promptStudio.save.title', { role: roleName, version: base.version })}
      wide
      onClose={busy ? undefined : onClose}
      testId="prompt-save-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={busy || note.trim() === '' || !diff.changed} data-testid="prompt-save-confirm">
            {busy ? t('promptStudio.save.saving') : t('promptStudio.save.confirm')}
          </button>
        </>
      }
    >
      <p className="field-hint">{t('promptStudio.save.intro', { version: base.version })}</p>
      <DiffView diff={diff} testId="prompt-save-diff" />
      <div className="prompt-field">
        <label htmlFor={noteId}>{t('promptStudio.save.note')}</label>
        <textarea
          id={noteId}
          className="input"
          rows={2}
          maxLength={MAX_NOTE}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('promptStudio.save.notePlaceholder')}
          data-autofocus
          data-testid="prompt-save-note"
        />
        <span className="field-hint">{t('promptStudio.save.noteHint')}</span>
      </div>
      <IssueList issues={issues} testId="prompt-save-issues" />
      {error && <InlineError error={error} prefix={t('promptStudio.save.failed')} testId="prompt-save-error" />}
    </Modal>
  )
}
