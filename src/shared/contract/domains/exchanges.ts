import { z } from 'zod'
import { AccountIdSchema } from '../../domain/account'
import { command } from '../define'

/** What the app knows about an account's key; secrets never cross this boundary. */
export const KeyStatusSchema = z.strictObject({
  accountId: AccountIdSchema,
  keychainAvailable: z.boolean(),
  /** Why keys cannot be stored here, when they cannot. */
  keychainProblem: z.string().nullable(),
  stored: z.boolean(),
  /** Last four characters of the API key, to tell keys apart. */
  keyHint: z.string().nullable(),
  verifiedAt: z.number().int().nullable(),
  warnings: z.array(z.string()),
})
export type KeyStatus = z.infer<typeof KeyStatusSchema>

const secretText = z.string().min(4).max(256).regex(/^[\x21-\x7e]+$/, 'expected printable characters without spaces')

export const exchangeCommands = {
  'exchanges.keyStatus': command({ summary: "An account's key status, without the key", input: z.strictObject({ accountId: AccountIdSchema }), output: KeyStatusSchema }),
  'exchanges.saveKey': command({
    summary: 'Stores a key in the OS keychain after a read-only test call; a risky action',
    input: z.strictObject({ accountId: AccountIdSchema, apiKey: secretText, secret: secretText, passphrase: secretText.optional(), confirmed: z.boolean() }),
    output: KeyStatusSchema,
  }),
  'exchanges.deleteKey': command({ summary: "Removes an account's key from the keychain", input: z.strictObject({ accountId: AccountIdSchema }), output: KeyStatusSchema }),
} as const
