import { useId } from 'react'

interface PilotTextFieldProps {
  label: string
  value: string
  onChange(value: string): void
  /** The translated problem; it takes the hint's place while there is one. */
  problem: string | null
  hint?: string
  maxLength?: number
  inputMode?: 'decimal' | 'numeric'
  testId: string
}

/** One typed field of the pilot settings dialog: its label, the input, and its problem or hint underneath. */
export function PilotTextField({ label, value, onChange, problem, hint, maxLength, inputMode, testId }: PilotTextFieldProps): React.JSX.Element {
  const id = useId()
  return (
    <div className="key-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)} maxLength={maxLength} inputMode={inputMode} autoComplete="off" spellCheck={false} aria-invalid={problem ? true : undefined} data-testid={testId} />
      {problem ? <span className="pilot-settings-problem">{problem}</span> : hint && <span className="field-hint">{hint}</span>}
    </div>
  )
}
