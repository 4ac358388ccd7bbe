/** Why the OS keychain cannot be used, in a form the UI can show as is. */
export type KeychainProblem = 'module' | 'no_dbus' | 'no_service' | 'locked' | 'timeout' | 'other'

export class KeychainUnavailableError extends Error {
  override readonly name = 'KeychainUnavailableError'
  constructor(
    readonly problem: KeychainProblem,
    message: string,
  ) {
    super(message)
  }
}

const CONSEQUENCE = 'Exchange API keys cannot be stored until this is fixed; paper trading is unaffected.'

/**
 * Sorts libsecret's and the loader's messages into problems a trader can act
 * on. The messages matched are the ones seen on Linux (see the tests); the
 * raw text, scrubbed, is kept at the end for anything not recognised.
 */
export function classifyKeychainError(error: unknown, secret?: string): KeychainUnavailableError {
  const raw = scrub(error instanceof Error ? error.message : String(error), secret)
  if (/autolaunch D-Bus|Failed to connect to socket|Could not connect|DBUS_SESSION_BUS_ADDRESS|Unable to autolaunch|dbus-launch/i.test(raw)) {
    return problem('no_dbus', 'No D-Bus session, so the OS keychain (Secret Service) cannot be reached. Start the workstation in a desktop session, or under dbus-run-session with an unlocked gnome-keyring.')
  }
  if (/org\.freedesktop\.secrets was not provided|ServiceUnknown|not provided by any \.service files/i.test(raw)) {
    return problem('no_service', 'No Secret Service (GNOME Keyring, KWallet, KeePassXC…) is running in this D-Bus session.')
  }
  if (/locked collection|is locked|Object does not exist at path .?\/org\/freedesktop\/secrets\/collection/i.test(raw)) {
    return problem('locked', 'The OS keyring is locked, or has no default collection. Unlock it (for example by logging in to the desktop) and try again.')
  }
  return problem('other', `The OS keychain refused the request: ${raw}`)
}

export function moduleLoadProblem(error: unknown): KeychainUnavailableError {
  const raw = scrub(error instanceof Error ? error.message : String(error))
  return problem('module', `The OS keychain module (keytar) failed to load: ${raw}`)
}

export function timeoutProblem(ms: number): KeychainUnavailableError {
  return problem('timeout', `The OS keychain did not answer within ${Math.round(ms / 1000)} s; it may be waiting for you to unlock it.`)
}

function problem(kind: KeychainProblem, text: string): KeychainUnavailableError {
  return new KeychainUnavailableError(kind, `${text} ${CONSEQUENCE}`)
}

// Keychain messages should never hold the secret, but this text reaches the UI and logs: make sure.
// (The redactor lives in the logging adapter, which this adapter may not import; the logger
// applies it to everything logged.)
function scrub(message: string, secret?: string): string {
  const withoutSecret = secret ? message.split(secret).join('[REDACTED]') : message
  return withoutSecret.slice(0, 300)
}
