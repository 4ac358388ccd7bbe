import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../src/main/core/approval/canonical-json'

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":1}')
    expect(canonicalJson({ a: { c: null, d: [3, 1] }, b: 1 })).toBe(canonicalJson({ b: 1, a: { d: [3, 1], c: null } }))
  })

  it('escapes strings as JSON does, so no value can forge structure', () => {
    expect(canonicalJson({ 'a"b': 'x","y":"z' })).toBe('{"a\\"b":"x\\",\\"y\\":\\"z"}')
  })

  it('refuses what JSON would silently drop or change', () => {
    expect(() => canonicalJson({ a: undefined })).toThrow(TypeError)
    expect(() => canonicalJson(Number.NaN)).toThrow(/finite/)
    expect(() => canonicalJson(Infinity)).toThrow(/finite/)
    expect(() => canonicalJson(new Date(0))).toThrow(TypeError)
    expect(canonicalJson(-0)).toBe('0')
  })
})
