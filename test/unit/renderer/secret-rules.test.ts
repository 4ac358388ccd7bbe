import { describe, expect, it } from 'vitest'
import { keyHint, secretProblem } from '../../../src/renderer/src/pages/settings/exchanges/secret-rules'
import { hrefFor, sectionFromHash } from '../../../src/renderer/src/navigation/routes'

describe('exchange key rules', () => {
  it('accept what the contract accepts and say why not otherwise', () => {
    expect(secretProblem('abcd1234')).toBeNull()
    expect(secretProblem('')).toBe('required')
    expect(secretProblem('', true)).toBeNull()
    expect(secretProblem('abc')).toBe('length')
    expect(secretProblem('a'.repeat(257))).toBe('length')
    expect(secretProblem('abc def')).toBe('characters')
    expect(secretProblem('abcdé')).toBe('characters')
  })

  it('hint a key by its last four characters only', () => {
    expect(keyHint('ak-1234567890abcd')).toBe('****abcd')
  })
})

describe('page sections', () => {
  it('read the tab after the page id', () => {
    expect(sectionFromHash(hrefFor('settings', 'exchanges'))).toBe('exchanges')
    expect(sectionFromHash('#/settings')).toBeNull()
    expect(sectionFromHash('#/settings/exchanges?x=1')).toBe('exchanges')
    expect(sectionFromHash('#/settings/__proto__')).toBeNull()
  })
})
