import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface BenchResult {
  name: string
  value: number
  unit: string
  baseline?: number
  ratio?: number
}

/** Where results accumulate; `npm run bench` empties it before the first benchmark runs. */
export const BENCH_RESULTS_FILE = join(process.cwd(), 'bench-results.json')

/** Rounds a result for reading, with the ratio against its baseline. */
export function withBaseline(name: string, value: number, unit: string, baseline: number): BenchResult {
  const round = (n: number, digits: number): number => Number(n.toPrecision(digits))
  return { name, value: round(value, 4), unit, baseline: round(baseline, 4), ratio: round(value / baseline, 3) }
}

/** Appends results to bench-results.json and prints them as a table. */
export function reportBench(results: BenchResult[]): void {
  const previous: BenchResult[] = existsSync(BENCH_RESULTS_FILE) ? (JSON.parse(readFileSync(BENCH_RESULTS_FILE, 'utf8')) as BenchResult[]) : []
  writeFileSync(BENCH_RESULTS_FILE, JSON.stringify([...previous, ...results], null, 2) + '\n')
  console.table(results.map((r) => ({ benchmark: r.name, value: r.value, unit: r.unit, baseline: r.baseline, ratio: r.ratio })))
}
