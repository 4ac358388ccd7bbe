import { secretTextProblem, type SecretProblem } from '../secret-text'

// What models.saveKey accepts for an API key (8 to 400 characters), checked
// before anything is sent and reported without ever echoing the value.
// Provider keys are single tokens ("sk-…", "or-…"): printable, no spaces.

export const MIN_KEY_LENGTH = 8
export const MAX_KEY_LENGTH = 400

export type ModelKeyProblem = SecretProblem

export function modelKeyProblem(value: string): ModelKeyProblem | null {
  return secretTextProblem(value, { min: MIN_KEY_LENGTH, max: MAX_KEY_LENGTH })
}
