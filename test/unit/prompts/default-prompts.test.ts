import { cpSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createPromptCatalog } from '../../../src/main/adapters/prompt-files'
import { outputJsonSchema, validatePrompt } from '../../../src/main/core/agents/prompts'
import type { PromptContent } from '../../../src/shared/domain/agents/prompt'
import { ROLE_IDS, type RoleId } from '../../../src/shared/domain/agents/roles'
import { makeTempDir } from '../../support/temp-dir'
import { RESOURCES_DIR } from './support'

const defaults = createPromptCatalog(RESOURCES_DIR).defaults()
const byRole = (role: RoleId): PromptContent => {
  const prompt = defaults.find((p) => p.role === role)
  if (!prompt) throw new Error(`no default for ${role}`)
  return prompt
}
const allText = (prompt: PromptContent): string => Object.values(prompt.sections).join('\n')

describe('the shipped default prompts', () => {
  it('cover every role exactly once', () => {
    expect(defaults.map((p) => p.role).sort()).toEqual([...ROLE_IDS].sort())
  })

  it.each(ROLE_IDS)('%s validates cleanly against its own output schema', (role) => {
    expect(validatePrompt(byRole(role), outputJsonSchema(role))).toEqual([])
  })

  it.each(ROLE_IDS)('%s asks for one JSON object following {{output_schema}}', (role) => {
    const format = byRole(role).sections.outputFormat
    expect(format).toContain('{{output_schema}}')
    expect(format).toContain('Answer with one JSON object only')
  })

  it('give the trader its limits, contract sizing, no fund movements and a bias to hold', () => {
    const trader = byRole('trader')
    const constraints = trader.sections.constraints
    expect(constraints).toContain('{{limits}}')
    expect(constraints).toMatch(/contracts/)
    expect(constraints).toMatch(/never withdraw/i)
    expect(constraints).toMatch(/transfer/)
    expect(constraints).toMatch(/prefer hold/i)
    for (const variable of ['snapshot', 'account', 'limits', 'reports', 'debate']) expect(allText(trader)).toContain(`{{${variable}}}`)
    expect(trader.params.maxTokens).toBeGreaterThanOrEqual(256)
  })

  it('tell the news collector that news is untrusted data, never instructions, and that it cannot order', () => {
    const news = byRole('news_collector')
    const constraints = news.sections.constraints
    expect(allText(news)).toContain('{{news}}')
    expect(constraints).toMatch(/untrusted data/)
    expect(constraints).toMatch(/delimited block/)
    expect(constraints).toMatch(/never as instructions/)
    expect(constraints).toMatch(/cannot place[^.]*orders/)
  })

  it('give the risk officer the decision and the limits, and the debaters the reports', () => {
    expect(allText(byRole('risk_officer'))).toContain('{{decision}}')
    expect(allText(byRole('risk_officer'))).toContain('{{limits}}')
    expect(allText(byRole('bull_analyst'))).toContain('{{reports}}')
    expect(allText(byRole('bear_analyst'))).toContain('{{reports}}')
  })
})

describe('loading the defaults', () => {
  let dir: ReturnType<typeof makeTempDir> | null = null
  afterEach(() => dir?.remove())

  /** A copy of resources/ the test may break. */
  const copyResources = (): string => {
    dir = makeTempDir('prompt-defaults-')
    cpSync(join(RESOURCES_DIR, 'prompts'), join(dir.path, 'prompts'), { recursive: true })
    return dir.path
  }

  it('refuses to start with a default that does not validate, naming the file and the field', () => {
    const root = copyResources()
    const file = join(root, 'prompts', 'risk_officer.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace('temperature: 0.1', 'temperature: 7'))
    expect(() => createPromptCatalog(root)).toThrow(/risk_officer\.yaml is invalid: params\.temperature/)
  })

  it('refuses a default that is not YAML, with the line it breaks on', () => {
    const root = copyResources()
    writeFileSync(join(root, 'prompts', 'trader.yaml'), 'role: trader\ntags: [a, b\nsections: {}\n')
    expect(() => createPromptCatalog(root)).toThrow(/trader\.yaml is not valid YAML: .*line 3/)
  })

  it('refuses a default filed under another role, and a missing role', () => {
    const root = copyResources()
    const prompts = join(root, 'prompts')
    writeFileSync(join(prompts, 'trader.yaml'), readFileSync(join(prompts, 'risk_officer.yaml')))
    expect(() => createPromptCatalog(root)).toThrow(/trader\.yaml is for the risk_officer role/)
    unlinkSync(join(prompts, 'trader.yaml'))
    expect(() => createPromptCatalog(root)).toThrow(/no prompt for trader/)
  })

  it('refuses a folder that is not there', () => {
    expect(() => createPromptCatalog(join(RESOURCES_DIR, 'no-such-folder'))).toThrow(/cannot be read/)
  })

  it('hands out copies, so editing one changes no later caller', () => {
    const catalog = createPromptCatalog(RESOURCES_DIR)
    const first = catalog.defaults()
    const goal = first[0]!.sections.goal
    first[0]!.sections.goal = 'edited'
    expect(catalog.defaults()[0]!.sections.goal).toBe(goal)
  })
})
