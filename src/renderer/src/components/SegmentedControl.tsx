interface Option<T extends string> {
  value: T
  label: string
  /** Extra class for the pressed state, e.g. the buy green or sell red. */
  tone?: string
}

interface SegmentedControlProps<T extends string> {
  label: string
  value: T
  options: readonly Option<T>[]
  onChange(value: T): void
  disabled?: boolean
  testId?: string
  className?: string
}

/** A row of toggle buttons for a small closed choice (buy/sell, market/limit): one click, state always visible. */
export function SegmentedControl<T extends string>({ label, value, options, onChange, disabled, testId, className }: SegmentedControlProps<T>): React.JSX.Element {
  return (
    <div className={className ? `segmented ${className}` : 'segmented'} role="group" aria-label={label} data-testid={testId}>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          className={option.tone && option.value === value ? `segment ${option.tone}` : 'segment'}
          aria-pressed={option.value === value}
          disabled={disabled}
          onClick={() => onChange(option.value)}
          data-value={option.value}
        >
          {option.label}
        </button>
      ))}
    </div>
  )
}
