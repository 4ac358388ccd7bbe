import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { startFakeOkx, type FakeOkx } from '../support/fake-okx'
import { READY_TIMEOUT_MS, ROOT, startServe, type RunningServer } from './support/serve'

// The Chart page on a live ccxt venue: `npm run serve` with OKX pointed at the
// fake OKX running in this process, and Binance at a closed port, both on
// 127.0.0.1. Nothing here reaches the internet.

const SCREENSHOTS = join(ROOT, 'test-results')
const SWAP = 'BTC/USDT:USDT'
const SWAP_ID = 'BTC-USDT-SWAP'

/** A port on 127.0.0.1 nothing listens on: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

async function sidePrices(page: Page, side: 'ask' | 'bid'): Promise<number[]> {
  const prices = await page.locator(`[data-testid="order-book"] .ladder-row.${side}[data-price]`).evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-price'))))
  return prices.filter((p) => Number.isFinite(p) && p > 0)
}

const subscribed = (fake: FakeOkx, channel: string): boolean => fake.subscriptions().some((s) => s.arg.channel === channel && s.arg['instId'] === SWAP_ID)

test.describe.configure({ mode: 'serial' })

let dataDir = ''
let fake: FakeOkx | undefined
let server: RunningServer | undefined

test.beforeAll(async () => {
  test.setTimeout(READY_TIMEOUT_MS + 30_000)
  dataDir = await mkdtemp(join(tmpdir(), 'workstation-live-e2e-'))
  fake = await startFakeOkx()
  const dead = await closedPort()
  server = await startServe(dataDir, ['--venues', 'sim,okx,binance', '--venue-endpoint', `okx=${fake.restUrl}`, '--venue-endpoint', `binance=http://127.0.0.1:${dead}`])
})

test.afterAll(async () => {
  await server?.stop()
  await fake?.close()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

test('picks OKX and BTC/USDT:USDT: real labels, the fake book on the ladder, its print on the tape', async ({ page }) => {
  const okx = fake!
  await page.goto(`${server!.url}#/chart`)
  const venueSelect = page.getByTestId('venue-select')
  await expect(venueSelect).toHaveValue('sim')
  await expect(page.getByTestId('simulated-badge')).toBeVisible()
  await expect(venueSelect.locator('option')).toHaveText(['Market simulator', 'OKX', 'Binance'])
  // Opening the page on the simulator reached no live venue.
  expect(okx.requests()).toEqual([])

  await venueSelect.selectOption('okx')
  await expect(venueSelect).toHaveValue('okx')
  await expect(page.getByTestId('symbol-select')).toHaveValue(SWAP)
  await expect(page.getByTestId('simulated-badge')).toHaveCount(0)
  await expect(page.getByTestId('page-chart')).not.toHaveClass(/simulated/)
  await expect(page.getByTestId('chart-load-error')).toHaveCount(0)
  await expect(page.getByTestId('chart-watch-error')).toHaveCount(0)
  await expect(page.getByTestId('ticker-strip')).toContainText(SWAP)

  // Once both streams are subscribed at the fake, what it does shows on the page.
  await expect.poll(() => subscribed(okx, 'books') && subscribed(okx, 'trades'), { timeout: 15_000 }).toBe(true)
  const bids: [number, number][] = [[60_999.9, 12], [60_999.5, 30], [60_998, 8]]
  const asks: [number, number][] = [[61_000.3, 9], [61_001, 25], [61_002.5, 4]]
  okx.setBook(SWAP_ID, bids, asks)
  await expect.poll(() => sidePrices(page, 'bid'), { timeout: 10_000 }).toEqual(bids.map(([price]) => price))
  expect(await sidePrices(page, 'ask')).toEqual(asks.map(([price]) => price).reverse()) // farthest ask on top
  await expect(page.getByTestId('book-spread')).toContainText('Spread 0.4')
  await expect(page.getByTestId('feed-status').locator('[data-stream="book"]')).toHaveAttribute('data-status', 'live')

  okx.printTrade(SWAP_ID, 61_000.3, 3, 'buy')
  const print = page.locator('[data-testid="trade-tape"] .tape-row.buy', { hasText: '61,000.3' })
  await expect(print).toHaveCount(1, { timeout: 10_000 })
  await expect(print.locator('.tape-size')).toHaveText('3')
  await expect(page.getByTestId('ticker-last')).toHaveText('61,000.3')
  // The fake is quiet between our pushes, so its streams go stale after 5 s; the screenshot follows a fresh push.
  okx.setBook(SWAP_ID, bids, asks)
  okx.printTrade(SWAP_ID, 61_000.3, 1, 'buy')
  for (const stream of ['book', 'trades']) {
    await expect(page.getByTestId('feed-status').locator(`[data-stream="${stream}"]`)).toHaveAttribute('data-status', 'live')
  }
  await page.screenshot({ path: join(SCREENSHOTS, 'chart-okx-fake.png') })
})

test('a venue it cannot reach shows a readable message and the page keeps working', async ({ page }) => {
  await page.goto(`${server!.url}#/chart`)
  const venueSelect = page.getByTestId('venue-select')
  await expect(page.getByTestId('symbol-select')).not.toHaveValue('')

  await venueSelect.selectOption('binance')
  const error = page.getByTestId('chart-load-error')
  await expect(error).toBeVisible({ timeout: 30_000 })
  await expect(error).toHaveAttribute('role', 'alert')
  await expect(error).toContainText(/^Could not connect to Binance: Loading the market list on binance failed: .*ECONNREFUSED 127\.0\.0\.1:\d+/)
  await expect(error).toContainText('unavailable')
  // The chart stays on the venue it was showing, and another pick clears the message.
  await expect(venueSelect).not.toHaveValue('binance')
  await expect(page.getByRole('heading', { level: 1, name: 'Chart' })).toBeVisible()
  await page.screenshot({ path: join(SCREENSHOTS, 'chart-venue-unreachable.png') })

  await venueSelect.selectOption('okx')
  await expect(error).toHaveCount(0)
  await expect(venueSelect).toHaveValue('okx')
  await expect(page.getByTestId('simulated-badge')).toHaveCount(0)
})
