import { useId, type RefObject } from 'react'

interface SecretFieldProps {
  label: string
  /** The form reads the value through this ref once, at submit: it is never React state. */
  inputRef: RefObject<HTMLInputElement | null>
  /** Why the last check refused the value, already translated; null when it passed. */
  problem: string | null
  disabled: boolean
  placeholder?: string
  testId: string
}

/**
 * One secret (an exchange key, secret or passphrase; a model provider's API
 * key) in an uncontrolled password input, with nothing that would keep or
 * suggest the value: no autocomplete, spell check or capitalisation.
 */
export function SecretField({ label, inputRef, problem, disabled, placeholder, testId }: SecretFieldProps): React.JSX.Element {
  const id = useId()
  return (
    <div className="key-field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        className="input"
        type="password"
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="off"
        placeholder={placeholder}
        disabled={disabled}
        aria-invalid={problem ? true : undefined}
        data-testid={testId}
      />
      {problem && <span className="risk-issue">{problem}</span>}
    </div>
  )
}

/** Reads a secret and empties its input at once, so the value is out of the DOM before any call, whatever its outcome. */
export function takeSecret(input: HTMLInputElement): string {
  const value = input.value
  input.value = ''
  return value
}
