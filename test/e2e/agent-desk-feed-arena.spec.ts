import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { callContract } from './support/contract-call'
import { scriptKernel } from './support/scripted-kernel'
import { READY_TIMEOUT_MS, ROOT, startServe, type RunningServer } from './support/serve'

// The Decision feed and the Arena against the real kernel under `npm run
// serve`: the rules pilot trades on the simulated market from a fresh
// profile, its decisions fill the feed (live, filtered, searched, opened,
// replayed), and the Arena ranks the pilots and draws their equity.

const SCREENSHOTS = join(ROOT, 'test-results')
/** A rules cycle needs a market snapshot first: the simulated feed must be warm. */
const CYCLE_TIMEOUT_MS = 60_000

test.describe.configure({ mode: 'serial' })

let dataDir = ''
let server: RunningServer | undefined
/** The pilot answered by the rules provider (no key needed), found from `pilots.list`. */
let rulesPilot = ''

interface PilotStatusLike {
  config: { id: string; name: string; model: { providerId: string }; venue: string; symbols: string[] }
  state: string
}

test.beforeAll(async () => {
  test.setTimeout(READY_TIMEOUT_MS + 30_000)
  dataDir = await mkdtemp(join(tmpdir(), 'workstation-feed-arena-e2e-'))
  server = await startServe(dataDir)
  const pilots = await callContract(server, 'pilots.list')
  // The agent desk is part of the default profile: a kernel that does not serve it is a regression.
  expect(pilots.ok, JSON.stringify(pilots)).toBe(true)
  const list = (pilots as { ok: true; value: PilotStatusLike[] }).value
  rulesPilot = list.find((p) => p.config.model.providerId === 'rules')?.config.id ?? ''
  expect(rulesPilot, `a rules pilot among ${list.map((p) => p.config.id).join(', ')}`).not.toBe('')
})

test.afterAll(async () => {
  await server?.stop()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

const url = (hash: string): string => `${server!.url}${hash}`

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: false })
}

const cards = (page: Page): Locator => page.getByTestId('feed-card')

/** Waits until the rules pilot has recorded at least one decision, asking the kernel directly. */
async function waitForRulesDecision(): Promise<void> {
  await expect
    .poll(
      async () => {
        const found = await callContract(server!, 'feed.search', { pilotId: rulesPilot, limit: 1 })
        return found.ok ? (found.value as unknown[]).length : -1
      },
      { timeout: CYCLE_TIMEOUT_MS, message: 'the rules pilot records a decision' },
    )
    .toBeGreaterThan(0)
}

async function openFeed(page: Page, hash = '#/feed'): Promise<void> {
  await page.goto(url(hash))
  await expect(page.getByRole('heading', { level: 1, name: 'Decision feed' })).toBeVisible()
  await expect.poll(() => cards(page).count(), { timeout: CYCLE_TIMEOUT_MS }).toBeGreaterThan(0)
}

test('a fresh start: Run now on the rules pilot, and its decisions appear in the feed', async ({ page }) => {
  test.setTimeout(CYCLE_TIMEOUT_MS * 2 + 30_000)
  await page.goto(url('#/arena'))
  await expect(page.getByRole('heading', { level: 1, name: 'Arena' })).toBeVisible()
  const card = page.locator(`[data-testid="pilot-card"][data-pilot="${rulesPilot}"]`)
  await expect(card).toBeVisible()
  // The scheduler may be mid-cycle: Run now waits until it is allowed, then runs one cycle on demand.
  const runNow = card.getByTestId('pilot-runNow')
  await expect(runNow).toBeEnabled({ timeout: CYCLE_TIMEOUT_MS })
  await runNow.click()
  await expect(card.getByTestId('pilot-last-run')).toHaveAttribute('data-outcome', /^(traded|held|no_action|failed|skipped)$/, { timeout: CYCLE_TIMEOUT_MS })
  await expect(card.getByTestId('pilot-control-error')).toHaveCount(0)
  await waitForRulesDecision()

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Decision feed', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Decision feed' })).toBeVisible()
  const rulesCards = page.locator(`[data-testid="feed-card"][data-pilot="${rulesPilot}"]`)
  await expect.poll(() => rulesCards.count()).toBeGreaterThan(0)

  // Newest first, every card carrying what the brief asks of it.
  const times = await cards(page).locator('time').evaluateAll((nodes) => nodes.map((n) => Date.parse(n.getAttribute('datetime') ?? '')))
  expect(times).toEqual([...times].sort((a, b) => b - a))
  const first = rulesCards.first()
  await expect(first.getByTestId('feed-card-model')).toHaveText(/^rules\//)
  await expect(first.getByTestId('feed-card-outcome')).toHaveAttribute('data-outcome', /^(parsed|repaired|no_action|failed|vetoed|skipped)$/)
  await expect(first.getByTestId('feed-card-conclusion')).not.toBeEmpty()
  await expect(first.getByTestId('feed-card-cost')).toHaveText('$0') // the rules provider costs nothing
  await expect(first).toContainText(/prompt v\d+/)
  await screenshot(page, 'feed.png')
})

