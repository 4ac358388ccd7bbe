import { describe, expect, it } from 'vitest'
import { NewsItemSchema } from '../../../src/shared/domain/agents/news'
import { sanitizeNewsItem, sanitizeNewsUrl } from '../../../src/main/core/agents/news'
import type { RawNewsItem } from '../../../src/main/ports/news-source'

const raw = (over: Partial<RawNewsItem> = {}): RawNewsItem => ({
  id: 'guid-1',
  title: 'Bitcoin tops $70k',
  summary: '<p>Markets <b>rally</b></p>',
  url: 'https://news.example.com/btc?x=1',
  publishedAt: 1_700_000_000_000,
  ...over,
})

describe('sanitizeNewsItem', () => {
  it('produces an item the stored schema accepts', () => {
    const item = sanitizeNewsItem(raw(), 'coindesk', 1_700_000_100_000.7)
    expect(item).toEqual({
      id: 'guid-1',
      feedId: 'coindesk',
      title: 'Bitcoin tops $70k',
      summary: 'Markets rally',
      url: 'https://news.example.com/btc?x=1',
      publishedAt: 1_700_000_000_000,
      fetchedAt: 1_700_000_100_000,
    })
    expect(NewsItemSchema.safeParse(item).success).toBe(true)
  })

  it('caps title at 300 and summary at 1000 units', () => {
    const item = sanitizeNewsItem(raw({ title: 'T'.repeat(5000), summary: 'S '.repeat(5000) }), 'f', 0)
    expect(item?.title.length).toBe(300)
    expect(item?.summary.length).toBeLessThanOrEqual(1000)
    expect(NewsItemSchema.safeParse(item).success).toBe(true)
  })

  it('returns null when nothing readable is left of the title', () => {
    expect(sanitizeNewsItem(raw({ title: '<script>x</script>\u200B \u202E<br>' }), 'f', 0)).toBeNull()
  })

  it('keeps only plain http(s) links', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd', 'not a url', 'https://user:pw@host.example/x', `https://h.example/${'a'.repeat(2100)}`]) {
      expect(sanitizeNewsItem(raw({ url: bad }), 'f', 0)?.url).toBeNull()
    }
    expect(sanitizeNewsUrl(' HTTP://Example.COM/a b ')).toBe('http://example.com/a%20b')
  })

  it('cleans ids and fingerprints empty or oversized ones stably', () => {
    expect(sanitizeNewsItem(raw({ id: 'ab\u200Bc\u0007' }), 'f', 0)?.id).toBe('abc')
    const empty = sanitizeNewsItem(raw({ id: '\u200B' }), 'f', 0)?.id
    const huge = sanitizeNewsItem(raw({ id: 'x'.repeat(400) }), 'f', 0)?.id
    expect(empty).toMatch(/^h:[0-9a-f]{16}$/)
    expect(huge).toMatch(/^h:[0-9a-f]{16}$/)
    expect(empty).not.toBe(huge)
    expect(sanitizeNewsItem(raw({ id: '\u200B' }), 'f', 99)?.id).toBe(empty)
  })

  it('drops non-finite dates and truncates fractional ones', () => {
    expect(sanitizeNewsItem(raw({ publishedAt: Number.NaN }), 'f', 0)?.publishedAt).toBeNull()
    expect(sanitizeNewsItem(raw({ publishedAt: 1e300 }), 'f', 0)?.publishedAt).toBeNull()
    expect(sanitizeNewsItem(raw({ publishedAt: 12.9 }), 'f', 0)?.publishedAt).toBe(12)
  })
})
