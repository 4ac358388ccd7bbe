import type { PromptContent } from '../../shared/domain/agents/prompt'

/**
 * The default prompts shipped under resources/prompts, and the YAML form
 * prompts are imported and exported in.
 */
export interface PromptCatalog {
  /** The shipped default of every role. */
  defaults(): PromptContent[]
  /** YAML of one or more prompts (a document with a `prompts` list). */
  toYaml(prompts: readonly PromptContent[]): string
  /** Parses YAML into unvalidated objects; the kernel validates them. Throws with a readable message on bad YAML. */
  fromYaml(text: string): unknown[]
}
