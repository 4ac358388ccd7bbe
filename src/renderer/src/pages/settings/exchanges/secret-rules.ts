// What the contract accepts for a key, a secret or a passphrase
// (contract/domains/exchanges.ts): checked before anything is sent, and
// reported without ever echoing the value.

const PRINTABLE = /^[\x21-\x7e]+$/

export type SecretProblem = 'required' | 'length' | 'characters'

export function secretProblem(value: string, optional = false): SecretProblem | null {
  if (value === '') return optional ? null : 'required'
  if (value.length < 4 || value.length > 256) return 'length'
  if (!PRINTABLE.test(value)) return 'characters'
  return null
}

/** "****abcd": enough to tell keys apart, as the kernel's key status shows it. */
export function keyHint(apiKey: string): string {
  return `****${apiKey.slice(-4)}`
}
