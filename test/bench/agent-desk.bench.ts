// Agent-desk benchmark: the kernel's decision cycle (runPilotCycle) with
// real deps — the shipped prompts, the real renderer and output schemas,
// SHA-256, records, the trader's intents to a submit that answers at once —
// over a realistic frozen snapshot (2 perpetuals × 4 timeframes × 60 candles
// with indicators, 10-level books). Each figure against a baseline timed in
// the same run (the machines are shared and noisy, so only ratios compare):
// 1. orchestration overhead per cycle, with a model that answers instantly
//    (each role's answer precomputed by the real rules provider), for the
//    "desk" (9 roles) and "solo" pipelines, p50 and p99, against the work no
//    cycle can skip: per role, JSON.stringify of its answer, JSON.parse and
//    the role's zod schema. Wall time (p50, p99) and process CPU time (a
//    round's total over its cycles: other processes taking the core do not
//    count in it, so it is the steadier figure on a loaded machine);
// 2. the wall time of the desk with a fixed delay per role, against its
//    critical path (the slowest role of each layer), the same layers of bare
//    timers, the sequential sum (the gain from parallelism) and the DAG's own
//    longest path (what the layer-by-layer scheduling leaves on the table).
import { runPilotCycle, type CycleDeps, type CycleInput } from '../../src/main/core/agents/pilot-cycle'
import { RULES_PROVIDER_ID } from '../../src/shared/domain/agents/model'
import { ROLE_OUTPUT_SCHEMAS } from '../../src/shared/domain/agents/role-outputs'
import { PIPELINES, type PipelineId, type PipelineStep, type RoleId } from '../../src/shared/domain/agents/roles'
import { benchCycleDeps, benchPilot, benchSnapshot, cannedModel, cycleInput, rulesAnswers, type CycleSinks } from './support/agent-desk-fixtures'
import { reportBench, withBaseline, type BenchResult } from './support/report'

const ROUNDS = 5
const CYCLES_PER_ROUND: Record<PipelineId, number> = { desk: 100, solo: 300 }
const WARMUP_CYCLES = 100
const DELAYED_CYCLES = 20
const DELAYED_WARMUP = 3

/** Per-role model latency of the parallel run: the technical analyst is the slowest analyst. */
const ROLE_DELAY_MS: Record<RoleId, number> = {
  news_collector: 20,
  technical_analyst: 60,
  order_flow_analyst: 20,
  data_analyst: 20,
  macro_trader: 20,
  strategy_generator: 20,
  bull_analyst: 20,
  bear_analyst: 20,
  trader: 30,
  risk_officer: 10,
}

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
const sortedCopy = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b)
const median = (xs: readonly number[]): number => quantile(sortedCopy(xs), 0.5)
/** Process CPU time (user + system, GC threads included) since `from`: unlike wall time, blind to other processes taking the core. */
const cpuMsSince = (from: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(from)
  return (used.user + used.system) / 1000
}
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

interface Bench {
  deps: CycleDeps
  sinks: CycleSinks
  input: CycleInput
  steps: readonly PipelineStep[]
}

/** One cycle, timed, checked to have run every role and sent the trader's orders: a cycle that did less would flatter the figure. */
async function timedCycle(bench: Bench): Promise<number> {
  const started = performance.now()
  const report = await runPilotCycle(bench.deps, bench.input)
  const elapsed = performance.now() - started
  if (report.decisions !== bench.steps.length || report.outcome !== 'traded' || report.sent === 0) {
    throw new Error(`the ${bench.input.pilot.pipeline} cycle did not run through: ${JSON.stringify(report)}`)
  }
  bench.sinks.records.length = 0
  bench.sinks.links.length = 0
  bench.sinks.submitted.length = 0
  return elapsed
}

/** The irreducible work of a cycle's answers: each role's answer serialised, parsed and checked by its schema. */
function baselineRunner(steps: readonly PipelineStep[], answers: ReadonlyMap<RoleId, string>): () => number {
  const parsed = steps.map((s) => ({ role: s.role, answer: JSON.parse(answers.get(s.role)!) as unknown }))
  return () => {
    const started = performance.now()
    let sink = 0
    for (const { role, answer } of parsed) {
      const checked = ROLE_OUTPUT_SCHEMAS[role].parse(JSON.parse(JSON.stringify(answer)))
      if (checked) sink++
    }
    const elapsed = performance.now() - started
    if (sink !== parsed.length) throw new Error('a baseline answer failed its schema')
    return elapsed
  }
}

