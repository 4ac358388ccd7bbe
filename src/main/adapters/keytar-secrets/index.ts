export { createKeytarSecretStore, KEYCHAIN_SERVICE, loadKeytar, type KeytarLoader, type KeytarModule, type KeytarSecretStoreOptions } from './keytar-secret-store'
export { KeychainUnavailableError, type KeychainProblem } from './keychain-problem'
