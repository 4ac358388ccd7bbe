import { useId } from 'react'
import { stepText } from '../../../trading/ticket-form'

interface NumberFieldProps {
  label: string
  value: string
  onChange(value: string): void
  /** Arrow up/down move the value by this step (a tick for prices, a lot step for sizes). */
  step?: number
  unit?: string
  placeholder?: string
  problem?: string | null
  disabled?: boolean
  /** Label beside the input instead of above it: the ticket's main fields, to keep it short. */
  inline?: boolean
  testId: string
}

/**
 * A text box for a number: it keeps what was typed (so "0." can be finished),
 * steps with the arrow keys, and shows its unit and problem inline.
 */
export function NumberField({ label, value, onChange, step, unit, placeholder, problem, disabled, inline, testId }: NumberFieldProps): React.JSX.Element {
  const id = useId()
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    if (!step || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return
    event.preventDefault()
    onChange(stepText(value, step, (event.key === 'ArrowUp' ? 1 : -1) * (event.shiftKey ? 10 : 1)))
  }
  return (
    <div className={`tk-field${inline ? ' tk-inline' : ''}${problem ? ' has-problem' : ''}`}>
      <label className="tk-label" htmlFor={id}>
        {label}
      </label>
      <div className="tk-input-wrap">
        <input
          id={id}
          className="tk-input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={value}
          placeholder={placeholder}
          disabled={disabled}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onKeyDown}
          data-testid={testId}
        />
        {unit && <span className="tk-unit">{unit}</span>}
      </div>
      {problem && (
        <p className="tk-problem" id={`${id}-problem`} data-testid={`${testId}-problem`}>
          {problem}
        </p>
      )}
    </div>
  )
}