/** The pipeline in the kernel's layers: every step whose inputs are done runs with the others of its layer. */
function layersOf(steps: readonly PipelineStep[]): RoleId[][] {
  const done = new Set<RoleId>()
  const layers: RoleId[][] = []
  while (done.size < steps.length) {
    const ready = steps.filter((s) => !done.has(s.role) && s.after.every((d) => done.has(d))).map((s) => s.role)
    if (ready.length === 0) throw new Error('the pipeline has a cycle')
    layers.push(ready)
    for (const role of ready) done.add(role)
  }
  return layers
}

/** The DAG's longest path: each role starts when its own inputs are done, not its whole layer. */
function longestPath(steps: readonly PipelineStep[], delay: (role: RoleId) => number): number {
  const finish = new Map<RoleId, number>()
  for (const layer of layersOf(steps)) {
    for (const role of layer) {
      const step = steps.find((s) => s.role === role)!
      finish.set(role, Math.max(0, ...step.after.map((d) => finish.get(d)!)) + delay(role))
    }
  }
  return Math.max(...finish.values())
}

async function overheadResults(): Promise<BenchResult[]> {
  const snapshot = benchSnapshot()
  const pipelines: PipelineId[] = ['desk', 'solo']
  const benches = {} as Record<PipelineId, Bench>
  const baselines = {} as Record<PipelineId, () => number>
  for (const pipeline of pipelines) {
    const pilot = benchPilot(pipeline)
    const answers = await rulesAnswers(pilot, snapshot)
    const { deps, sinks } = benchCycleDeps(cannedModel(answers))
    benches[pipeline] = { deps, sinks, input: cycleInput(pilot, snapshot), steps: PIPELINES[pipeline] }
    baselines[pipeline] = baselineRunner(PIPELINES[pipeline], answers)
  }
  // The shipped rules pilot: solo, with the rules provider deciding inside the cycle.
  const rulesPilot = { ...benchPilot('solo'), model: { providerId: RULES_PROVIDER_ID, model: 'trend_following' } }
  const { deps: rulesDeps, sinks: rulesSinks } = benchCycleDeps(cannedModel(new Map()))
  const rulesBench: Bench = { deps: rulesDeps, sinks: rulesSinks, input: cycleInput(rulesPilot, snapshot), steps: PIPELINES.solo }

  for (let w = 0; w < WARMUP_CYCLES; w++) {
    for (const pipeline of pipelines) {
      await timedCycle(benches[pipeline])
      baselines[pipeline]()
    }
    await timedCycle(rulesBench)
  }

  const cycle: Record<PipelineId, number[]> = { desk: [], solo: [] }
  const baseline: Record<PipelineId, number[]> = { desk: [], solo: [] }
  const cycleCpu: Record<PipelineId, number[]> = { desk: [], solo: [] }
  const baselineCpu: Record<PipelineId, number[]> = { desk: [], solo: [] }
  const rules: number[] = []
  // Round by round, every runner in turn, so drift on a shared machine hits all alike.
  for (let r = 0; r < ROUNDS; r++) {
    for (const pipeline of pipelines) {
      const n = CYCLES_PER_ROUND[pipeline]
      let cpu = process.cpuUsage()
      for (let i = 0; i < n; i++) cycle[pipeline].push(await timedCycle(benches[pipeline]))
      cycleCpu[pipeline].push(cpuMsSince(cpu) / n)
      cpu = process.cpuUsage()
      for (let i = 0; i < n; i++) baseline[pipeline].push(baselines[pipeline]())
      baselineCpu[pipeline].push(cpuMsSince(cpu) / n)
    }
    for (let i = 0; i < CYCLES_PER_ROUND.solo; i++) rules.push(await timedCycle(rulesBench))
  }

  const results: BenchResult[] = []
  for (const pipeline of pipelines) {
    const times = sortedCopy(cycle[pipeline])
    const base = sortedCopy(baseline[pipeline])
    const roles = PIPELINES[pipeline].length
    const what = `${pipeline} cycle (${roles} role${roles === 1 ? '' : 's'}), instant model`
    const against = 'baseline: stringify + parse + zod of its answers'
    results.push(withBaseline(`${what}, p50 (${against})`, quantile(times, 0.5), 'ms/cycle', quantile(base, 0.5)))
    results.push(withBaseline(`${what}, p99 (${against})`, quantile(times, 0.99), 'ms/cycle', quantile(base, 0.99)))
    results.push(withBaseline(`${what}, CPU time, median round (${against})`, median(cycleCpu[pipeline]), 'CPU ms/cycle', median(baselineCpu[pipeline])))
  }
  results.push(withBaseline('solo cycle, rules provider deciding, p50 (baseline: the same cycle with an instant model)', quantile(sortedCopy(rules), 0.5), 'ms/cycle', quantile(sortedCopy(cycle.solo), 0.5)))
  return results
}

