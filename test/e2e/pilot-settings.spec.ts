import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { callContract } from './support/contract-call'
import { READY_TIMEOUT_MS, ROOT, startServe, type RunningServer } from './support/serve'

// The pilot settings dialog of the Arena against the real kernel: the rules
// pilot switches to mean reversion every six minutes and the kernel stores
// it; the Qwen desk lists a model choice for each of its nine roles; a new
// pilot is created paused on its own account, runs once, and is removed.

const SCREENSHOTS = join(ROOT, 'test-results')
/** A cycle on the simulator takes well under this; the first one also loads its market history. */
const CYCLE_TIMEOUT_MS = 60_000

interface PilotStatusLike {
  config: {
    id: string
    name: string
    pipeline: string
    strategy: string
    cadenceMs: number
    model: { providerId: string; model: string }
    roleModels: Record<string, { providerId: string; model: string }>
    accountId: string
    venue: string
    symbols: string[]
  }
  state: string
}

test.describe.configure({ mode: 'serial' })

let dataDir = ''
let server: RunningServer | undefined

async function pilots(): Promise<PilotStatusLike[]> {
  const envelope = await callContract(server!, 'pilots.list')
  if (!envelope.ok) throw new Error(`pilots.list: ${envelope.error.message}`)
  return envelope.value as PilotStatusLike[]
}

const pilot = async (id: string): Promise<PilotStatusLike['config'] | undefined> => (await pilots()).find((p) => p.config.id === id)?.config

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const envelope = await callContract(server!, channel, input)
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`)
  return envelope.value as T
}

async function openSettings(page: Page, pilotId: string): Promise<Locator> {
  await page.locator(`[data-testid="pilot-card"][data-pilot="${pilotId}"]`).getByTestId('pilot-settings-open').click()
  const dialog = page.getByTestId('pilot-settings')
  await expect(dialog).toBeVisible()
  await expect(dialog.locator('form')).toHaveAttribute('data-pilot', pilotId)
  return dialog
}

test.beforeAll(async () => {
  test.setTimeout(READY_TIMEOUT_MS + 30_000)
  dataDir = await mkdtemp(join(tmpdir(), 'workstation-pilot-settings-e2e-'))
  // No schedule: the pilots stay as configured while the test edits them.
  server = await startServe(dataDir, ['--pilots', 'off'])
})

test.afterAll(async () => {
  await server?.stop()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

test('the rules pilot switches to mean reversion every 6 minutes, and the kernel keeps it', async ({ page }) => {
  const before = await pilot('rules')
  expect(before).toMatchObject({ strategy: 'trend_following', cadenceMs: 180_000 })

  await page.goto(`${server!.url}#/arena`)
  const dialog = await openSettings(page, 'rules')
  // Nothing edited yet: nothing to save.
  await expect(dialog.getByTestId('pilot-settings-save')).toBeDisabled()
  await expect(dialog.getByTestId('pilot-settings-cadence')).toHaveValue('3')
  // The venue's markets load as the symbol choices, the pilot's own ticked.
  await expect(dialog.locator('[data-testid="pilot-settings-symbol"][data-symbol="BTC/USDT:USDT"]')).toBeChecked()

  await dialog.getByTestId('pilot-settings-strategy').locator('[data-value="mean_reversion"]').click()
  await expect(dialog.getByTestId('pilot-settings-strategy').locator('[data-value="mean_reversion"]')).toHaveAttribute('aria-pressed', 'true')

  // A cadence the kernel would refuse is caught in the form first, and Save waits.
  const cadence = dialog.getByTestId('pilot-settings-cadence')
  await cadence.fill('0.1')
  await expect(cadence).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog).toContainText('A number of minutes from 0.17 (10 s) to 1440 (24 h)')
  await expect(dialog.getByTestId('pilot-settings-save')).toBeDisabled()

  await cadence.fill('6')
  await expect(cadence).not.toHaveAttribute('aria-invalid', 'true')
  await dialog.getByTestId('pilot-settings-save').click()
  await expect(dialog).toBeHidden()

  const after = await pilot('rules')
  expect(after).toMatchObject({ strategy: 'mean_reversion', cadenceMs: 360_000, model: { providerId: 'rules', model: 'mean_reversion' } })
  // Only what was edited changed.
  expect(after?.name).toBe(before?.name)
  expect(after?.pipeline).toBe(before?.pipeline)

  // The card follows at once (pilots.changed), and the dialog opens on the stored values.
  await expect(page.locator('[data-testid="pilot-card"][data-pilot="rules"] .pilot-model')).toHaveText('rules/mean_reversion')
  const again = await openSettings(page, 'rules')
  await expect(again.getByTestId('pilot-settings-cadence')).toHaveValue('6')
  await expect(again.getByTestId('pilot-settings-strategy').locator('[data-value="mean_reversion"]')).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('Escape')
  await expect(again).toBeHidden()
})

