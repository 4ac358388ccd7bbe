import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { READY_TIMEOUT_MS, ROOT, startServe, type RunningServer } from './support/serve'

// The renderer against the real kernel: `npm run serve` (build if stale, then
// the headless shell) on a fresh profile, driven in the system Chromium.

const SCREENSHOTS = join(ROOT, 'test-results')

function ageSeconds(text: string | null): number {
  const match = /(\d+(?:\.\d+)?)/.exec(text ?? '')
  return match?.[1] ? Number(match[1]) : Number.POSITIVE_INFINITY
}

/** Polls until the shown heartbeat age has stayed low for a while: beats keep arriving, not just one. */
async function expectHeartbeatsFlowing(heartbeat: Locator): Promise<void> {
  const since = Date.now()
  await expect
    .poll(async () => Date.now() - since > 2_500 && ageSeconds(await heartbeat.textContent()) < 1.6, { timeout: 15_000, intervals: [200] })
    .toBe(true)
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: false })
}

test.describe.configure({ mode: 'serial' })

let dataDir = ''
let server: RunningServer | undefined

test.beforeAll(async () => {
  test.setTimeout(READY_TIMEOUT_MS + 30_000)
  dataDir = await mkdtemp(join(tmpdir(), 'workstation-e2e-'))
  server = await startServe(dataDir)
})