async function parallelResults(): Promise<BenchResult[]> {
  const snapshot = benchSnapshot()
  const pilot = benchPilot('desk')
  const steps = PIPELINES.desk
  const answers = await rulesAnswers(pilot, snapshot)
  const delay = (role: RoleId): number => ROLE_DELAY_MS[role]
  const { deps, sinks } = benchCycleDeps(cannedModel(answers, delay))
  const bench: Bench = { deps, sinks, input: cycleInput(pilot, snapshot), steps }
  const layers = layersOf(steps)
  const criticalPath = layers.reduce((sum, layer) => sum + Math.max(...layer.map(delay)), 0)
  const sequential = steps.reduce((sum, s) => sum + delay(s.role), 0)
  const dagPath = longestPath(steps, delay)
  // The same layers with nothing but the timers: what this machine's timers alone take.
  const bareTimers = async (): Promise<number> => {
    const started = performance.now()
    for (const layer of layers) await Promise.all(layer.map((role) => sleep(delay(role))))
    return performance.now() - started
  }

  for (let w = 0; w < DELAYED_WARMUP; w++) {
    await timedCycle(bench)
    await bareTimers()
  }
  const walls: number[] = []
  const timers: number[] = []
  for (let i = 0; i < DELAYED_CYCLES; i++) {
    walls.push(await timedCycle(bench))
    timers.push(await bareTimers())
  }
  const wall = quantile(sortedCopy(walls), 0.5)
  console.log(`desk layers: ${layers.map((l) => l.map((r) => `${r} ${delay(r)}ms`).join(' | ')).join('  →  ')}`)
  console.log(`critical path ${criticalPath} ms (slowest role of each layer), DAG longest path ${dagPath} ms, sequential ${sequential} ms; wall p50 ${wall.toFixed(1)} ms, max ${Math.max(...walls).toFixed(1)} ms`)
  // The issue's own yardstick: the slowest single role. The DAG's dependencies make the cycle longer than it, by design.
  const slowestRole = Math.max(...layers.flat().map(delay))
  return [
    withBaseline('desk wall time, delayed models, p50 (baseline: the slowest single role)', wall, 'ms/cycle', slowestRole),
    withBaseline('desk wall time, delayed models, p50 (baseline: critical path, slowest role per layer)', wall, 'ms/cycle', criticalPath),
    withBaseline('desk wall time, delayed models, p50 (baseline: the same layers of bare timers)', wall, 'ms/cycle', quantile(sortedCopy(timers), 0.5)),
    withBaseline('desk wall time, delayed models, p50 (baseline: every role in sequence)', wall, 'ms/cycle', sequential),
    withBaseline("desk wall time, delayed models, p50 (baseline: the DAG's longest path)", wall, 'ms/cycle', dagPath),
  ]
}

async function main(): Promise<void> {
  const started = performance.now()
  const overhead = await overheadResults()
  const parallel = await parallelResults()
  console.log(`agent-desk benchmark ran in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  reportBench([...overhead, ...parallel])
}

await main()
