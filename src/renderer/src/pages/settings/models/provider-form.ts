import { ModelProviderSchema, ProviderIdSchema, type ModelProvider, type ProviderCapabilities, type ProviderKind } from '../../../../../shared/domain/agents/model'
import { parseDecimal } from '../../../trading/ticket-form'

// The add / edit provider form: text fields until submitted, then a
// ModelProvider as the contract takes it. The timeout is typed in seconds
// (what people think in) and sent in milliseconds.

export interface ProviderForm {
  id: string
  name: string
  kind: ProviderKind
  baseUrl: string
  /** Comma- or newline-separated model names. */
  models: string
  capabilities: ProviderCapabilities
  timeoutSeconds: string
  maxRetries: string
}

export type ProviderField = 'id' | 'name' | 'baseUrl' | 'models' | 'timeoutSeconds' | 'maxRetries'
const FIELDS: readonly ProviderField[] = ['id', 'name', 'baseUrl', 'models', 'timeoutSeconds', 'maxRetries']
export type ProviderProblem = 'required' | 'idRule' | 'idTaken' | 'url' | 'tooMany' | 'modelName' | 'timeout' | 'retries'

export const NO_CAPABILITIES: ProviderCapabilities = { jsonSchema: false, jsonObject: false, tools: false, reasoning: false }
export const CAPABILITY_KEYS: readonly (keyof ProviderCapabilities)[] = ['jsonSchema', 'jsonObject', 'tools', 'reasoning']

export const EMPTY_PROVIDER_FORM: ProviderForm = {
  id: '',
  name: '',
  kind: 'openai-compatible',
  baseUrl: '',
  models: '',
  capabilities: { ...NO_CAPABILITIES, jsonObject: true },
  timeoutSeconds: '60',
  maxRetries: '2',
}

/** Quick starts for common OpenAI-compatible servers; every field stays editable. */
export interface ProviderPreset {
  key: 'ollama' | 'lmstudio' | 'vllm' | 'openrouter'
  form: Pick<ProviderForm, 'id' | 'name' | 'baseUrl' | 'capabilities'>
}

export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  { key: 'ollama', form: { id: 'ollama', name: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', capabilities: { ...NO_CAPABILITIES, jsonObject: true, jsonSchema: true } } },
  { key: 'lmstudio', form: { id: 'lmstudio', name: 'LM Studio', baseUrl: 'http://127.0.0.1:1234/v1', capabilities: { ...NO_CAPABILITIES, jsonSchema: true } } },
  { key: 'vllm', form: { id: 'vllm', name: 'vLLM', baseUrl: 'http://127.0.0.1:8000/v1', capabilities: { ...NO_CAPABILITIES, jsonSchema: true, jsonObject: true, tools: true } } },
  { key: 'openrouter', form: { id: 'openrouter', name: 'OpenRouter', baseUrl: 'https://openrouter.ai/api/v1', capabilities: { ...NO_CAPABILITIES, jsonObject: true, jsonSchema: true, tools: true } } },
]

export function formFromProvider(p: ModelProvider): ProviderForm {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    baseUrl: p.baseUrl ?? '',
    models: p.models.join(', '),
    capabilities: { ...p.capabilities },
    timeoutSeconds: String(p.timeoutMs / 1000),
    maxRetries: String(p.maxRetries),
  }
}

export const splitModels = (text: string): string[] => [...new Set(text.split(/[,\n]/).map((m) => m.trim()).filter(Boolean))]

export interface BuiltProvider {
  provider: ModelProvider | null
  problems: Partial<Record<ProviderField, ProviderProblem>>
}

/** `takenIds` are the ids of other providers: a new one must not reuse them (that would overwrite). */
export function providerFromForm(form: ProviderForm, takenIds: readonly string[] = []): BuiltProvider {
  const problems: BuiltProvider['problems'] = {}
  if (form.id === '') problems.id = 'required'
  else if (!ProviderIdSchema.safeParse(form.id).success) problems.id = 'idRule'
  else if (takenIds.includes(form.id)) problems.id = 'idTaken'
  const name = form.name.trim()
  if (name === '' || name.length > 80) problems.name = 'required'
  const needsUrl = form.kind !== 'rules'
  const baseUrl = form.baseUrl.trim()
  if (needsUrl && !isHttpUrl(baseUrl)) problems.baseUrl = baseUrl === '' ? 'required' : 'url'
  const models = splitModels(form.models)
  if (models.length > 50) problems.models = 'tooMany'
  else if (models.some((m) => m.length > 120)) problems.models = 'modelName'
  const seconds = parseDecimal(form.timeoutSeconds)
  const timeoutMs = seconds === null || Number.isNaN(seconds) ? NaN : Math.round(seconds * 1000)
  if (!(timeoutMs >= 1000 && timeoutMs <= 600_000)) problems.timeoutSeconds = 'timeout'
  const retries = parseDecimal(form.maxRetries)
  if (retries === null || !Number.isInteger(retries) || retries < 0 || retries > 5) problems.maxRetries = 'retries'
  if (Object.keys(problems).length > 0) return { provider: null, problems }
  const parsed = ModelProviderSchema.safeParse({
    id: form.id,
    kind: form.kind,
    name,
    baseUrl: needsUrl ? baseUrl : null,
    models,
    capabilities: form.capabilities,
    timeoutMs,
    maxRetries: retries,
  })
  // The checks above mirror the schema; should they drift, the schema's verdict wins and names the field.
  if (!parsed.success) {
    const path = String(parsed.error.issues[0]?.path[0] ?? '')
    const field: ProviderField = path === 'timeoutMs' ? 'timeoutSeconds' : (FIELDS.find((f) => f === path) ?? 'name')
    return { provider: null, problems: { [field]: field === 'baseUrl' ? 'url' : 'required' } }
  }
  return { provider: parsed.data, problems }
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}
