import { describe, expect, it } from 'vitest'
import { hashPrompt } from '../../../src/main/core/agents/prompts'
import type { PromptContent } from '../../../src/shared/domain/agents/prompt'
import { sha256 } from './support'

const content: PromptContent = {
  role: 'data_analyst',
  tags: ['data'],
  sections: { background: 'b', goal: 'g', constraints: 'c', outputFormat: '{{output_schema}}' },
  params: { temperature: 0.2, maxTokens: 900, topP: 0.9 },
}

describe('hashPrompt', () => {
  it('depends on the content, not on key order or version metadata', () => {
    const reordered: PromptContent = { params: { topP: 0.9, maxTokens: 900, temperature: 0.2 }, sections: { outputFormat: '{{output_schema}}', constraints: 'c', goal: 'g', background: 'b' }, tags: ['data'], role: 'data_analyst' }
    const asVersion = { ...content, version: 7, author: 'x', note: 'y', createdAt: 1, hash: 'f'.repeat(64), rollbackOf: 2 }
    const hash = hashPrompt(content, sha256)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hashPrompt(reordered, sha256)).toBe(hash)
    expect(hashPrompt(asVersion, sha256)).toBe(hash)
  })

  it('changes with any field of the content', () => {
    const hash = hashPrompt(content, sha256)
    expect(hashPrompt({ ...content, tags: ['data', 'x'] }, sha256)).not.toBe(hash)
    expect(hashPrompt({ ...content, sections: { ...content.sections, goal: 'g ' } }, sha256)).not.toBe(hash)
    expect(hashPrompt({ ...content, params: { ...content.params, topP: 0.91 } }, sha256)).not.toBe(hash)
    expect(hashPrompt({ ...content, role: 'macro_trader' }, sha256)).not.toBe(hash)
  })
})
