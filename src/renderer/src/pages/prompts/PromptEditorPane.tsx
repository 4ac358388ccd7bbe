import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PROMPT_SECTIONS, type PromptVersion } from '../../../../shared/domain/agents/prompt'
import { Card } from '../../components/Card'
import { ErrorAlert } from '../../components/ErrorAlert'
import { InlineError } from '../../components/InlineError'
import { addTag, adopt, discardEdits, editParam, editSection, removeTag, usePromptEditorStore } from '../../stores/prompts-editor-store'
import { currentVersion } from '../../stores/prompts-state'
import { usePromptsStore } from '../../stores/prompts-store'
import { CompareDialog } from './CompareDialog'
import type { CodeEditorHandle } from './editor/CodeEditor'
import { HistoryPanel } from './HistoryPanel'
import { IssueList } from './IssueList'
import { groupIssues } from './issue-placement'
import { OutputSchemaPanel } from './OutputSchemaPanel'
import { ParamsForm } from './ParamsForm'
import type { SectionKey } from './prompt-diff'
import { contentFromDraft, isDraftChanged, PARAM_KEYS, parseParam, type ParamKey } from './prompt-draft'
import { RollbackDialog } from './RollbackDialog'
import { SaveDialog } from './SaveDialog'
import { SectionEditor } from './SectionEditor'
import { TagEditor } from './TagEditor'
import { usePromptValidation } from './use-prompt-validation'
import { VariableBar } from './VariableBar'

/**
 * The open role: its four sections, parameters and tags over the version the
 * edits started from, the kernel's live validation beside each part, and the
 * history with compare and rollback. Save and rollback both go through a
 * dialog that shows the diff first.
 */