test('filters by role and outcome, and searches the text', async ({ page }) => {
  await openFeed(page)
  const role = (await cards(page).first().getAttribute('data-role'))!
  await page.getByTestId('feed-filter-role').selectOption(role)
  await expect.poll(() => cards(page).count()).toBeGreaterThan(0)
  expect(new Set(await cards(page).evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-role'))))).toEqual(new Set([role]))

  // A role the rules pilot never plays: nothing matches, and the page says so.
  const absent = role === 'bull_analyst' ? 'bear_analyst' : 'bull_analyst'
  await page.getByTestId('feed-filter-role').selectOption(absent)
  const shown = await cards(page).evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-role')))
  expect(shown.every((r) => r === absent)).toBe(true)
  if (shown.length === 0) await expect(page.getByTestId('feed-empty')).toHaveAttribute('data-filtered', 'true')
  await page.getByTestId('feed-filter-role').selectOption('')
  await expect.poll(() => cards(page).count()).toBeGreaterThan(0)

  const outcome = (await cards(page).first().getAttribute('data-outcome'))!
  await page.getByTestId('feed-filter-outcome').selectOption(outcome)
  await expect.poll(() => cards(page).count()).toBeGreaterThan(0)
  expect(new Set(await cards(page).evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-outcome'))))).toEqual(new Set([outcome]))
  await page.getByTestId('feed-filter-outcome').selectOption('')

  // Full text: a word of a conclusion finds its card; a word no run ever wrote finds nothing.
  const target = cards(page).first()
  const id = (await target.getAttribute('data-decision-id'))!
  const conclusion = (await target.getByTestId('feed-card-conclusion').textContent()) ?? ''
  const word = conclusion.split(/[^A-Za-z]+/).find((w) => w.length >= 4) ?? conclusion.split(/\s+/)[0]!
  await page.getByTestId('feed-search').fill(word)
  await expect(page.locator(`[data-testid="feed-card"][data-decision-id="${id}"]`)).toBeVisible()
  await page.getByTestId('feed-search').fill('zzqxjwvk')
  await expect(page.getByTestId('feed-empty')).toBeVisible()
  await expect(cards(page)).toHaveCount(0)
  await page.getByTestId('feed-filter-clear').click()
  await expect(page.getByTestId('feed-search')).toHaveValue('')
  await expect.poll(() => cards(page).count()).toBeGreaterThan(0)
})

test('a card opens into its messages, snapshot, raw and parsed output, and replays identically from the record', async ({ page }) => {
  await openFeed(page, `#/feed?pilot=${rulesPilot}`)
  await expect(page.getByTestId('feed-filter-pilot')).toHaveValue(rulesPilot)
  const card = cards(page).first()
  await card.getByTestId('feed-card-expand').click()
  const detail = card.getByTestId('feed-detail')
  await expect(detail).toHaveAttribute('data-state', 'loaded')
  await expect(detail.getByTestId('feed-detail-messages').locator('details')).not.toHaveCount(0)
  await expect(detail.getByTestId('feed-detail-raw')).not.toBeEmpty()
  await expect(detail.getByTestId('feed-detail-parsed')).not.toBeEmpty()
  const table = detail.getByTestId('feed-snapshot-table')
  await expect(table.locator('tbody tr').first()).toBeVisible()
  await expect(table.locator('tbody tr').first()).toHaveAttribute('data-symbol', /USDT/)

  await detail.getByTestId('feed-replay-recorded').click()
  const replay = detail.getByTestId('feed-replay-result-recorded')
  await expect(replay).toBeVisible()
  await expect(replay.getByTestId('feed-replay-identical')).toHaveText('IDENTICAL')
  await expect(replay.locator('.replay-side')).toHaveCount(2)
  await card.scrollIntoViewIfNeeded()
  await screenshot(page, 'feed-expanded.png')

  await card.getByTestId('feed-card-expand').click()
  await expect(card.getByTestId('feed-detail')).toHaveCount(0)
})

test('a new decision appears at the top while the feed is open', async ({ page }) => {
  test.setTimeout(CYCLE_TIMEOUT_MS + 30_000)
  await openFeed(page)
  const before = await cards(page).first().getAttribute('data-decision-id')
  const ran = await callContract(server!, 'pilots.runNow', { pilotId: rulesPilot })
  expect(ran.ok, JSON.stringify(ran)).toBe(true)
  // No reload: the card arrives by feed.decisionRecorded.
  await expect.poll(() => cards(page).first().getAttribute('data-decision-id'), { timeout: CYCLE_TIMEOUT_MS }).not.toBe(before)
  await expect(cards(page).first()).toHaveAttribute('data-pilot', rulesPilot)
})

test('the Arena ranks the pilots, draws every equity curve and links to their decisions', async ({ page }) => {
  await page.goto(url('#/arena'))
  await expect(page.getByRole('heading', { level: 1, name: 'Arena' })).toBeVisible()
  const rows = page.getByTestId('arena-row')
  await expect.poll(() => rows.count()).toBeGreaterThan(0)
  await expect(page.locator(`[data-testid="arena-row"][data-pilot="${rulesPilot}"]`)).toBeVisible()

  // Sorting: a header click orders by that column, a second click reverses it.
  const header = page.getByTestId('arena-sort-name')
  await header.click()
  await expect(page.locator('th', { has: header })).toHaveAttribute('aria-sort', 'ascending')
  const names = async (): Promise<string[]> => rows.locator('td:nth-child(2)').allTextContents()
  const ascending = await names()
  expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b)))
  await header.click()
  await expect(page.locator('th', { has: header })).toHaveAttribute('aria-sort', 'descending')
  expect(await names()).toEqual([...ascending].reverse())
  await page.getByTestId('arena-sort-rank').click()

  // One line series per pilot with an equity history; the rules pilot has one after its cycles.
  const chart = page.getByTestId('arena-chart')
  await expect.poll(async () => Number((await chart.getAttribute('data-series')) ?? 0), { timeout: 20_000 }).toBeGreaterThan(0)
  await expect(chart.locator('canvas').first()).toBeVisible()
  await expect(page.getByTestId('arena-legend').locator(`li[data-pilot="${rulesPilot}"]`)).toBeVisible()

  // A pilot without a key says where to add one.
  const waiting = page.locator('[data-testid="pilot-card"]:has([data-testid="pilot-state"][data-state="waiting_for_key"])')
  if ((await waiting.count()) > 0) {
    await expect(waiting.first().getByTestId('pilot-waiting-key')).toContainText('add one in Settings → Models')
    await expect(waiting.first().getByTestId('pilot-open-models')).toHaveAttribute('href', '#/settings/models')
  }
  await screenshot(page, 'arena.png')

  await page.locator(`[data-testid="pilot-card"][data-pilot="${rulesPilot}"]`).getByTestId('pilot-open-feed').click()
  await expect(page).toHaveURL(new RegExp(`#/feed\\?pilot=${rulesPilot}$`))
  await expect(page.getByTestId('feed-filter-pilot')).toHaveValue(rulesPilot)
  await expect.poll(() => cards(page).count()).toBeGreaterThan(0)
  expect(new Set(await cards(page).evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-pilot'))))).toEqual(new Set([rulesPilot]))
})

test("a pilot's card lists its positions in the blotter's compact table", async ({ page }) => {
  // The rules pilot rarely holds a position this early: the kernel's own views, with one position added to its pilot.
  const views = await callContract(server!, 'arena.pilots')
  expect(views.ok, JSON.stringify(views)).toBe(true)
  const position = { venue: 'sim', symbol: 'BTC/USDT:USDT', side: 'short', contracts: 3, entryPrice: 65_000, markPrice: 64_500, unrealizedPnl: 15, leverage: 2, margin: 975, liquidationPrice: 90_000 }
  const withPosition = (views as { ok: true; value: { pilotId: string; positions: unknown[] }[] }).value.map((v) => (v.pilotId === rulesPilot ? { ...v, positions: [position] } : v))
  await scriptKernel(page, { 'arena.pilots': () => withPosition })
  await page.goto(url('#/arena'))
  const positions = page.locator(`[data-testid="pilot-card"][data-pilot="${rulesPilot}"]`).getByTestId('pilot-positions')
  const row = positions.getByTestId('position-row')
  await expect(row).toHaveCount(1)
  // Symbol, side, size, entry, mark and unrealized PnL: no account, leverage, margin or liquidation in a card.
  await expect(positions.locator('th')).toHaveCount(6)
  await expect(row.locator('td').nth(0)).toHaveText('BTC/USDT:USDT')
  await expect(row.locator('td').nth(1)).toHaveText('Short')
  await expect(row.locator('td').nth(5)).toHaveClass(/tone-up/)
  await positions.scrollIntoViewIfNeeded()
  await screenshot(page, 'arena-positions.png')
})

test('pausing and resuming a pilot from its card', async ({ page }) => {
  await page.goto(url('#/arena'))
  const card = page.locator(`[data-testid="pilot-card"][data-pilot="${rulesPilot}"]`)
  await expect(card.getByTestId('pilot-pause')).toBeEnabled({ timeout: CYCLE_TIMEOUT_MS })
  await card.getByTestId('pilot-pause').click()
  await expect(card.getByTestId('pilot-state')).toHaveAttribute('data-state', 'paused')
  await expect(page.locator(`[data-testid="arena-row"][data-pilot="${rulesPilot}"] [data-testid="arena-row-state"]`)).toHaveAttribute('data-state', 'paused')
  await expect(card.getByTestId('pilot-pause')).toBeDisabled()
  await card.getByTestId('pilot-resume').click()
  await expect(card.getByTestId('pilot-state')).toHaveAttribute('data-state', 'running')
})

test('a Monitor link to an order opens the tab that lists it and picks out its row', async ({ page }) => {
  // The link the Decision feed writes for an intent's order; here the order is a manual one on its own paper account.
  const pilots = await callContract(server!, 'pilots.list')
  const pilot = (pilots as { ok: true; value: PilotStatusLike[] }).value.find((p) => p.config.id === rulesPilot)!
  const created = await callContract(server!, 'accounts.create', { id: 'e2e-focus', name: 'E2E order link', venue: pilot.config.venue, mode: 'paper', startingBalance: 100_000 })
  expect(created.ok, JSON.stringify(created)).toBe(true)
  const draft = { accountId: 'e2e-focus', venue: pilot.config.venue, symbol: pilot.config.symbols[0], side: 'buy', type: 'market', amount: 1, price: null, timeInForce: 'IOC', postOnly: false, reduceOnly: false, leverage: null, ttlMs: 60_000, partialFillPolicy: 'cancel_rest', stopLoss: null, takeProfit: null }
  const sent = await callContract(server!, 'orders.submit', { draft, confirmed: true })
  expect(sent.ok, JSON.stringify(sent)).toBe(true)
  const order = (sent as { ok: true; value: { status: string; order: { clientOrderId: string } | null } }).value
  expect(order.status, JSON.stringify(order)).toBe('sent')
  const clientOrderId = order.order!.clientOrderId

  await page.goto(url(`#/monitor?order=${encodeURIComponent(clientOrderId)}`))
  const blotter = page.getByTestId('monitor-blotter')
  const row = blotter.locator('[data-testid="order-row"][data-focused="true"]')
  await expect(row).toHaveAttribute('data-client-order-id', clientOrderId)
  await expect(row).toHaveCount(1)
  await expect(row).toBeInViewport()
  // A market order is done at once: the blotter leaves its default Positions tab for the history.
  const working = /^(pending|sent|unknown|open|partially_filled)$/.test((await row.getAttribute('data-state')) ?? '')
  await expect(blotter.getByTestId(`blotter-tab-${working ? 'open' : 'history'}`)).toHaveAttribute('aria-selected', 'true')
  await expect(blotter.getByTestId('blotter-account')).toHaveValue('')
  await screenshot(page, 'monitor-order.png')

  // A link to an order the blotter has not loaded says so instead of showing nothing.
  await page.goto(url('#/monitor?order=nosuchorder1'))
  await expect(blotter.getByTestId('blotter-focus-missing')).toContainText('nosuchorder1')
  await expect(blotter.locator('[data-testid="order-row"][data-focused="true"]')).toHaveCount(0)
})
