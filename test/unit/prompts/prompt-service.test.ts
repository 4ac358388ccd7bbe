import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hashPrompt } from '../../../src/main/core/agents/prompts'
import { HandlerError } from '../../../src/shared/contract/envelope'
import type { PromptContent } from '../../../src/shared/domain/agents/prompt'
import { ROLE_IDS } from '../../../src/shared/domain/agents/roles'
import { createServiceHarness, sha256, type ServiceHarness } from './support'

/** The error a call throws, for assertions on its code and details. */
function refusal(call: () => unknown): HandlerError {
  try {
    call()
  } catch (error) {
    if (error instanceof HandlerError) return error
    throw error
  }
  throw new Error('expected the call to be refused')
}

const reasonOf = (error: HandlerError): unknown => (error.details as { reason?: unknown }).reason

describe('the prompt service', () => {
  let h: ServiceHarness
  beforeEach(() => {
    h = createServiceHarness()
  })
  afterEach(() => h.close())

  const edited = (goal: string): PromptContent => {
    const current = h.service.current('trader')
    return { role: 'trader', tags: current.tags, sections: { ...current.sections, goal }, params: current.params }
  }

  it('seeds version 1 of every role from the defaults, once', () => {
    const seeded = h.service.seedDefaults()
    expect(seeded.map((v) => v.role)).toEqual([...ROLE_IDS])
    for (const version of seeded) expect(version).toMatchObject({ version: 1, author: 'system', note: 'default', rollbackOf: null, hash: hashPrompt(version, sha256) })
    expect(h.service.seedDefaults()).toEqual([])
    expect(h.repository.appended).toBe(ROLE_IDS.length)
    expect(h.service.list().map((s) => [s.role, s.version, s.versions])).toEqual(ROLE_IDS.map((role) => [role, 1, 1]))
  })

  it('gives a never-seeded role its default on first use', () => {
    expect(h.service.current('risk_officer')).toMatchObject({ role: 'risk_officer', version: 1, author: 'system' })
    expect(h.service.list().map((s) => s.role)).toEqual(['risk_officer'])
  })

  it('uses a saved version on the very next read (hot reload), and announces it', () => {
    h.service.seedDefaults()
    h.clock.advance(5_000)
    const saved = h.service.save(edited('Decide from {{snapshot}} only.'), 'tighter goal', 'alice')
    expect(saved).toMatchObject({ version: 2, author: 'alice', note: 'tighter goal', createdAt: h.clock.now(), rollbackOf: null })
    expect(h.service.current('trader')).toEqual(saved)
    expect(h.service.current('trader').sections.goal).toBe('Decide from {{snapshot}} only.')
    expect(h.published.at(-1)).toEqual(saved)
    expect(h.service.history('trader').map((v) => v.version)).toEqual([1, 2])
    expect(h.service.list().find((s) => s.role === 'trader')).toEqual({ role: 'trader', tags: saved.tags, version: 2, updatedAt: saved.createdAt, author: 'alice', versions: 2 })
  })

  it('refuses to save a prompt identical to the current version', () => {
    h.service.seedDefaults()
    const current = h.service.current('trader')
    const error = refusal(() => h.service.save({ role: 'trader', tags: current.tags, sections: current.sections, params: current.params }, 'again', 'bob'))
    expect(error.code).toBe('invalid_input')
    expect(reasonOf(error)).toBe('unchanged')
    expect(error.message).toMatch(/identical to its current version 1/)
    expect(h.service.history('trader')).toHaveLength(1)
  })

  it('refuses an invalid prompt with its issues, and saves nothing', () => {
    h.service.seedDefaults()
    const before = h.repository.appended
    const error = refusal(() => h.service.save(edited('Use {{orderbook}}.'), 'typo', 'bob'))
    expect(error.code).toBe('invalid_input')
    expect(reasonOf(error)).toBe('invalid_prompt')
    expect((error.details as { issues: { code: string }[] }).issues.map((i) => i.code)).toEqual(['unknown_variable'])
    expect(error.message).toMatch(/sections\.goal: Unknown variable \{\{orderbook\}\}/)
    expect(h.repository.appended).toBe(before)
    expect(h.published).toHaveLength(ROLE_IDS.length)
  })

  it('refuses metadata the contract could not carry', () => {
    h.service.seedDefaults()
    const error = refusal(() => h.service.save(edited('Decide.'), 'x'.repeat(501), 'bob'))
    expect(reasonOf(error)).toBe('invalid_prompt')
    expect(error.message).toMatch(/note/)
  })

  it('rolls back by appending the old content as a new version', () => {
    h.service.seedDefaults()
    const original = h.service.current('trader')
    h.service.save(edited('Second goal.'), 'v2', 'alice')
    h.service.save(edited('Third goal.'), 'v3', 'alice')
    const back = h.service.rollback('trader', 1, '')
    expect(back).toMatchObject({ version: 4, rollbackOf: 1, note: 'Rollback to version 1', hash: original.hash, sections: original.sections, params: original.params })
    expect(h.service.current('trader')).toEqual(back)
    expect(h.published.at(-1)).toEqual(back)
  })

  it('refuses a rollback to the current content or to a missing version', () => {
    h.service.seedDefaults()
    h.service.save(edited('Second goal.'), 'v2', 'alice')
    expect(reasonOf(refusal(() => h.service.rollback('trader', 2, 'no-op')))).toBe('unchanged')
    const missing = refusal(() => h.service.rollback('trader', 9, 'nope'))
    expect(reasonOf(missing)).toBe('no_such_version')
    expect(missing.message).toMatch(/has no version 9; its versions are 1 to 2/)
    h.service.rollback('trader', 1, 'undo')
    // Version 3 now equals version 1: rolling back to 1 again would change nothing.
    expect(reasonOf(refusal(() => h.service.rollback('trader', 1, 'again')))).toBe('unchanged')
    expect(h.service.history('trader').map((v) => v.version)).toEqual([1, 2, 3])
  })

  it('audits saves and rollbacks with the hash, never the prompt text', () => {
    h.service.seedDefaults()
    const saved = h.service.save(edited('A goal only the prompt contains: zebra-quartz.'), 'audit me', 'alice')
    const back = h.service.rollback('trader', 1, 'undo', 'carol')
    const [rolled, edit] = h.audit.tail(2)
    expect(edit).toMatchObject({ kind: 'prompts.saved', actor: 'alice', subject: 'trader', payload: { role: 'trader', version: 2, hash: saved.hash, note: 'audit me', source: 'edit' } })
    expect(rolled).toMatchObject({ kind: 'prompts.rolledBack', actor: 'carol', subject: 'trader', payload: { version: 3, rollbackOf: 1, hash: back.hash } })
    const everything = JSON.stringify(h.audit.tail(100))
    expect(everything).not.toContain('zebra-quartz')
    expect(everything).not.toContain(back.sections.constraints.slice(0, 40))
    expect(h.audit.tail(100).filter((e) => e.kind === 'prompts.saved' && (e.payload as { source: string }).source === 'default')).toHaveLength(ROLE_IDS.length)
  })

  it('round-trips an export through an import with identical hashes', () => {
    h.service.seedDefaults()
    h.service.save(edited('An edited goal from {{snapshot}}.'), 'edit', 'alice')
    const text = h.service.exportYaml([])
    const exported = ROLE_IDS.map((role) => h.service.current(role).hash)

    const other = createServiceHarness()
    try {
      const result = other.service.importYaml(text, 'imported')
      expect(result.refused).toEqual([])
      expect(result.saved.map((v) => v.role)).toEqual([...ROLE_IDS])
      expect(ROLE_IDS.map((role) => other.service.current(role).hash)).toEqual(exported)
      expect(other.audit.tail(1)[0]).toMatchObject({ kind: 'prompts.saved', actor: 'trader', payload: { source: 'import', note: 'imported' } })
    } finally {
      other.close()
    }
  })

  it('exports only the roles asked for', () => {
    h.service.seedDefaults()
    const items = h.catalog.fromYaml(h.service.exportYaml(['risk_officer', 'bull_analyst'])) as { role: string }[]
    expect(items.map((item) => item.role)).toEqual(['bull_analyst', 'risk_officer'])
  })

  it('imports the valid prompts of a document and reports the others by index', () => {
    h.service.seedDefaults()
    const good = edited('A goal from the import, reading {{snapshot}}.')
    const unknownVariable = { ...good, sections: { ...good.sections, goal: 'Read {{orderbook}}.' } }
    const notAPrompt = { role: 'trader', tags: 'not-a-list' }
    const unchanged = h.service.current('risk_officer')
    const text = h.catalog.toYaml([good]).replace(/^prompts:\n/m, 'prompts:\n  - 42\n')
    const document = `${text}${h.catalog
      .toYaml([unknownVariable, { role: unchanged.role, tags: unchanged.tags, sections: unchanged.sections, params: unchanged.params }])
      .replace(/^#.*\n/gm, '')
      .replace(/^\s*prompts:\n/m, '')}  - role: ${notAPrompt.role}\n    tags: ${notAPrompt.tags}\n`

    const result = h.service.importYaml(document, 'bulk')
    expect(result.saved.map((v) => [v.role, v.version, v.note])).toEqual([['trader', 2, 'bulk']])
    expect(result.refused.map((r) => [r.index, r.role, r.issues[0]!.code])).toEqual([
      [0, null, 'invalid'],
      [2, 'trader', 'unknown_variable'],
      [3, 'risk_officer', 'invalid'],
      [4, 'trader', 'invalid'],
    ])
    expect(result.refused[2]!.issues[0]!.message).toMatch(/identical to its current version 1/)
    expect(result.refused[3]!.issues.map((i) => i.field)).toContain('tags')
    expect(h.service.current('trader').sections.goal).toBe(good.sections.goal)
  })

  it('refuses a YAML document it cannot read, saving nothing', () => {
    h.service.seedDefaults()
    const before = h.repository.appended
    const broken = refusal(() => h.service.importYaml('prompts:\n  - role: trader\n   tags: [x\n', 'bad'))
    expect(broken.code).toBe('invalid_input')
    expect(reasonOf(broken)).toBe('invalid_yaml')
    expect(broken.message).toMatch(/line \d+, column \d+/)
    const bomb = ['a: &a [x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b]', 'prompts: [*c, *c, *c, *c]'].join('\n')
    expect(reasonOf(refusal(() => h.service.importYaml(bomb, 'bomb')))).toBe('invalid_yaml')
    expect(h.repository.appended).toBe(before)
  })

  it('lets a storage failure through instead of reporting it as a refused prompt', () => {
    h.service.seedDefaults()
    h.repository.append = () => {
      throw new Error('disk I/O error')
    }
    expect(() => h.service.importYaml(h.catalog.toYaml([edited('New goal.')]), 'x')).toThrow('disk I/O error')
  })
})
