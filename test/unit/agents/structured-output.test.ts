import { describe, expect, it } from 'vitest'
import { parseRoleOutput, repairMessage } from '../../../src/main/core/agents/structured-output'

const hold = { strategyId: 's', intent: 'hold', orders: [], ttlSeconds: 60, expectedEdgeBps: 0, slippageBps: 0, confidence: 0.1, rationale: 'quiet' }

describe('strict parsing of role output', () => {
  it('accepts exactly one JSON object, with or without a single code fence', () => {
    expect(parseRoleOutput('trader', JSON.stringify(hold))).toEqual({ ok: true, value: hold })
    expect(parseRoleOutput('trader', '```json\n' + JSON.stringify(hold) + '\n```')).toEqual({ ok: true, value: hold })
  })

  it.each([
    ['blank', '', /blank/],
    ['prose around the object', `Here you go: ${JSON.stringify(hold)}`, /not a JSON object/],
    ['two objects', `${JSON.stringify(hold)}${JSON.stringify(hold)}`, /not valid JSON/],
    ['truncated', JSON.stringify(hold).slice(0, 30), /not valid JSON.*truncated/],
    ['an unknown key', JSON.stringify({ ...hold, withdraw: true }), /withdraw/],
    ['a missing field', JSON.stringify({ ...hold, rationale: undefined }), /rationale/],
    ['an out-of-range confidence', JSON.stringify({ ...hold, confidence: 7 }), /confidence/],
    ['an array', '[1,2]', /not a JSON object/],
    ['a huge answer', `{"x":"${'a'.repeat(200_000)}"}`, /limit/],
  ])('refuses %s with an error worded for the repair round', (_name, text, error) => {
    const result = parseRoleOutput('trader', text)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors.join('\n')).toMatch(error)
  })

  it('the news role has no order field to fill', () => {
    const digest = { sentiment: 'neutral', confidence: 0.5, headlines: [], summary: 's' }
    expect(parseRoleOutput('news_collector', JSON.stringify(digest)).ok).toBe(true)
    expect(parseRoleOutput('news_collector', JSON.stringify({ ...digest, orders: [] })).ok).toBe(false)
  })

  it('repair messages list every error and restate the rule', () => {
    const text = repairMessage(['intent: invalid', 'orders.0.size: too big'])
    expect(text).toContain('- intent: invalid')
    expect(text).toContain('- orders.0.size: too big')
    expect(text).toMatch(/exactly one JSON object/)
  })
})
