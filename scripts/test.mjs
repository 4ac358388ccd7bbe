// `npm test`: type-check, lint, build, unit + integration + contract tests
// (vitest), end-to-end tests in Chromium (Playwright). Every step runs even if
// an earlier one failed, so one run shows everything that is wrong; the last
// line is the `N passed, N failed` summary CI reads.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const results = join(root, 'test-results')
mkdirSync(results, { recursive: true })
const bin = (name) => join(root, 'node_modules/.bin', name)

const tally = { passed: 0, failed: 0, skipped: 0 }
const rows = []

function run(label, command, args) {
  process.stdout.write(`\n=== ${label}: ${[command, ...args].join(' ')}\n`)
  const started = Date.now()
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  return { ok: result.status === 0, seconds }
}

/** A step with no test count of its own counts as one check. */
function check(label, command, args) {
  const { ok, seconds } = run(label, command, args)
  tally[ok ? 'passed' : 'failed']++
  rows.push([label, ok ? 'ok' : 'FAILED', `${seconds}s`])
  return ok
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

check('typecheck (main)', bin('tsc'), ['-p', 'tsconfig.node.json'])
check('typecheck (renderer)', bin('tsc'), ['-p', 'tsconfig.web.json'])
check('typecheck (tests)', bin('tsc'), ['-p', 'tsconfig.test.json'])
check('lint', bin('eslint'), ['--max-warnings', '0', '.'])
const built = check('build', bin('electron-vite'), ['build'])

/** One vitest run, its counts added to the tally. */
function vitestStep(label, reportName, env = {}) {
  const report = join(results, reportName)
  rmSync(report, { force: true })
  process.env.CRASH_BATTERY_ONLY = env.CRASH_BATTERY_ONLY ?? ''
  const step = run(label, bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`])
  const v = readJson(report)
  if (v) {
    tally.passed += v.numPassedTests
    tally.failed += v.numFailedTests + (step.ok || v.numFailedTests > 0 ? 0 : 1)
    tally.skipped += v.numPendingTests + v.numTodoTests
    rows.push([label, `${v.numPassedTests} passed, ${v.numFailedTests} failed`, `${step.seconds}s`])
  } else {
    tally.failed++
    rows.push([label, 'NO REPORT', `${step.seconds}s`])
  }
}

vitestStep('vitest', 'vitest.json')
// Alone, after the rest: it kills child processes on real-time budgets.
vitestStep('crash battery', 'vitest-crash-battery.json', { CRASH_BATTERY_ONLY: '1' })

const e2eReport = join(results, 'playwright.json')
rmSync(e2eReport, { force: true })
if (built) {
  const e2e = run('end-to-end tests (Chromium)', bin('playwright'), ['test'])
  const p = readJson(e2eReport)
  if (p && p.stats) {
    const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = p.stats
    tally.passed += expected
    tally.failed += unexpected + flaky + (e2e.ok || unexpected + flaky > 0 ? 0 : 1)
    tally.skipped += skipped
    rows.push(['playwright', `${expected} passed, ${unexpected + flaky} failed, ${skipped} skipped`, `${e2e.seconds}s`])
  } else {
    tally.failed++
    rows.push(['playwright', existsSync(e2eReport) ? 'UNREADABLE REPORT' : 'NO REPORT', `${e2e.seconds}s`])
  }
} else {
  tally.failed++
  rows.push(['playwright', 'NOT RUN (build failed)', '-'])
}

process.stdout.write('\n=== summary\n')
for (const [label, outcome, time] of rows) process.stdout.write(`${label.padEnd(40)} ${outcome.padEnd(36)} ${time}\n`)
process.stdout.write(`${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped\n`)
process.exit(tally.failed === 0 ? 0 : 1)
