export { createOpenAiModelClient, type OpenAiModelClient, type OpenAiModelClientDeps, type TestModelOptions } from './openai-model-client'
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './backoff'
export { PLACEHOLDER_KEY } from './api-key'
