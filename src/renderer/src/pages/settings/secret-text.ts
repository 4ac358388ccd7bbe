// The one check of a secret typed into Settings (an exchange key, secret or
// passphrase; a model provider's API key): a single printable token within the
// contract's length bounds. It names the problem and never echoes the value.

const PRINTABLE = /^[\x21-\x7e]+$/

export type SecretProblem = 'required' | 'length' | 'characters'

export interface SecretBounds {
  min: number
  max: number
  /** An empty value is fine (a passphrase some venues do not use). */
  optional?: boolean
}

export function secretTextProblem(value: string, { min, max, optional = false }: SecretBounds): SecretProblem | null {
  if (value === '') return optional ? null : 'required'
  if (value.length < min || value.length > max) return 'length'
  if (!PRINTABLE.test(value)) return 'characters'
  return null
}
