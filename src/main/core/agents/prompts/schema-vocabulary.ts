import type { JsonSchema } from './output-json-schema'

/** The words an output format may quote about a schema: its keys and the values of its enums. */
export interface SchemaVocabulary {
  /** Top-level property names, in schema order. */
  topLevel: string[]
  /** Top-level properties the answer must carry. */
  required: string[]
  /** Every property name at any depth, every enum or const string value. */
  words: Set<string>
}

export function schemaVocabulary(schema: JsonSchema): SchemaVocabulary {
  const words = new Set<string>()
  collect(schema, words)
  const properties = isObject(schema['properties']) ? Object.keys(schema['properties']) : []
  const required = Array.isArray(schema['required']) ? schema['required'].filter((name): name is string => typeof name === 'string') : []
  return { topLevel: properties, required, words }
}

function collect(node: unknown, words: Set<string>): void {
  if (Array.isArray(node)) {
    for (const child of node) collect(child, words)
    return
  }
  if (!isObject(node)) return
  if (isObject(node['properties'])) for (const name of Object.keys(node['properties'])) words.add(name)
  if (Array.isArray(node['enum'])) for (const value of node['enum']) if (typeof value === 'string') words.add(value)
  if (typeof node['const'] === 'string') words.add(node['const'])
  for (const [key, child] of Object.entries(node)) if (key !== 'enum' && key !== 'const') collect(child, words)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
