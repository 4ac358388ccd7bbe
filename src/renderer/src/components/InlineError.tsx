import type { ContractError } from '../../../shared/contract/envelope'

/** A one-line error under a control: the kernel's message as sent, its code on hover. */
export function InlineError({ error, prefix, testId }: { error: ContractError; prefix?: string; testId?: string }): React.JSX.Element {
  return (
    <p className="inline-error" role="alert" title={error.code} data-testid={testId} data-code={error.code}>
      {prefix ? `${prefix}: ${error.message}` : error.message}
    </p>
  )
}
