import { describe, expect, it } from 'vitest'
import { en } from '../../../src/renderer/src/i18n/en'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'

type Tree = { readonly [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

const variables = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort()

describe('translations', () => {
  const english = flatten(en)
  const chinese = flatten(zhCN)

  it('have the same keys in English and Simplified Chinese', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort())
  })

  it('leave no string empty and keep every interpolation variable', () => {
    for (const [key, text] of english) {
      const zh = chinese.get(key) ?? ''
      expect(text.trim(), key).not.toBe('')
      expect(zh.trim(), key).not.toBe('')
      expect(variables(zh), key).toEqual(variables(text))
    }
  })

  it('use the agreed trading vocabulary', () => {
    expect(zhCN.nav).toMatchObject({ monitor: '监控', chart: '图表', arena: '竞技场', feed: '决策流', prompts: '提示词工作室', backtest: '回测', settings: '设置' })
    expect(zhCN.mode.paper).toBe('模拟盘')
    expect(zhCN.mode.live).toBe('实盘')
  })
})
