import { HandlerError } from '../../../../shared/contract/envelope'
import type { PromptIssue } from '../../../../shared/domain/agents/prompt'

/**
 * Why a prompt command was refused, in the error's details. The contract's
 * error codes are transport-level, so every refusal here is `invalid_input`
 * and the reason says which kind it is (the UI switches on it).
 */
export type PromptRefusalReason = 'invalid_prompt' | 'unchanged' | 'no_such_version' | 'invalid_yaml'

export function invalidPrompt(role: string, issues: readonly PromptIssue[]): HandlerError {
  const first = issues[0]
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? 's' : ''})` : ''
  const summary = first ? `${first.field}: ${first.message}${more}` : 'it is invalid'
  return new HandlerError('invalid_input', `The ${role} prompt was not saved: ${summary}`, { reason: 'invalid_prompt', issues })
}

export function unchangedPrompt(role: string, version: number): HandlerError {
  return new HandlerError('invalid_input', `The ${role} prompt is identical to its current version ${version}; nothing was saved`, { reason: 'unchanged', version })
}

export function noSuchVersion(role: string, version: number, latest: number | null): HandlerError {
  const has = latest === null ? 'it has no versions yet' : `its versions are 1 to ${latest}`
  return new HandlerError('invalid_input', `The ${role} prompt has no version ${version}; ${has}`, { reason: 'no_such_version', version })
}

export function invalidYaml(message: string): HandlerError {
  return new HandlerError('invalid_input', message, { reason: 'invalid_yaml' })
}

export function refusalReason(error: unknown): PromptRefusalReason | null {
  if (!(error instanceof HandlerError)) return null
  const details = error.details
  if (typeof details !== 'object' || details === null || !('reason' in details)) return null
  const reason = (details as { reason: unknown }).reason
  return reason === 'invalid_prompt' || reason === 'unchanged' || reason === 'no_such_version' || reason === 'invalid_yaml' ? reason : null
}