test.afterAll(async () => {
  await server?.stop()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

function serverUrl(hash = ''): string {
  if (!server) throw new Error('server not started')
  return server.url + hash
}

test('connects to the kernel and shows heartbeat, paper mode, version and data dir', async ({ page }) => {
  await page.goto(serverUrl())

  const connection = page.getByTestId('connection-state')
  await expect(connection).toHaveText('Connected')
  await expect(connection).toHaveAttribute('data-state', 'connected')

  const heartbeat = page.getByTestId('heartbeat-age')
  await expect(heartbeat).toHaveText(/^heartbeat \d+\.\d s ago$/)
  await expectHeartbeatsFlowing(heartbeat)
  await expect(heartbeat).toHaveAttribute('data-level', 'fresh')

  await expect(page.getByTestId('mode-badge')).toHaveText('PAPER')
  await expect(page.getByTestId('kernel-version')).toHaveText(/^kernel v\d+\.\d+\.\d+/)
  await expect(page.getByTestId('data-dir')).toContainText(dataDir)

  // Every page is reachable from the rail; the default one is the Monitor.
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  for (const label of ['Monitor', 'Chart', 'Arena', 'Decision feed', 'Prompt studio', 'Backtest', 'Settings']) {
    await expect(nav.getByRole('link', { name: label })).toBeVisible()
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Monitor' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Monitor', exact: true })).toHaveAttribute('aria-current', 'page')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await screenshot(page, 'headless-en.png')

  await nav.getByRole('link', { name: 'Arena', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Arena' })).toBeVisible()
  await expect(page).toHaveURL(/#\/arena$/)
})

test('switches to 简体中文, keeps it across a reload, and switches back', async ({ page }) => {
  await page.goto(serverUrl())
  await page.getByRole('link', { name: 'Settings', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await expect(page.getByTestId('connection-state')).toHaveText('Connected')

  const language = page.getByLabel('Language')
  await expect(language).toBeEnabled()
  await expect(language).toHaveValue('system') // a fresh profile follows the system language
  await screenshot(page, 'headless-en-settings.png')

  await language.selectOption('zh-CN')
  await expect(page.getByRole('link', { name: '设置', exact: true })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')

  // The choice lives in the kernel's SQLite, not in the page: a reload must find it.
  await page.reload()
  const nav = page.getByRole('navigation', { name: '主导航' })
  for (const label of ['监控', '图表', '竞技场', '决策流', '提示词工作室', '回测', '设置']) {
    await expect(nav.getByRole('link', { name: label })).toBeVisible()
  }
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible()
  await expect(page.getByLabel('语言')).toHaveValue('zh-CN')
  await expect(page.getByTestId('connection-state')).toHaveText('已连接')
  await expect(page.getByTestId('heartbeat-age')).toHaveText(/^心跳 \d+\.\d 秒前$/)
  await expect(page.getByTestId('mode-badge')).toHaveText('模拟盘')
  await screenshot(page, 'headless-zh.png')

  await nav.getByRole('link', { name: '监控', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: '监控' })).toBeVisible()
  await screenshot(page, 'headless-zh-monitor.png')

  // Back to "System default", which the en-US browser resolves to English.
  await nav.getByRole('link', { name: '设置', exact: true }).click()
  await page.getByLabel('语言').selectOption('system')
  await expect(page.getByRole('link', { name: 'Settings', exact: true })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.reload()
  await expect(page.getByLabel('Language')).toHaveValue('system')
  await expect(page.getByRole('link', { name: 'Monitor', exact: true })).toBeVisible()
})

test('reflects settings changed from another window', async ({ page, context }) => {
  await page.goto(serverUrl('#/settings'))
  const other = await context.newPage()
  await other.goto(serverUrl('#/settings'))
  await expect(page.getByLabel('Theme')).toBeEnabled()
  await expect(other.getByLabel('Theme')).toBeEnabled()

  await other.getByLabel('Theme').selectOption('light')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await expect(page.getByLabel('Theme')).toHaveValue('light')
  await screenshot(page, 'headless-light.png')

  await other.getByLabel('Log level').selectOption('debug')
  await expect(page.getByLabel('Log level')).toHaveValue('debug')
  await expect(other.getByTestId('settings-save-error')).toHaveCount(0)

  await other.getByLabel('Theme').selectOption('dark')
  await other.getByLabel('Log level').selectOption('info')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.getByLabel('Log level')).toHaveValue('info')
  await other.close()
})

test('without the token in the URL, explains how to open the app', async ({ page, browser }) => {
  const origin = new URL(serverUrl()).origin
  await page.goto(`${origin}/`)
  const message = page.getByTestId('no-connection')
  await expect(message.getByRole('heading', { name: 'Not connected to the workstation kernel' })).toBeVisible()
  await expect(message).toContainText('npm run serve')
  await expect(message).toContainText('READY http://127.0.0.1:PORT/?token=')
  await expect(page.getByTestId('connection-state')).toHaveCount(0)
  await screenshot(page, 'headless-no-token.png')

  // A Chinese system with no setting to read gets the message in Chinese.
  const zhContext = await browser.newContext({ locale: 'zh-CN' })
  try {
    const zhPage = await zhContext.newPage()
    await zhPage.goto(`${origin}/`)
    await expect(zhPage.getByRole('heading', { name: '未连接到工作站内核' })).toBeVisible()
    await expect(zhPage.locator('html')).toHaveAttribute('lang', 'zh-CN')
    await screenshot(zhPage, 'headless-no-token-zh.png')
  } finally {
    await zhContext.close()
  }
})

test('when the kernel stops, shows the disconnection and the error envelope of a failed save', async ({ page }) => {
  await page.goto(serverUrl('#/settings'))
  await expect(page.getByTestId('connection-state')).toHaveText('Connected')
  await expect(page.getByLabel('Log level')).toBeEnabled()
  await expect(page.getByTestId('heartbeat-age')).toHaveText(/^heartbeat \d+\.\d s ago$/)

  await server!.stop()

  const connection = page.getByTestId('connection-state')
  await expect(connection).toHaveText('Disconnected')
  await expect(connection).toHaveAttribute('data-state', 'disconnected')
  // The heartbeat ages on its own timer: amber past 3 s, red past 5 s.
  await expect(page.getByTestId('heartbeat-age')).toHaveAttribute('data-level', 'stale', { timeout: 15_000 })

  await page.getByLabel('Log level').selectOption('warn')
  const error = page.getByTestId('settings-save-error')
  await expect(error).toBeVisible()
  await expect(error).toHaveAttribute('role', 'alert')
  await expect(error).toContainText('unavailable')
  // Not optimistic: the control snaps back to what the kernel last persisted.
  await expect(page.getByLabel('Log level')).toHaveValue('info')
  await screenshot(page, 'headless-disconnected.png')
})