test("the Qwen desk lists a model for each of the desk pipeline's roles", async ({ page }) => {
  const qwen = await pilot('qwen')
  expect(qwen).toMatchObject({ pipeline: 'desk', model: { providerId: 'qwen', model: 'qwen-turbo' }, roleModels: { trader: { providerId: 'qwen', model: 'qwen-max' } } })

  await page.goto(`${server!.url}#/arena`)
  const dialog = await openSettings(page, 'qwen')
  await expect(dialog.getByTestId('pilot-settings-provider')).toHaveValue('qwen')
  await expect(dialog.getByTestId('pilot-settings-model')).toHaveValue('qwen-turbo')

  const roles = dialog.getByTestId('pilot-settings-roles')
  const desk = ['news_collector', 'technical_analyst', 'order_flow_analyst', 'data_analyst', 'macro_trader', 'bull_analyst', 'bear_analyst', 'trader', 'risk_officer']
  await expect(roles.locator('select')).toHaveCount(desk.length)
  for (const role of desk) await expect(roles.getByTestId(`pilot-settings-role-${role}`)).toBeVisible()
  await expect(roles.locator('.pilot-role-row label').first()).toHaveText('News collector')
  // The trader keeps its stronger model; every other role says it follows the main model.
  await expect(roles.getByTestId('pilot-settings-role-trader')).toHaveValue('qwen::qwen-max')
  await expect(roles.getByTestId('pilot-settings-role-bull_analyst')).toHaveValue('')
  await expect(roles.getByTestId('pilot-settings-role-bull_analyst').locator('option:checked')).toHaveText('Main model · qwen/qwen-turbo')

  // Solo asks the trader alone; back to the desk, all nine again.
  await dialog.getByTestId('pilot-settings-pipeline').locator('[data-value="solo"]').click()
  await expect(roles.locator('select')).toHaveCount(1)
  await expect(dialog).toContainText('One trader reads the market and decides alone')
  await dialog.getByTestId('pilot-settings-pipeline').locator('[data-value="desk"]').click()
  await expect(roles.locator('select')).toHaveCount(desk.length)
  await expect(dialog.getByTestId('pilot-settings-save')).toBeDisabled()

  await page.waitForTimeout(300)
  await page.screenshot({ path: join(SCREENSHOTS, 'pilot-settings.png') })
  await dialog.getByTestId('pilot-settings-close').click()
  await expect(dialog).toBeHidden()
  // Closing without saving changed nothing.
  expect(await pilot('qwen')).toEqual(qwen)
})

