import { createHash } from 'node:crypto'
import OpenAI from 'openai'

interface CachedClient {
  fingerprint: string
  client: OpenAI
}

/**
 * One SDK client per provider, kept while its base URL and key stay the
 * same and rebuilt when either changes (the user edited the provider or
 * saved a new key). The fingerprint holds a hash of the key, never the key.
 */
export class OpenAiClientCache {
  private readonly clients = new Map<string, CachedClient>()

  get(providerId: string, baseUrl: string, apiKey: string): OpenAI {
    const fingerprint = `${baseUrl}\n${createHash('sha256').update(apiKey).digest('hex')}`
    const cached = this.clients.get(providerId)
    if (cached?.fingerprint === fingerprint) return cached.client
    const client = new OpenAI({
      apiKey,
      baseURL: baseUrl,
      // Our own loop retries, and only what is worth retrying; the SDK's would retry behind its back.
      maxRetries: 0,
      // Explicit nulls: otherwise the SDK picks OPENAI_ORG_ID / OPENAI_PROJECT_ID from the environment and sends them to any vendor.
      organization: null,
      project: null,
      // The SDK logs to the console by default; failures reach our logger, redacted, through ModelError instead.
      logLevel: 'off',
    })
    this.clients.set(providerId, { fingerprint, client })
    return client
  }

  forget(providerId: string): void {
    this.clients.delete(providerId)
  }

  get size(): number {
    return this.clients.size
  }
}
