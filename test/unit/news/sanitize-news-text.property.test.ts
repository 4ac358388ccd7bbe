import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NewsItemSchema } from '../../../src/shared/domain/agents/news'
import { NEWS_BLOCK_CLOSE, NEWS_BLOCK_OPEN, renderNewsBlock, sanitizeNewsItem, sanitizeNewsText } from '../../../src/main/core/agents/news'

// Fragments an attacker would combine; mixed with arbitrary code points so
// the generator explores both hostile structure and random noise.
const FRAGMENTS = [
  '<', '>', '/', '!', '?', '&', ';', '#', 'x', '3C', 'lt', 'gt', 'amp', 'b', 'script', 'a', ' ', '\n', '\t',
  '&lt;', '&gt;', '&amp;', '&#60;', '&#x3C;', '&#x200B;', '&#0;', '&#xE0041;', '<script>', '</script>', '<style>',
  '<!--', '-->', '<![CDATA[', ']]>', '＜', '＞', '\u200B', '\u200D', '\u202E', '\u2066', '\u061C', '\uFEFF',
  '\u180E', '\u{E0041}', '\u{E007F}', '\uFE0F', '\u0000', '\u0085', '\uD800', '\u0301', '<<<', '>>>', NEWS_BLOCK_CLOSE,
]
const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 40 })
  .map((parts) => parts.join(''))

const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\u{E0000}-\u{E007F}\u200B-\u200F\u2060-\u2064\u202A-\u202E\u2066-\u2069]/u

describe('sanitizeNewsText properties', () => {
  it('never leaves hidden characters or a tag opener, and respects the cap', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.string({ unit: 'binary' })), fc.integer({ min: 0, max: 120 }), (text, cap) => {
        const clean = sanitizeNewsText(text, cap)
        expect(clean.length).toBeLessThanOrEqual(cap)
        expect(clean).not.toMatch(FORBIDDEN)
        expect(clean).not.toMatch(/<\p{L}/u)
        expect(clean).not.toMatch(/\s{2}|^\s|\s$/u)
      }),
      { numRuns: 2000 },
    )
  })

  it('stores every sanitised item validly and renders each as one line between the delimiters', () => {
    const rawItem = fc.record({
      id: fc.string({ unit: 'binary', maxLength: 20 }),
      title: hostileText,
      summary: hostileText,
      url: fc.option(fc.oneof(fc.webUrl(), fc.string({ maxLength: 20 })), { nil: null }),
      publishedAt: fc.option(fc.oneof(fc.integer({ min: -1e16, max: 1e16 }), fc.double()), { nil: null }),
    })
    fc.assert(
      fc.property(fc.array(rawItem, { maxLength: 8 }), (raws) => {
        const items = raws.flatMap((raw) => sanitizeNewsItem(raw, 'feed', 1) ?? [])
        for (const item of items) expect(NewsItemSchema.safeParse(item).success).toBe(true)
        const lines = renderNewsBlock(items).split('\n')
        expect(lines).toHaveLength(Math.max(1, items.length) + 3)
        expect(lines[1]).toBe(NEWS_BLOCK_OPEN)
        expect(lines.at(-1)).toBe(NEWS_BLOCK_CLOSE)
        for (const line of lines.slice(2, -1)) {
          expect(line).not.toContain('>>>')
          expect(line).not.toContain('<<<')
        }
        expect(renderNewsBlock(items)).toBe(lines.join('\n'))
      }),
      { numRuns: 500 },
    )
  })
})
