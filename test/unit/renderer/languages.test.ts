import { describe, expect, it } from 'vitest'
import { resolveLanguage, systemLanguage } from '../../../src/renderer/src/i18n/languages'

describe('UI language', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['ZH-hans-cn', 'zh-CN'],
    ['en-US', 'en'],
    ['de-DE', 'en'],
    ['zu', 'en'], // starts with "z", is not Chinese
    [undefined, 'en'],
  ] as const)('maps the system tag %j to %s', (tag, expected) => {
    expect(systemLanguage(tag)).toBe(expected)
  })

  it('follows the system only while the setting is null', () => {
    expect(resolveLanguage(null, 'zh-CN')).toBe('zh-CN')
    expect(resolveLanguage('en', 'zh-CN')).toBe('en')
    expect(resolveLanguage('zh-CN', 'en-US')).toBe('zh-CN')
  })
})
