import { defineConfig } from 'vitest/config'

// The crash battery kills and restarts child processes against real time
// budgets: it runs alone (npm test gives it its own step) so the rest of the
// suite's load cannot starve it into a false failure.
const CRASH_BATTERY = 'test/integration/crash-battery.test.ts'
const crashBatteryOnly = process.env['CRASH_BATTERY_ONLY'] === '1'

export default defineConfig({
  test: {
    include: crashBatteryOnly ? [CRASH_BATTERY] : ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/contract/**/*.test.ts', 'test/conformance/**/*.test.ts'],
    exclude: crashBatteryOnly ? [] : [CRASH_BATTERY, '**/node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Shared 2-core machines: keep parallelism modest so integration tests are not starved.
    maxWorkers: 2,
  },
})