export function PromptEditorPane(): React.JSX.Element {
  const { t } = useTranslation()
  const role = usePromptEditorStore((s) => s.role)
  const base = usePromptEditorStore((s) => s.base)
  const draft = usePromptEditorStore((s) => s.draft)
  const loadError = usePromptEditorStore((s) => s.loadError)
  const history = usePromptsStore((s) => (role ? s.histories[role] : undefined))

  const built = useMemo(() => (draft ? contentFromDraft(draft) : null), [draft])
  const content = built?.content ?? null
  const dirty = draft !== null && base !== null && isDraftChanged(draft, base)
  // A saved version passed the kernel's checks when it was saved: only edits are sent for validation.
  const validation = usePromptValidation(dirty ? content : null)
  const found = validation.phase === 'idle' ? null : validation.result
  const issues = useMemo(() => groupIssues(found ?? []), [found])
  const issueCount = found?.length ?? 0
  const validated = validation.phase === 'done' && validation.answeredKey === validation.key
  const latest = currentVersion(history)
  const newer = dirty && latest && base && latest.version > base.version ? latest : null

  const editors = {
    background: useRef<CodeEditorHandle>(null),
    goal: useRef<CodeEditorHandle>(null),
    constraints: useRef<CodeEditorHandle>(null),
    outputFormat: useRef<CodeEditorHandle>(null),
  }
  const lastFocused = useRef<SectionKey>('goal')
  const [saving, setSaving] = useState(false)
  const [rollbackTarget, setRollbackTarget] = useState<PromptVersion | null>(null)
  const [compare, setCompare] = useState<[PromptVersion, PromptVersion] | null>(null)
  const [showSchema, setShowSchema] = useState(false)
  const [savedVersion, setSavedVersion] = useState<PromptVersion | null>(null)

  if (!role) return <p className="muted prompt-empty">{t('promptStudio.chooseRole')}</p>
  const roleName = t(`agentRoles.${role}`)
  if (!draft || !base) {
    return (
      <div className="prompt-editor" data-testid="prompt-editor" data-state="loading">
        {loadError ? <ErrorAlert error={loadError} message={t('promptStudio.historyFailed', { message: loadError.message })} testId="prompt-history-error" /> : <p className="muted">{t('common.loading')}</p>}
      </div>
    )
  }

  const paramChanged: Partial<Record<ParamKey, boolean>> = Object.fromEntries(PARAM_KEYS.map((key) => [key, parseParam(draft.params[key]) !== base.params[key]]))
  const blocked = !content || (validated && issueCount > 0)
  const state = !content ? t('promptStudio.editor.paramsInvalid') : validated && issueCount > 0 ? t('promptStudio.editor.issues', { count: issueCount }) : dirty ? t('promptStudio.editor.unsaved') : savedVersion?.version === base.version ? t('promptStudio.editor.saved', { version: base.version }) : t('promptStudio.editor.upToDate')

  return (
    <div className="prompt-editor" data-testid="prompt-editor" data-role={role} data-base-version={base.version} data-dirty={dirty} data-validation={validation.phase} data-issues={validated ? issueCount : undefined}>
      <header className="prompt-toolbar">
        <div className="prompt-toolbar-title">
          <h2>{roleName}</h2>
          <span className="pill pill-muted mono" data-testid="prompt-version">
            {t('promptStudio.editor.version', { version: base.version })}
          </span>
          <span className={blocked ? 'prompt-state tone-down' : dirty ? 'prompt-state tone-warn' : 'prompt-state dim'} data-testid="prompt-state">
            {state}
          </span>
          {(validation.phase === 'waiting' || validation.phase === 'loading') && <span className="prompt-checking dim">{t('promptStudio.editor.checking')}</span>}
        </div>
        <div className="prompt-toolbar-actions">
          <button type="button" className="btn btn-small" aria-pressed={showSchema} onClick={() => setShowSchema((v) => !v)} data-testid="prompt-schema-toggle">
            {showSchema ? t('promptStudio.schema.hide') : t('promptStudio.schema.show')}
          </button>
          <button type="button" className="btn" disabled={!dirty} onClick={discardEdits} data-testid="prompt-discard">
            {t('promptStudio.editor.discard')}
          </button>
          <button type="button" className="btn btn-primary" disabled={!dirty || blocked} onClick={() => setSaving(true)} data-testid="prompt-save">
            {t('promptStudio.editor.save')}
          </button>
        </div>
      </header>

      {newer && (
        <div className="notice notice-warn" role="status" data-testid="prompt-newer">
          <span>{t('promptStudio.editor.newer', { version: newer.version, base: base.version })}</span>
          <button type="button" className="btn btn-small" onClick={() => adopt(newer)}>
            {t('promptStudio.editor.loadNewer', { version: newer.version })}
          </button>
        </div>
      )}
      {validation.phase === 'failed' && validation.error && <InlineError error={validation.error} prefix={t('promptStudio.editor.validateFailed')} testId="prompt-validate-error" />}
      <IssueList issues={issues.general} testId="prompt-issues-general" />

      <div className="prompt-columns">
        <div className="prompt-sections">
          <VariableBar disabled={false} onInsert={(name) => editors[lastFocused.current].current?.insert(`{{${name}}}`)} />
          {PROMPT_SECTIONS.map((section) => (
            <SectionEditor
              key={`${role}-${section}`}
              section={section}
              value={draft.sections[section]}
              changed={draft.sections[section] !== base.sections[section]}
              issues={issues.sections[section]}
              onChange={(text) => editSection(section, text)}
              onFocus={() => {
                lastFocused.current = section
              }}
              handle={editors[section]}
            />
          ))}
        </div>
        <div className="prompt-side">
          <Card title={t('promptStudio.params.title')} testId="prompt-params-card">
            <ParamsForm values={draft.params} problems={built?.paramProblems ?? {}} issues={issues.params} changed={paramChanged} disabled={false} onChange={editParam} />
            <h3 className="prompt-subtitle">{t('promptStudio.tags.title')}</h3>
            <TagEditor tags={draft.tags} issues={issues.tags} disabled={false} onAdd={addTag} onRemove={removeTag} />
          </Card>
          {showSchema && (
            <Card title={t('promptStudio.schema.title')} testId="prompt-schema-card">
              <OutputSchemaPanel role={role} />
            </Card>
          )}
          <Card title={t('promptStudio.history.title')} aside={<span className="pill pill-muted">{t('promptStudio.history.count', { count: history?.length ?? 0 })}</span>} testId="prompt-history-card">
            <HistoryPanel key={role} history={history ?? []} disabled={false} onCompare={(a, b) => setCompare([a, b])} onRollback={setRollbackTarget} />
          </Card>
        </div>
      </div>

      {saving && content && (
        <SaveDialog
          base={base}
          content={content}
          roleName={roleName}
          onClose={() => setSaving(false)}
          onSaved={(version) => {
            setSaving(false)
            setSavedVersion(version)
          }}
        />
      )}
      {rollbackTarget && latest && (
        <RollbackDialog
          current={latest}
          target={rollbackTarget}
          roleName={roleName}
          hasEdits={dirty}
          onClose={() => setRollbackTarget(null)}
          onDone={(version) => {
            setRollbackTarget(null)
            setSavedVersion(version)
          }}
        />
      )}
      {compare && <CompareDialog a={compare[0]} b={compare[1]} onClose={() => setCompare(null)} />}
    </div>
  )
}
