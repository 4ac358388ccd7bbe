import type { ModelProvider } from '../../../shared/domain/agents/model'
import { providerNeedsKey } from '../../../shared/domain/agents/provider-presets'
import { ModelError, modelKeySecretName } from '../../ports/model-client'
import type { SecretStore } from '../../ports/secret-store'

/** Local servers (Ollama, LM Studio) ignore the key, but the SDK and some servers insist on a non-empty one. */
export const PLACEHOLDER_KEY = 'no-key-needed'

/**
 * The key for one call: the candidate being tested, else the keychain's.
 * A provider that needs a key and has none fails here, before any request
 * leaves the machine.
 */
export async function resolveApiKey(provider: ModelProvider, secrets: SecretStore | undefined, candidate?: string): Promise<string> {
  if (candidate !== undefined && candidate !== '') return candidate
  const needsKey = providerNeedsKey(provider)
  let stored: string | null = null
  if (secrets) {
    try {
      stored = await secrets.get(modelKeySecretName(provider.id))
    } catch (error) {
      // A locked or missing keychain: a local server can still be called without it.
      if (needsKey) throw new ModelError('no_key', `${provider.id}: the keychain could not be read (${error instanceof Error ? error.message : String(error)})`)
    }
  }
  if (stored) return stored
  if (needsKey) {
    const where = secrets ? 'no API key is stored for it' : 'no keychain is available on this machine'
    throw new ModelError('no_key', `${provider.id}: ${where}; add one in Settings → Models`)
  }
  return PLACEHOLDER_KEY
}
