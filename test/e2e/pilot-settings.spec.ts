import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { callContract } from './support/contract-call'
import { READY_TIMEOUT_MS, ROOT, startServe, type RunningServer } from './support/serve'

// The pilot settings dialog of the Arena against the real kernel: the rules
// pilot switches to mean reversion every six minutes and the kernel stores
// it; the Qwen desk lists a model choice for each of its nine roles.

const SCREENSHOTS = join(ROOT, 'test-results')

interface PilotStatusLike {
  config: { id: string; name: string; pipeline: string; strategy: string; cadenceMs: number; model: { providerId: string; model: string }; roleModels: Record<string, { providerId: string; model: string }> }
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
