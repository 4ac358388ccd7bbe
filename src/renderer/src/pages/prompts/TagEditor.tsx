import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PromptIssue } from '../../../../shared/domain/agents/prompt'
import { IssueList } from './IssueList'
import { MAX_TAG_LENGTH, MAX_TAGS, tagProblem, type TagProblem } from './prompt-draft'

interface TagEditorProps {
  tags: readonly string[]
  issues: readonly PromptIssue[]
  disabled: boolean
  onAdd(tag: string): void
  onRemove(tag: string): void
}

/** The role's tags as chips: Enter (or a comma) adds what was typed, × removes one. */
export function TagEditor({ tags, issues, disabled, onAdd, onRemove }: TagEditorProps): React.JSX.Element {
  const { t } = useTranslation()
  const id = useId()
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<TagProblem | null>(null)

  const add = (): void => {
    if (text.trim() === '') return
    const found = tagProblem(text, tags)
    setProblem(found)
    if (found) return
    onAdd(text.trim())
    setText('')
  }

  return (
    <div className="tag-editor" data-testid="prompt-tags">
      <div className="chips">
        {tags.map((tag) => (
          <span key={tag} className="chip" data-tag={tag}>
            {tag}
            <button type="button" className="chip-remove" disabled={disabled} onClick={() => onRemove(tag)} aria-label={t('promptStudio.tags.remove', { tag })}>
              ×
            </button>
          </span>
        ))}
        {tags.length === 0 && <span className="dim">{t('promptStudio.tags.none')}</span>}
      </div>
      <label htmlFor={id} className="prompt-sr-only">
        {t('promptStudio.tags.add')}
      </label>
      <input
        id={id}
        className="input"
        value={text}
        maxLength={MAX_TAG_LENGTH + 1}
        disabled={disabled || tags.length >= MAX_TAGS}
        placeholder={t('promptStudio.tags.placeholder')}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => {
          setText(e.target.value.replace(/,/g, ''))
          setProblem(null)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault()
            add()
          }
        }}
        onBlur={add}
        data-testid="prompt-tag-input"
      />
      {problem && <span className="risk-issue">{t(`promptStudio.tags.problems.${problem}`, { max: problem === 'count' ? MAX_TAGS : MAX_TAG_LENGTH })}</span>}
      <IssueList issues={issues} />
    </div>
  )
}
