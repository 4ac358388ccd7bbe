import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { getClient } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { useConnectionStore } from '../../stores/connection-store'
import { cancelRoleSwitch, confirmRoleSwitch, hasUnsavedEdits, openRole, usePromptEditorStore } from '../../stores/prompts-editor-store'
import { wirePromptEvents } from '../../stores/prompts-events'
import { loadPromptList, usePromptsStore } from '../../stores/prompts-store'
import { ExportDialog } from './ExportDialog'
import { ImportDialog } from './ImportDialog'
import { PromptEditorPane } from './PromptEditorPane'
import { RoleList } from './RoleList'
import { UnsavedGuard } from './UnsavedGuard'
import './prompts.css'

/**
 * The Prompt studio: every role's versioned prompt, edited section by
 * section, checked by the kernel while typing, saved with a note after a
 * diff, rolled back to any earlier version; exported and imported as YAML.
 */
export function PromptStudioPage(): React.JSX.Element {
  const { t } = useTranslation()
  const summaries = usePromptsStore((s) => s.summaries)
  const listError = usePromptsStore((s) => s.listError)
  const role = usePromptEditorStore((s) => s.role)
  const pendingRole = usePromptEditorStore((s) => s.pendingRole)
  const dirty = usePromptEditorStore(hasUnsavedEdits)
  const [dialog, setDialog] = useState<'export' | 'import' | null>(null)

  const connected = useConnectionStore((s) => s.state === 'open')
  useEffect(() => {
    if (!connected) return
    wirePromptEvents(getClient())
    void loadPromptList()
  }, [connected])

  // The first role opens by itself, so the page never starts empty.
  const first = summaries?.[0]?.role
  useEffect(() => {
    if (first && usePromptEditorStore.getState().role === null) openRole(first)
  }, [first])

  // Leaving the window with unsaved edits asks the browser's own question.
  useEffect(() => {
    if (!dirty) return
    const warn = (event: BeforeUnloadEvent): void => event.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])

  const actions = (
    <div className="prompt-page-actions">
      <button type="button" className="btn" onClick={() => setDialog('import')} disabled={!connected} data-testid="prompt-import">
        {t('promptStudio.import.open')}
      </button>
      <button type="button" className="btn" onClick={() => setDialog('export')} disabled={!connected} data-testid="prompt-export">
        {t('promptStudio.export.open')}
      </button>
    </div>
  )

  return (
    <div className="page page-prompts" data-testid="page-prompts">
      <PageHeader title={t('promptStudio.title')} subtitle={t('promptStudio.subtitle')} aside={actions} />
      {listError && <ErrorAlert error={listError} message={t('promptStudio.listFailed', { message: listError.message })} testId="prompt-list-error" />}
      <div className="prompt-layout">
        {summaries ? <RoleList summaries={summaries} selected={role} dirty={dirty} onOpen={openRole} /> : <p className="muted role-list">{listError ? t('promptStudio.unavailable') : t('common.loading')}</p>}
        <PromptEditorPane key={role ?? 'none'} />
      </div>
      {pendingRole && role && <UnsavedGuard from={role} to={pendingRole} onStay={cancelRoleSwitch} onDiscard={confirmRoleSwitch} />}
      {dialog === 'export' && <ExportDialog onClose={() => setDialog(null)} />}
      {dialog === 'import' && <ImportDialog onClose={() => setDialog(null)} />}
    </div>
  )
}
