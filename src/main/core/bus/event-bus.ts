type Listener<T> = (payload: T) => void

/**
 * A synchronous, typed publish/subscribe bus. A listener that throws is
 * reported and skipped so one faulty subscriber cannot starve the others.
 */
export interface EventBus<M extends Record<string, unknown>> {
  publish<K extends keyof M & string>(topic: K, payload: M[K]): void
  subscribe<K extends keyof M & string>(topic: K, listener: Listener<M[K]>): () => void
  listenerCount(topic: keyof M & string): number
}

export function createEventBus<M extends Record<string, unknown>>(
  onListenerError: (topic: string, error: unknown) => void,
): EventBus<M> {
  const listeners = new Map<string, Set<Listener<never>>>()
  return {
    publish(topic, payload) {
      const set = listeners.get(topic)
      if (!set) return
      for (const listener of [...set]) {
        try {
          ;(listener as Listener<typeof payload>)(payload)
        } catch (error) {
          onListenerError(topic, error)
        }
      }
    },
    subscribe(topic, listener) {
      let set = listeners.get(topic)
      if (!set) listeners.set(topic, (set = new Set()))
      set.add(listener as Listener<never>)
      return () => void set.delete(listener as Listener<never>)
    },
    listenerCount: (topic) => listeners.get(topic)?.size ?? 0,
  }
}
