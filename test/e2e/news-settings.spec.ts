import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { callContract } from './support/contract-call'
import { READY_TIMEOUT_MS, ROOT, startServe, type RunningServer } from './support/serve'

// Settings → News against the real kernel and a real RSS server on
// 127.0.0.1: a feed is added, saved and fetched, and its items are listed as
// inert text — markup in a headline never becomes an element, a zero-width
// character never reaches the page. A feed that cannot be reached is named
// with its reason, and the others still arrive.

const SCREENSHOTS = join(ROOT, 'test-results')
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/

// Escaped HTML in <title> is how most feeds send markup; the CDATA one carries it raw.
const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Local wire</title>
    <link>http://127.0.0.1/</link>
    <description>Test feed</description>
    <item>
      <title>&lt;img src=x onerror=&quot;window.__newsPwned=1&quot;&gt;BTC &lt;b&gt;rallies&lt;/b&gt;\u200B past 100k</title>
      <description>&lt;p&gt;Funding turns positive&lt;/p&gt;&lt;script&gt;window.__newsPwned=2&lt;/script&gt;</description>
      <link>https://news.example/btc-100k</link>
      <guid>wire-1</guid>
      <pubDate>Mon, 03 Nov 2025 08:00:00 GMT</pubDate>
    </item>
    <item>
      <title><![CDATA[Spread < 1 bp as BTC & ETH <i>tighten</i>]]></title>
      <description>Order books deepen into the close.</description>
      <link>javascript:window.__newsPwned=3</link>
      <guid>wire-2</guid>
      <pubDate>Mon, 03 Nov 2025 07:00:00 GMT</pubDate>
    </item>
    <item>
      <title>ETH funding flat</title>
      <description>Nothing to see.</description>
      <guid>wire-3</guid>
      <pubDate>Mon, 03 Nov 2025 06:00:00 GMT</pubDate>
    </item>
  </channel>
</rss>`

test.describe.configure({ mode: 'serial' })

let dataDir = ''
let server: RunningServer | undefined
let rss: Server | undefined
let rssUrl = ''
let rssRequests = 0

test.beforeAll(async () => {
  test.setTimeout(READY_TIMEOUT_MS + 30_000)
  rss = createServer((request, response) => {
    rssRequests++
    if (request.url !== '/wire.xml') return void response.writeHead(404).end()
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(RSS)
  })
  await new Promise<void>((resolve) => rss!.listen(0, '127.0.0.1', resolve))
  rssUrl = `http://127.0.0.1:${(rss.address() as AddressInfo).port}/wire.xml`
  dataDir = await mkdtemp(join(tmpdir(), 'workstation-news-e2e-'))
  server = await startServe(dataDir, ['--pilots', 'off'])
})

