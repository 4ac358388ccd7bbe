import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai'
import { deskResponder, marketOrder, traderDecision } from '../support/agent-desk/role-answers'
import { callContract } from './support/contract-call'
import { READY_TIMEOUT_MS, ROOT, startServe, type RunningServer } from './support/serve'

// The arena with all three pilots trading: the fake OpenAI-compatible server
// stands in for DeepSeek and Qwen as a local provider (no key, so no
// keychain is needed on the test machine), the rules pilot runs as shipped.
// The leaderboard, the equity chart and the feed update in Chromium.

const SCREENSHOTS = join(ROOT, 'test-results')
const BTC = 'BTC/USDT:USDT'

test.describe.configure({ mode: 'serial' })

let dataDir = ''
let server: RunningServer | undefined
let fake: FakeOpenAi | undefined

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const envelope = await callContract(server!, channel, input)
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`)
  return envelope.value as T
}

test.beforeAll(async () => {
  test.setTimeout(READY_TIMEOUT_MS + 30_000)
  fake = await startFakeOpenAi()
  // Every role gets a valid report; the traders buy a small BTC position.
  fake.respondWith(deskResponder(() => ({ json: traderDecision([marketOrder(BTC, 'buy', 0.1)], { rationale: 'Scripted momentum entry for the arena test.' }) })))
  dataDir = await mkdtemp(join(tmpdir(), 'workstation-arena-e2e-'))
  server = await startServe(dataDir, ['--pilots', 'off'])
  await call('models.saveProvider', {
    id: 'fake-local',
    kind: 'openai-compatible',
    name: 'Fake local model',
    baseUrl: fake.url,
    models: ['fake-chat', 'fake-reasoner'],
    capabilities: { jsonSchema: true, jsonObject: true, tools: false, reasoning: false },
    timeoutMs: 10_000,
    maxRetries: 0,
  })
  await call('models.setPrices', [
    { providerId: 'fake-local', model: 'fake-chat', inputPerMTok: 0.5, outputPerMTok: 1.5 },
    { providerId: 'fake-local', model: 'fake-reasoner', inputPerMTok: 1, outputPerMTok: 4 },
  ])
  for (const pilotId of ['deepseek', 'qwen']) {
    await call('pilots.update', {
      pilotId,
      patch: { model: { providerId: 'fake-local', model: 'fake-chat' }, roleModels: { trader: { providerId: 'fake-local', model: 'fake-reasoner' } }, fallbackToRules: false },
    })
  }
})

test.afterAll(async () => {
  await server?.stop()
  await fake?.close()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

test('three pilots run, the model pilots trade through the order path, and the leaderboard follows', async ({ page }) => {
  test.setTimeout(180_000)
  await page.goto(`${server!.url}#/arena`)
  await expect(page.getByTestId('pilot-card').first()).toBeVisible()

  for (const pilotId of ['rules', 'deepseek', 'qwen']) {
    const report = await call<{ outcome: string; decisions: number; sent: number }>('pilots.runNow', { pilotId })
    if (pilotId === 'rules') expect(['traded', 'held']).toContain(report.outcome)
    else expect(report).toMatchObject({ outcome: 'traded', decisions: 9, sent: 1 })
  }
  // Every desk role was asked with JSON schema mode, as the provider declares it.
  expect(fake!.chatRequests().every((r) => r.body?.response_format?.type === 'json_schema')).toBe(true)

  // The fills reach the leaderboard: trades, fees and model cost for both model pilots.
  await expect
    .poll(async () => {
      const rows = await call<Array<{ pilotId: string; trades: number; modelCostUsd: number }>>('arena.leaderboard')
      return rows.filter((r) => r.pilotId !== 'rules' && r.trades > 0 && r.modelCostUsd > 0).length
    }, { timeout: 30_000 })
    .toBe(2)
  await page.reload()
  const board = page.getByTestId('arena-leaderboard')
  await expect(board).toBeVisible()
  await expect(board.getByText('DeepSeek desk')).toBeVisible()
  await expect(board.getByText('Qwen desk')).toBeVisible()
  await expect(board.getByText('Rules baseline')).toBeVisible()
  await expect(board).toContainText('fake-local/fake-chat')
  await page.waitForTimeout(500)
  await page.screenshot({ path: join(SCREENSHOTS, 'arena-three-pilots.png') })

  // The feed shows the trader's decision with its order, linked to the intent.
  await page.goto(`${server!.url}#/feed`)
  const traderCard = page.getByTestId('feed-card').filter({ hasText: 'DeepSeek desk' }).filter({ hasText: /Trader|交易员/ }).first()
  await expect(traderCard).toBeVisible({ timeout: 15_000 })
  await expect(traderCard).toContainText('open: buy 0.1 BTC/USDT:USDT market')
  await page.screenshot({ path: join(SCREENSHOTS, 'feed-model-pilots.png') })
})
