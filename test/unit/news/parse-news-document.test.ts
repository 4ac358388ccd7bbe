import { describe, expect, it } from 'vitest'
import { parseNewsDocument } from '../../../src/main/adapters/news-feeds'

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Crypto wire</title>
    <link>https://wire.example/</link>
    <atom:link href="https://wire.example/rss" rel="self"/>
    <item>
      <title><![CDATA[Bitcoin <em>breaks</em> $70k & more]]></title>
      <description>&lt;p&gt;Spot ETF flows &amp;amp; shorts&lt;/p&gt;</description>
      <link>https://wire.example/btc?a=1&amp;b=2</link>
      <guid isPermaLink="false">wire-001</guid>
      <pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>
    </item>
    <item>
      <title>2024</title>
      <content:encoded><![CDATA[<p>Only encoded content</p>]]></content:encoded>
      <link>/relative/path</link>
      <dc:date>2024-01-02T03:04:05+01:00</dc:date>
    </item>
    <item><description>No title here</description></item>
    <item><title>   </title></item>
    <item><title>Undated, no link</title></item>
  </channel>
</rss>`

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom wire</title>
  <entry>
    <title type="html">&lt;b&gt;ETH&lt;/b&gt; upgrade</title>
    <link rel="edit" href="https://atom.example/edit/1"/>
    <link rel="alternate" type="text/html" href="https://atom.example/eth"/>
    <id>urn:uuid:1225c695</id>
    <updated>2024-03-01T00:00:00Z</updated>
    <published>2024-02-29T12:00:00Z</published>
    <summary>Dencun ships</summary>
  </entry>
  <entry>
    <title>XHTML content</title>
    <link href="https://atom.example/x"/>
    <id>urn:uuid:2</id>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Para <i>one</i></p></div></content>
  </entry>
  <entry><summary>no title</summary></entry>
</feed>`

