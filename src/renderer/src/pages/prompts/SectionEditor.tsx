import { useCallback, type Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { PromptIssue } from '../../../../shared/domain/agents/prompt'
import { CodeEditor, type CodeEditorHandle } from './editor/CodeEditor'
import { IssueList } from './IssueList'
import type { SectionKey } from './prompt-diff'
import { unknownVariables } from './template-variables'

interface SectionEditorProps {
  section: SectionKey
  value: string
  changed: boolean
  issues: readonly PromptIssue[]
  onChange(text: string): void
  onFocus(): void
  handle: Ref<CodeEditorHandle>
}

/** One section of the prompt: its editor, what it is for, and the kernel's issues about it right under it. */
export function SectionEditor({ section, value, changed, issues, onChange, onFocus, handle }: SectionEditorProps): React.JSX.Element {
  const { t } = useTranslation()
  const describe = useCallback((name: string, known: boolean) => (known ? t('promptStudio.variables.known', { name }) : t('promptStudio.variables.unknown', { name })), [t])
  const unknown = unknownVariables(value)
  return (
    <section className={changed ? 'card prompt-section is-changed' : 'card prompt-section'} data-testid={`prompt-section-${section}`} data-issues={issues.length}>
      <header className="prompt-section-head">
        <span className="prompt-section-title">{t(`promptStudio.sections.${section}`)}</span>
        {changed && <span className="mini-badge badge-warn">{t('promptStudio.editor.changed')}</span>}
        <span className="prompt-section-hint">{t(`promptStudio.sectionHints.${section}`)}</span>
        <span className="prompt-section-count mono dim">{t('promptStudio.editor.chars', { count: value.length })}</span>
      </header>
      <CodeEditor
        value={value}
        onChange={onChange}
        onFocus={onFocus}
        label={t(`promptStudio.sections.${section}`)}
        placeholderText={t(`promptStudio.sectionHints.${section}`)}
        describeVariable={describe}
        invalid={issues.length > 0}
        testId={`prompt-editor-${section}`}
        handle={handle}
      />
      {unknown.length > 0 && issues.length === 0 && (
        <p className="prompt-local-warning" data-testid={`prompt-unknown-${section}`}>
          {t('promptStudio.variables.unknownHere', { names: unknown.join(', ') })}
        </p>
      )}
      <IssueList issues={issues} testId={`prompt-issues-${section}`} />
    </section>
  )
}
