import type { ContractError } from '../../../../shared/contract/envelope'

/** A kernel refusal under what it concerns: the translated sentence with the kernel's message in it, the code on hover. */
export function LoadError({ error, text, testId }: { error: ContractError; text: string; testId?: string }): React.JSX.Element {
  return (
    <p className="inline-error" role="alert" title={error.code} data-code={error.code} data-testid={testId}>
      {text}
    </p>
  )
}
