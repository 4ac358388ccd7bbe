import type { PromptContent } from '../../../../shared/domain/agents/prompt'
import type { Sha256Hex } from '../../../ports/hasher'
import { canonicalJson } from '../../approval/canonical-json'

/**
 * The identity of a prompt's content: SHA-256 of its canonical JSON (keys
 * sorted). Only the content counts, so a version and its rollback, or an
 * export and its import, hash the same whatever their version metadata.
 */
export function hashPrompt(content: PromptContent, sha256: Sha256Hex): string {
  const { role, tags, sections, params } = content
  // Field by field, so extra keys on what is passed (a whole PromptVersion, say) never change the hash.
  return sha256(
    canonicalJson({
      role,
      tags: [...tags],
      sections: { background: sections.background, goal: sections.goal, constraints: sections.constraints, outputFormat: sections.outputFormat },
      params: { temperature: params.temperature, maxTokens: params.maxTokens, topP: params.topP },
    }),
  )
}