test.afterAll(async () => {
  await server?.stop()
  await new Promise<void>((resolve) => (rss ? rss.close(() => resolve()) : resolve()))
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

test('a feed is added, saved and refreshed, and its items show as inert text', async ({ page }) => {
  test.setTimeout(90_000)
  await page.goto(`${server!.url}#/settings/news`)
  await expect(page.getByTestId('settings-tab-news')).toHaveAttribute('aria-current', 'page')
  await expect(page.getByTestId('news-untrusted')).toContainText('untrusted data')
  await expect(page.getByTestId('news-untrusted')).toContainText('off until you enable them')

  // The shipped feeds are listed and all off: nothing leaves the machine until the trader opts in.
  const rows = page.getByTestId('news-feed-row')
  await expect(rows.first()).toBeVisible()
  const shipped = await rows.count()
  for (let i = 0; i < shipped; i++) await expect(rows.nth(i).getByTestId('news-feed-enabled')).not.toBeChecked()
  await expect(page.getByTestId('news-refresh')).toBeDisabled()

  // A bad address is refused in the form.
  await page.getByTestId('news-add-url').fill('ftp://files.example/feed')
  await page.getByTestId('news-add').click()
  await expect(page.getByTestId('news-add-url')).toHaveAttribute('aria-invalid', 'true')
  await expect(rows).toHaveCount(shipped)

  // Our feed, and one on a closed port that will fail.
  await page.getByTestId('news-add-url').fill(rssUrl)
  await expect(page.getByTestId('news-add-kind')).toHaveValue('rss')
  await page.getByTestId('news-add').click()
  await expect(rows).toHaveCount(shipped + 1)
  const added = rows.last()
  await expect(added.getByTestId('news-feed-enabled')).toBeChecked()
  await expect(added.getByTestId('news-feed-id')).toHaveValue('127-0-0-1')
  await added.getByTestId('news-feed-id').fill('local-wire')
  await page.getByTestId('news-add-url').fill('http://127.0.0.1:9/closed.xml')
  await page.getByTestId('news-add').click()
  await rows.last().getByTestId('news-feed-id').fill('closed-port')

  // Unsaved: a refresh would fetch the old list, so it waits for Save.
  await expect(page.getByTestId('news-unsaved')).toBeVisible()
  await expect(page.getByTestId('news-refresh')).toBeDisabled()
  await page.getByTestId('news-save').click()
  await expect(page.getByTestId('news-unsaved')).toBeHidden()
  await expect(page.getByTestId('news-feed-count')).toContainText(`${shipped + 2} feeds · 2 enabled`)

  const stored = await callContract(server!, 'news.feeds')
  expect(stored.ok).toBe(true)
  const feeds = (stored as { ok: true; value: Array<{ id: string; url: string; enabled: boolean; kind: string }> }).value
  expect(feeds.find((f) => f.id === 'local-wire')).toEqual({ id: 'local-wire', kind: 'rss', url: rssUrl, enabled: true })
  expect(feeds.filter((f) => f.enabled).map((f) => f.id).sort()).toEqual(['closed-port', 'local-wire'])

  // Refresh now: our three items arrive, the closed port is named with its reason.
  await page.getByTestId('news-refresh').click()
  const result = page.getByTestId('news-refresh-result')
  await expect(result).toBeVisible({ timeout: 30_000 })
  await expect(result).toHaveAttribute('data-fetched', '3')
  await expect(result).toHaveAttribute('data-added', '3')
  await expect(result).toContainText('Fetched 3 items, 3 new.')
  const failure = page.locator('[data-testid="news-refresh-failure"][data-feed="closed-port"]')
  await expect(failure).toContainText('closed-port: news feed "closed-port" (127.0.0.1:9) could not be reached')
  expect(rssRequests).toBe(1)

  const items = page.locator('[data-testid="news-item"][data-feed="local-wire"]')
  await expect(items).toHaveCount(3)

  // Inert text: the page shows exactly what the kernel stored, as characters.
  const latest = await callContract(server!, 'news.latest', { limit: 50 })
  expect(latest.ok).toBe(true)
  const stories = (latest as { ok: true; value: Array<{ title: string; summary: string; url: string | null }> }).value
  const rally = stories.find((s) => s.title.includes('rallies'))!
  expect(rally.title).toBe('BTC rallies past 100k')
  expect(rally.summary).toBe('Funding turns positive')
  const spread = stories.find((s) => s.title.startsWith('Spread'))!
  expect(spread.title).toBe('Spread < 1 bp as BTC & ETH tighten')
  expect(spread.url).toBeNull()

  const titles = page.getByTestId('news-item-title')
  await expect(titles.filter({ hasText: 'rallies' })).toHaveText(rally.title)
  await expect(titles.filter({ hasText: 'Spread' })).toHaveText(spread.title)
  const shownTitles = await titles.allTextContents()
  expect(shownTitles.some((title) => ZERO_WIDTH.test(title))).toBe(false)
  // No headline or summary became an element, and nothing ran.
  await expect(page.getByTestId('news-items').locator('img, b, i, p > script, script, iframe')).toHaveCount(0)
  expect(await page.evaluate(() => (window as { __newsPwned?: unknown }).__newsPwned)).toBeUndefined()
  // Only web addresses become links.
  await expect(page.getByTestId('news-items').locator('a[href^="javascript:"]')).toHaveCount(0)
  await expect(page.getByTestId('news-items').locator('a[href="https://news.example/btc-100k"]')).toHaveCount(1)

  await page.waitForTimeout(200)
  await page.screenshot({ path: join(SCREENSHOTS, 'news-settings.png'), fullPage: true })

  // A second refresh stores nothing twice.
  await page.getByTestId('news-refresh').click()
  await expect(result).toHaveAttribute('data-added', '0', { timeout: 30_000 })
  await expect(items).toHaveCount(3)
  expect(rssRequests).toBe(2)
})
