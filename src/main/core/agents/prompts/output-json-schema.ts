import { z } from 'zod'
import { ROLE_OUTPUT_SCHEMAS } from '../../../../shared/domain/agents/role-outputs'
import type { RoleId } from '../../../../shared/domain/agents/roles'

export type JsonSchema = Record<string, unknown>

const cache = new Map<RoleId, JsonSchema>()

/**
 * The JSON Schema of a role's answer, generated from its zod schema and
 * shaped for OpenAI's strict structured output: every object closed and
 * every property required. Keywords strict mode refuses (string lengths) move
 * into the description, so a model still reads them; the zod parse enforces
 * them either way. Built once per role: the schemas are constants.
 */
export function outputJsonSchema(role: RoleId): JsonSchema {
  let schema = cache.get(role)
  if (!schema) {
    const generated = z.toJSONSchema(ROLE_OUTPUT_SCHEMAS[role], { target: 'draft-2020-12', io: 'output' }) as JsonSchema
    const { $schema: _dialect, ...body } = generated
    schema = deepFreeze(toStrict(body, role))
    cache.set(role, schema)
  }
  return schema
}

// Strict mode errors on these string keywords; they are spelled out in the description instead.
const STRING_LENGTH_KEYWORDS = ['minLength', 'maxLength'] as const

function toStrict(node: JsonSchema, path: string): JsonSchema {
  const out: JsonSchema = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, isObject(child) ? toStrict(child, `${path}.${name}`) : child]))
    } else if ((key === 'items' || key === 'additionalProperties') && isObject(value)) {
      out[key] = toStrict(value, `${path}[]`)
    } else if ((key === 'anyOf' || key === 'oneOf' || key === 'allOf') && Array.isArray(value)) {
      out[key] = value.map((child: unknown) => (isObject(child) ? toStrict(child, path) : child))
    } else if (!(STRING_LENGTH_KEYWORDS as readonly string[]).includes(key)) {
      out[key] = value
    }
  }
  const lengthNote = describeLength(node)
  if (lengthNote) out['description'] = typeof node['description'] === 'string' ? `${node['description']} (${lengthNote})` : lengthNote
  if (node['type'] === 'object' && isObject(node['properties'])) {
    const names = Object.keys(node['properties'])
    const required = Array.isArray(node['required']) ? (node['required'] as string[]) : []
    const optional = names.filter((name) => !required.includes(name))
    // An optional field cannot be expressed in strict mode without changing what the parser accepts: fix the zod schema instead.
    if (optional.length > 0) throw new Error(`The output schema at ${path} has optional properties (${optional.join(', ')}); strict structured output needs every property required (use nullable)`)
    out['required'] = names
    out['additionalProperties'] = false
  }
  return out
}

function describeLength(node: JsonSchema): string | null {
  const min = typeof node['minLength'] === 'number' ? node['minLength'] : null
  const max = typeof node['maxLength'] === 'number' ? node['maxLength'] : null
  if (min !== null && max !== null) return `${min} to ${max} characters`
  if (max !== null) return `at most ${max} characters`
  if (min !== null) return `at least ${min} characters`
  return null
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// The cached schema is shared by every caller; freezing stops one of them editing it for all.
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}
