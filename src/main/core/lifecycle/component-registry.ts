import type { ComponentHealth, ComponentState, HealthReport } from '../../../shared/domain/health'
import type { Clock } from '../../ports/clock'

export interface ComponentReporter {
  readonly name: string
  set(state: ComponentState, detail?: string): void
  state(): ComponentState
}

// Worst first: the overall state is the worst state of any component.
const SEVERITY: Record<ComponentState, number> = { stopped: 3, degraded: 2, starting: 1, running: 0 }

/** Tracks the lifecycle state of each kernel component for `system.health`. */
export interface ComponentRegistry {
  register(name: string): ComponentReporter
  report(): HealthReport
  onChange(listener: (component: ComponentHealth) => void): () => void
}

export function createComponentRegistry(clock: Clock): ComponentRegistry {
  const components = new Map<string, ComponentHealth>()
  const listeners = new Set<(component: ComponentHealth) => void>()

  return {
    register(name) {
      if (components.has(name)) throw new Error(`Component ${name} is already registered`)
      components.set(name, { name, state: 'starting', since: clock.now() })
      return {
        name,
        state: () => components.get(name)!.state,
        set(state, detail) {
          const previous = components.get(name)!
          if (previous.state === state && previous.detail === detail) return
          const next: ComponentHealth = detail === undefined ? { name, state, since: clock.now() } : { name, state, detail, since: clock.now() }
          components.set(name, next)
          for (const listener of listeners) listener(next)
        },
      }
    },
    report() {
      const list = [...components.values()]
      const overall = list.reduce<ComponentState>((worst, c) => (SEVERITY[c.state] > SEVERITY[worst] ? c.state : worst), 'running')
      return { overall, components: list }
    },
    onChange(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}
