import { useTranslation } from 'react-i18next'
import { PROMPT_VARIABLES } from '../../../../shared/domain/agents/prompt'

/** The variables a prompt may use; a click inserts one where the cursor was last. */
export function VariableBar({ onInsert, disabled }: { onInsert(name: string): void; disabled: boolean }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <div className="variable-bar" data-testid="prompt-variables">
      <span className="variable-bar-label">{t('promptStudio.variables.title')}</span>
      {PROMPT_VARIABLES.map((name) => (
        <button key={name} type="button" className="chip chip-variable mono" disabled={disabled} title={t(`promptStudio.variableHints.${name}`)} onClick={() => onInsert(name)} data-variable={name}>
          {`{{${name}}}`}
        </button>
      ))}
    </div>
  )
}
