import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { READY_TIMEOUT_MS, ROOT, startServe, type RunningServer } from './support/serve'

// The Chart page against the real kernel and its market simulator, which runs
// on the live clock under `npm run serve`: candles, book and tape move by themselves.

const SCREENSHOTS = join(ROOT, 'test-results')

async function bars(page: Page): Promise<number> {
  return Number((await page.getByTestId('price-chart').getAttribute('data-bars')) ?? 0)
}

async function sidePrices(page: Page, side: 'ask' | 'bid'): Promise<number[]> {
  const prices = await page.locator(`[data-testid="order-book"] .ladder-row.${side}[data-price]`).evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-price'))))
  return prices.filter((p) => Number.isFinite(p) && p > 0)
}

async function tradeIds(page: Page): Promise<string[]> {
  return page.locator('[data-testid="trade-tape"] .tape-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-trade-id') ?? ''))
}

test.describe.configure({ mode: 'serial' })

let dataDir = ''
let server: RunningServer | undefined

test.beforeAll(async () => {
  test.setTimeout(READY_TIMEOUT_MS + 30_000)
  dataDir = await mkdtemp(join(tmpdir(), 'workstation-chart-e2e-'))
  server = await startServe(dataDir)
})

test.afterAll(async () => {
  await server?.stop()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

const chartUrl = (): string => `${server!.url}#/chart`

test('shows the simulated market with candles, a sane book, a moving tape and a timeframe switch', async ({ page }) => {
  await page.goto(chartUrl())
  await expect(page.getByRole('heading', { level: 1, name: 'Chart' })).toBeVisible()
  await expect(page.getByTestId('simulated-badge')).toHaveText('SIMULATED MARKET')
  await expect(page.getByTestId('venue-select')).toHaveValue('sim')
  await expect(page.getByTestId('symbol-select')).toHaveValue('BTC/USDT:USDT')
  await expect(page.getByText('Not built yet')).toHaveCount(0)

  // Candles: the canvas is there and the history is drawn.
  await expect(page.getByTestId('price-chart').locator('canvas').first()).toBeVisible()
  await expect.poll(() => bars(page), { timeout: 15_000 }).toBeGreaterThan(50)
  await expect(page.getByTestId('price-chart')).toHaveAttribute('data-timeframe', '1m')

  // The ladder: asks above the spread, bids below, every bid under every ask.
  await expect.poll(async () => (await sidePrices(page, 'bid')).length, { timeout: 10_000 }).toBe(15)
  const asks = await sidePrices(page, 'ask')
  const bids = await sidePrices(page, 'bid')
  expect(asks).toHaveLength(15)
  expect(Math.max(...bids)).toBeLessThan(Math.min(...asks))
  expect(asks).toEqual([...asks].sort((a, b) => b - a)) // farthest ask on top, best ask at the spread row
  expect(bids).toEqual([...bids].sort((a, b) => b - a)) // best bid first under the spread row
  const askBox = (await page.locator('[data-testid="order-book"] .ladder-asks').boundingBox())!
  const bidBox = (await page.locator('[data-testid="order-book"] .ladder-bids').boundingBox())!
  expect(bidBox.y).toBeGreaterThan(askBox.y + askBox.height - 1)
  await expect(page.getByTestId('book-spread')).toContainText('Spread')

  // The ticker header follows the touch.
  await expect(page.getByTestId('ticker-last')).not.toHaveText('—')
  await expect(page.getByTestId('ticker-bid')).not.toHaveText('—')

  // The tape: new trades arrive by themselves over a few seconds.
  await expect.poll(async () => (await tradeIds(page)).length, { timeout: 10_000 }).toBeGreaterThan(0)
  const before = new Set(await tradeIds(page))
  await expect.poll(async () => (await tradeIds(page)).filter((id) => !before.has(id)).length, { timeout: 10_000 }).toBeGreaterThan(2)
  await expect(page.getByTestId('feed-status').locator('[data-stream="book"]')).toHaveAttribute('data-status', 'live')
  await page.screenshot({ path: join(SCREENSHOTS, 'chart-en.png') })

  // Another timeframe re-watches with its own history.
  await page.getByTestId('timeframe-5m').click()
  await expect(page.getByTestId('timeframe-5m')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('price-chart')).toHaveAttribute('data-timeframe', '5m')
  await expect.poll(() => bars(page), { timeout: 15_000 }).toBeGreaterThan(50)
  await page.screenshot({ path: join(SCREENSHOTS, 'chart-en-5m.png') })
})

test('switching the symbol shows that market only', async ({ page }) => {
  await page.goto(chartUrl())
  await expect.poll(() => bars(page), { timeout: 15_000 }).toBeGreaterThan(50)
  await page.getByTestId('symbol-select').selectOption('ETH/USDT:USDT')
  await expect(page.getByTestId('ticker-strip')).toContainText('ETH/USDT:USDT')
  await expect.poll(async () => Math.max(...(await sidePrices(page, 'bid')), 0), { timeout: 10_000 }).toBeLessThan(20_000)
  await expect.poll(() => bars(page), { timeout: 15_000 }).toBeGreaterThan(50)
})

test('downloads 30 days of history into the local file and draws the longer history', async ({ page }) => {
  await page.goto(chartUrl())
  await expect.poll(() => bars(page), { timeout: 15_000 }).toBeGreaterThan(50)
  const before = await bars(page)
  await expect(page.getByTestId('history-download')).toHaveText('History 30d')
  await page.getByTestId('history-download').click()
  // The simulator keeps 5,000 bars of backfill: the rest of the 30 days is reported as not available.
  await expect(page.getByTestId('history-control')).toHaveAttribute('data-status', 'completed', { timeout: 30_000 })
  await expect(page.getByTestId('history-result')).toHaveText(/^[\d,]+ candles$/)
  const count = Number((await page.getByTestId('history-result').textContent())!.replace(/\D/g, ''))
  expect(count).toBeGreaterThanOrEqual(5_000)
  await expect.poll(() => bars(page), { timeout: 15_000 }).toBeGreaterThan(before)
  await page.screenshot({ path: join(SCREENSHOTS, 'chart-en-history.png') })
})

test('reads in Simplified Chinese', async ({ page }) => {
  await page.goto(`${server!.url}#/settings`)
  const language = page.getByLabel('Language')
  await expect(language).toBeEnabled()
  await language.selectOption('zh-CN')
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '图表', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: '图表' })).toBeVisible()
  await expect(page.getByTestId('simulated-badge')).toHaveText('模拟行情')
  await expect(page.getByTestId('history-download')).toHaveText('历史 30 天')
  await expect(page.getByTestId('order-book')).toContainText('订单簿')
  await expect(page.getByTestId('trade-tape')).toContainText('成交')
  await expect.poll(() => bars(page), { timeout: 15_000 }).toBeGreaterThan(50)
  await expect.poll(async () => (await tradeIds(page)).length, { timeout: 10_000 }).toBeGreaterThan(3)
  await page.screenshot({ path: join(SCREENSHOTS, 'chart-zh.png') })

  // Leave the shared profile as the other tests expect it.
  await page.getByRole('link', { name: '设置', exact: true }).click()
  await page.getByLabel('语言').selectOption('system')
  await expect(page.getByRole('link', { name: 'Settings', exact: true })).toBeVisible()
})