test('a new rules pilot on ETH alone: created paused on its own account, run once, then removed', async ({ page }) => {
  test.setTimeout(CYCLE_TIMEOUT_MS * 2 + 60_000)
  const id = 'eth-reversion'
  await page.goto(`${server!.url}#/arena`)
  await page.getByTestId('arena-new-pilot').click()
  const dialog = page.getByTestId('pilot-settings')
  await expect(dialog.locator('form')).toHaveAttribute('data-mode', 'create')
  await expect(dialog.getByRole('heading', { name: 'New pilot' })).toBeVisible()
  await expect(dialog).toContainText('starts paused')

  // Pressing Create on the empty form points at what is missing, and creates nothing.
  await dialog.getByTestId('pilot-settings-save').click()
  await expect(dialog.getByTestId('pilot-settings-name')).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog).toContainText('Pick at least one symbol')
  expect(await pilots()).toHaveLength(3)

  await dialog.getByTestId('pilot-settings-name').fill('ETH reversion')
  // The id follows the name; the account will be named after it.
  await expect(dialog.getByTestId('pilot-settings-id')).toHaveValue(id)
  await expect(dialog.getByTestId('pilot-settings-venue')).toHaveValue('sim')
  const eth = dialog.locator('[data-testid="pilot-settings-symbol"][data-symbol="ETH/USDT:USDT"]')
  await eth.check()
  await expect(dialog.locator('[data-testid="pilot-settings-symbol"]:checked')).toHaveCount(1)
  await dialog.getByTestId('pilot-settings-strategy').locator('[data-value="mean_reversion"]').click()
  await dialog.getByTestId('pilot-settings-cadence').fill('5')
  await dialog.getByTestId('pilot-settings-balance').fill('2,500')
  await expect(dialog.getByTestId('pilot-settings-status')).toHaveText('Ready: ETH reversion on sim, ETH/USDT:USDT.')
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(SCREENSHOTS, 'pilot-create.png') })

  await dialog.getByTestId('pilot-settings-save').click()
  await expect(dialog).toBeHidden()

  // The kernel has it, paused, on its own paper account with the deposit asked for.
  const status = (await pilots()).find((p) => p.config.id === id)
  expect(status).toMatchObject({
    state: 'paused',
    config: { name: 'ETH reversion', accountId: 'pilot-eth-reversion', venue: 'sim', symbols: ['ETH/USDT:USDT'], strategy: 'mean_reversion', cadenceMs: 300_000, model: { providerId: 'rules', model: 'mean_reversion' } },
  })
  const accounts = await call<{ id: string; mode: string; venue: string; pilotId: string | null }[]>('accounts.list')
  expect(accounts.find((a) => a.id === 'pilot-eth-reversion')).toMatchObject({ mode: 'paper', venue: 'sim', pilotId: id })
  const rows = await call<{ pilotId: string; startingEquity: number }[]>('arena.leaderboard')
  expect(rows.find((r) => r.pilotId === id)?.startingEquity).toBe(2500)

  // The Arena shows it at once: paused, saying so, with Resume and Run now on its card.
  const card = page.locator(`[data-testid="pilot-card"][data-pilot="${id}"]`)
  await expect(card).toBeVisible()
  await expect(card.getByTestId('pilot-state')).toHaveText('PAUSED')
  await expect(card.getByTestId('pilot-created')).toContainText('ETH reversion was created paused')
  await expect(card.getByTestId('pilot-created')).toContainText('pilot-eth-reversion holds 2,500.00 USDT')
  await expect(card.getByTestId('pilot-resume')).toBeEnabled()
  // Brought into view, Resume with it.
  await expect(card.getByTestId('pilot-resume')).toBeInViewport()
  await expect(page.locator(`[data-testid="arena-row"][data-pilot="${id}"]`)).toBeVisible()
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(SCREENSHOTS, 'pilot-created.png') })

  // Run now works while paused: one cycle, recorded in the feed under this pilot.
  await card.getByTestId('pilot-runNow').click()
  await expect(card.getByTestId('pilot-last-run')).toHaveAttribute('data-outcome', /^(traded|held|no_action|failed|skipped)$/, { timeout: CYCLE_TIMEOUT_MS })
  await expect(card.getByTestId('pilot-control-error')).toHaveCount(0)
  await expect
    .poll(async () => (await call<{ pilotId: string }[]>('feed.search', { pilotId: id, limit: 5 })).length, { timeout: CYCLE_TIMEOUT_MS, message: 'the new pilot records a decision' })
    .toBeGreaterThan(0)
  expect((await call<{ pilotId: string }[]>('feed.search', { pilotId: id, limit: 5 })).every((d) => d.pilotId === id)).toBe(true)

  // Remove it: the confirmation says it stops now and what is kept, and starts on Cancel.
  const settings = await openSettings(page, id)
  // Its own settings are what it was created with; the create-only fields are not offered again.
  await expect(settings.getByTestId('pilot-settings-strategy').locator('[data-value="mean_reversion"]')).toHaveAttribute('aria-pressed', 'true')
  await expect(settings.getByTestId('pilot-settings-cadence')).toHaveValue('5')
  await expect(settings.getByTestId('pilot-settings-identity')).toHaveCount(0)
  await settings.getByTestId('pilot-remove-open').click()
  const confirm = page.getByTestId('pilot-remove')
  await expect(confirm).toBeVisible()
  await expect(confirm).toContainText('ETH reversion stops now')
  await expect(confirm).toContainText('Its paper account pilot-eth-reversion, its orders and its decisions are kept')
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.screenshot({ path: join(SCREENSHOTS, 'pilot-remove.png') })
  await confirm.getByTestId('pilot-remove-confirm').click()
  await expect(confirm).toBeHidden()
  await expect(settings).toBeHidden()

  await expect(card).toHaveCount(0)
  await expect(page.locator(`[data-testid="arena-row"][data-pilot="${id}"]`)).toHaveCount(0)
  expect((await pilots()).some((p) => p.config.id === id)).toBe(false)
  expect((await call<{ pilotId: string }[]>('arena.leaderboard')).some((r) => r.pilotId === id)).toBe(false)
  // Kept for the record: the account and the decisions.
  expect((await call<{ id: string }[]>('accounts.list')).some((a) => a.id === 'pilot-eth-reversion')).toBe(true)
  expect((await call<unknown[]>('feed.search', { pilotId: id, limit: 5 })).length).toBeGreaterThan(0)
})
