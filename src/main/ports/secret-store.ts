/**
 * The OS keychain. Secrets go in through the main process and come out only
 * to adapters; they never reach the renderer, SQLite, logs or the audit log.
 */
export interface SecretStore {
  /** Whether secrets can be stored here, and if not, why (shown to the trader). */
  availability(): Promise<{ available: true } | { available: false; reason: string }>
  get(account: string): Promise<string | null>
  set(account: string, secret: string): Promise<void>
  delete(account: string): Promise<boolean>
}
