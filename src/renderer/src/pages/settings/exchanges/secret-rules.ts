import { secretTextProblem, type SecretProblem } from '../secret-text'

// What the contract accepts for a key, a secret or a passphrase
// (contract/domains/exchanges.ts): checked before anything is sent, and
// reported without ever echoing the value.

export type { SecretProblem }

export function secretProblem(value: string, optional = false): SecretProblem | null {
  return secretTextProblem(value, { min: 4, max: 256, optional })
}

/** "****abcd": enough to tell keys apart, as the kernel's key status shows it. */
export function keyHint(apiKey: string): string {
  return `****${apiKey.slice(-4)}`
}