describe('parseNewsDocument: RSS and Atom', () => {
  it('maps RSS 2.0 items and counts unusable ones', () => {
    const doc = parseNewsDocument(RSS, 'rss', { baseUrl: 'https://wire.example/rss' })
    expect(doc.format).toBe('rss')
    expect(doc.skipped).toBe(2)
    expect(doc.items).toHaveLength(3)
    expect(doc.items[0]).toEqual({
      id: 'wire-001',
      title: 'Bitcoin <em>breaks</em> $70k & more',
      summary: '<p>Spot ETF flows &amp; shorts</p>',
      url: 'https://wire.example/btc?a=1&b=2',
      publishedAt: Date.UTC(2003, 5, 10, 4),
    })
    expect(doc.items[1]).toMatchObject({ title: '2024', summary: '<p>Only encoded content</p>', url: 'https://wire.example/relative/path', id: '/relative/path', publishedAt: Date.UTC(2024, 0, 2, 2, 4, 5) })
    expect(doc.items[2]).toMatchObject({ title: 'Undated, no link', url: null, publishedAt: null })
    expect(doc.items[2]?.id).toMatch(/^sha256:[0-9a-f]{32}$/)
    // The fallback id is stable: the same document gives the same id.
    expect(parseNewsDocument(RSS, 'rss').items[2]?.id).toBe(doc.items[2]?.id)
  })

  it('maps Atom entries, preferring the alternate link', () => {
    const doc = parseNewsDocument(ATOM, 'rss')
    expect(doc.format).toBe('atom')
    expect(doc.skipped).toBe(1)
    expect(doc.items[0]).toEqual({ id: 'urn:uuid:1225c695', title: '<b>ETH</b> upgrade', summary: 'Dencun ships', url: 'https://atom.example/eth', publishedAt: Date.UTC(2024, 1, 29, 12) })
    expect(doc.items[1]).toMatchObject({ url: 'https://atom.example/x', publishedAt: null })
    expect(doc.items[1]?.summary).toContain('<p>Para <i>one</i></p>')
  })

  it('reads RSS 1.0 (RDF) items', () => {
    const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://r.example/"><title>R</title></channel>
      <item rdf:about="https://r.example/1"><title>RDF item</title><dc:date>2024-05-05T00:00:00Z</dc:date></item>
    </rdf:RDF>`
    const doc = parseNewsDocument(rdf, 'rss')
    expect(doc.format).toBe('rdf')
    expect(doc.items).toEqual([{ id: 'https://r.example/1', title: 'RDF item', summary: '', url: null, publishedAt: Date.UTC(2024, 4, 5) }])
  })

  it('does not expand a billion-laughs document', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n')
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol0 "lol">
  ${levels}
]>
<rss version="2.0"><channel><item><title>&lol9;</title><description>&lol9;&lol9;</description></item></channel></rss>`
    const started = performance.now()
    const doc = parseNewsDocument(bomb, 'rss')
    expect(performance.now() - started).toBeLessThan(1000)
    expect(doc.items).toHaveLength(1)
    expect(doc.items[0]?.title).toBe('&lol9;')
    expect(doc.items[0]?.summary).toBe('&lol9;&lol9;')
  })

  it('does not resolve external entities', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><item><title>x &xxe; y</title></item></channel></rss>`
    expect(parseNewsDocument(xxe, 'rss').items[0]?.title).toBe('x &xxe; y')
  })

  it('throws a clear error on malformed XML', () => {
    expect(() => parseNewsDocument('<rss><channel><item><title>a</titl></item></channel></rss>', 'rss')).toThrow(/malformed XML at line 1, column \d+: .*title/)
    expect(() => parseNewsDocument('<?xml version="1.0"?><!DOCTYPE x [ <!ENTITY a "b"> ', 'rss')).toThrow(/DOCTYPE declaration is never closed/)
    expect(() => parseNewsDocument('plain text', 'rss')).toThrow(/malformed XML/)
    expect(() => parseNewsDocument('   ', 'rss')).toThrow(/empty/)
  })

  it('names the problem when the document is not a feed', () => {
    expect(() => parseNewsDocument('<!DOCTYPE html><html><body>moved</body></html>', 'rss')).toThrow(/HTML page, not an RSS or Atom feed/)
    expect(() => parseNewsDocument('<note><to>x</to></note>', 'rss')).toThrow(/expected a <rss>, <rdf:RDF> or <feed> root element, received <note>/)
    expect(() => parseNewsDocument('<rss version="2.0"></rss>', 'rss')).toThrow(/no <channel>/)
  })

  it('accepts an empty channel and honours maxItems', () => {
    expect(parseNewsDocument('<rss><channel><title>t</title></channel></rss>', 'rss')).toEqual({ format: 'rss', items: [], skipped: 0 })
    const many = `<rss><channel>${Array.from({ length: 30 }, (_, i) => `<item><title>n${i}</title></item>`).join('')}</channel></rss>`
    expect(parseNewsDocument(many, 'rss', { maxItems: 5 }).items.map((i) => i.title)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4'])
  })
})

describe('parseNewsDocument: JSON news APIs', () => {
  it('accepts a bare array and the common wrapper keys', () => {
    const item = { title: 'Hi', url: 'https://j.example/1' }
    for (const key of ['items', 'data', 'articles', 'results']) {
      expect(parseNewsDocument(JSON.stringify({ status: 'ok', [key]: [item] }), 'json').items).toHaveLength(1)
    }
    expect(parseNewsDocument(JSON.stringify([item]), 'json').items[0]).toEqual({ id: 'https://j.example/1', title: 'Hi', summary: '', url: 'https://j.example/1', publishedAt: null })
  })

  it('maps field aliases and every date form', () => {
    const items = [
      { id: 7, headline: 'A', description: 'desc', link: 'https://j.example/a', publishedAt: '2024-01-01T00:00:00Z' },
      { guid: 'g', title: 'B', body: 'body text', pubDate: 'Mon, 01 Jan 2024 00:00:00 +0000' },
      { title: 'C', content: 'c', time: 1_704_067_200 },
      { title: 'D', summary: 's', date: 1_704_067_200_000 },
      { title: 'E', published: '1704067200' },
      { title: 'F', published_at: 'not a date' },
    ]
    const doc = parseNewsDocument(JSON.stringify({ articles: items }), 'json')
    const jan1 = Date.UTC(2024, 0, 1)
    expect(doc.items.map((i) => [i.id.startsWith('sha256:') ? 'hash' : i.id, i.title, i.summary, i.publishedAt])).toEqual([
      ['7', 'A', 'desc', jan1],
      ['g', 'B', 'body text', jan1],
      ['hash', 'C', 'c', jan1],
      ['hash', 'D', 's', jan1],
      ['hash', 'E', '', jan1],
      ['hash', 'F', '', null],
    ])
  })

  it('skips malformed items and counts them', () => {
    const doc = parseNewsDocument(JSON.stringify([{ title: 'ok' }, null, 5, 'str', [], { title: 42 }, { headline: '' }, { summary: 'no title' }]), 'json')
    expect(doc.items.map((i) => i.title)).toEqual(['ok'])
    expect(doc.skipped).toBe(7)
  })

  it('throws a clear error on malformed or unexpected documents', () => {
    expect(() => parseNewsDocument('{"items": [', 'json')).toThrow(/malformed JSON/)
    expect(() => parseNewsDocument('{"status":"ok","count":3}', 'json')).toThrow(/"items", "data", "articles" or "results" array; received an object with keys status, count/)
    expect(() => parseNewsDocument('"just a string"', 'json')).toThrow(/expected an array or an object, received string/)
  })

  it('follows the body when the configured kind is wrong', () => {
    expect(parseNewsDocument('[{"title":"json in an rss slot"}]', 'rss').format).toBe('json')
    expect(parseNewsDocument('<rss><channel><item><title>x</title></item></channel></rss>', 'json').format).toBe('rss')
  })
})
