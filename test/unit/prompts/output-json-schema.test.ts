import { describe, expect, it } from 'vitest'
import { outputJsonSchema, type JsonSchema } from '../../../src/main/core/agents/prompts'
import { ROLE_OUTPUT_SCHEMAS } from '../../../src/shared/domain/agents/role-outputs'
import { ROLE_IDS } from '../../../src/shared/domain/agents/roles'

/** Every schema node (objects, array items, anyOf branches), with its path. */
function nodes(schema: unknown, path = '$'): { path: string; node: JsonSchema }[] {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return []
  const node = schema as JsonSchema
  const found = [{ path, node }]
  const properties = (node['properties'] ?? {}) as Record<string, unknown>
  for (const [name, child] of Object.entries(properties)) found.push(...nodes(child, `${path}.${name}`))
  if (node['items']) found.push(...nodes(node['items'], `${path}[]`))
  for (const branch of (node['anyOf'] ?? []) as unknown[]) found.push(...nodes(branch, path))
  return found
}

describe('outputJsonSchema', () => {
  it.each(ROLE_IDS)('%s: is usable as an OpenAI strict schema (closed objects, every property required, no string lengths)', (role) => {
    const schema = outputJsonSchema(role)
    expect(schema['type']).toBe('object')
    expect(schema).not.toHaveProperty('$schema')
    const all = nodes(schema)
    const objects = all.filter(({ node }) => node['type'] === 'object')
    expect(objects.length).toBeGreaterThan(0)
    for (const { path, node } of objects) {
      expect(node['additionalProperties'], path).toBe(false)
      expect([...(node['required'] as string[])].sort(), path).toEqual(Object.keys(node['properties'] as object).sort())
    }
    for (const { path, node } of all) {
      expect(node, path).not.toHaveProperty('minLength')
      expect(node, path).not.toHaveProperty('maxLength')
    }
  })

  it('keeps the string bounds as descriptions and the numeric bounds as keywords', () => {
    const trader = outputJsonSchema('trader') as { properties: Record<string, JsonSchema> }
    expect(trader.properties['rationale']).toEqual({ type: 'string', description: 'at most 2000 characters' })
    expect(trader.properties['ttlSeconds']).toMatchObject({ type: 'integer', minimum: 1, maximum: 86_400 })
    expect(trader.properties['orders']).toMatchObject({ type: 'array', maxItems: 4 })
    const order = (trader.properties['orders'] as { items: { properties: Record<string, JsonSchema> } }).items
    expect(order.properties['price']).toEqual({ anyOf: [{ type: 'number', exclusiveMinimum: 0 }, { type: 'null' }] })
  })

  it('names the same top-level fields as the zod schema it is generated from', () => {
    for (const role of ROLE_IDS) {
      expect(Object.keys(outputJsonSchema(role)['properties'] as object)).toEqual(Object.keys(ROLE_OUTPUT_SCHEMAS[role].shape))
    }
  })

  it('is built once per role and cannot be edited by a caller', () => {
    const schema = outputJsonSchema('risk_officer')
    expect(outputJsonSchema('risk_officer')).toBe(schema)
    expect(() => {
      ;(schema as Record<string, unknown>)['additionalProperties'] = true
    }).toThrow(TypeError)
  })
})
